import { css } from 'lit';

export const styles = css`
  .space-error {
    display: grid;
    gap: var(--cp-space-3);
    max-width: 40rem;
  }
`;
