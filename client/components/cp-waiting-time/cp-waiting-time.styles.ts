import { css } from 'lit';

export const styles = css`
  :host {
    display: inline;
    font-variant-numeric: tabular-nums;
  }
`;
