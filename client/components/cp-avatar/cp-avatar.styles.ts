import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    flex: none;
    vertical-align: middle;
    --cp-avatar-size: 2rem;
  }
  :host([size='sm']) {
    --cp-avatar-size: 1.5rem;
  }
  :host([size='lg']) {
    --cp-avatar-size: 4.5rem;
  }
  .avatar {
    display: grid;
    place-items: center;
    width: var(--cp-avatar-size);
    height: var(--cp-avatar-size);
    border-radius: 50%;
    /* The palette keeps 4.5:1 with white (client/editor/user-color.ts). */
    color: #ffffff;
    font-size: calc(var(--cp-avatar-size) * 0.4);
    font-weight: 700;
    line-height: 1;
    letter-spacing: 0.02em;
    user-select: none;
  }
`;
