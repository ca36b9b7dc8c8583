import { css } from 'lit';

export const styles = css`
  .space-error {
    display: grid;
    gap: var(--cp-space-3);
    max-width: 40rem;
  }
  .header {
    position: sticky;
    top: 0;
    z-index: 20;
  }
  .header__title a {
    color: inherit;
    text-decoration: none;
  }
  .header__title a:hover {
    text-decoration: underline;
  }
  .header__inner {
    padding-top: var(--cp-space-3);
    padding-bottom: var(--cp-space-3);
  }
  .header__title {
    font-size: var(--cp-font-size-lg);
  }
  .main {
    gap: var(--cp-space-4);
  }
  .sections {
    display: flex;
    gap: var(--cp-space-1);
    align-self: center;
  }
  .sections a {
    padding: 0.25rem 0.75rem;
    border-radius: 999px;
    color: var(--cp-color-text-muted);
    font-weight: 600;
    text-decoration: none;
  }
  .sections a:hover {
    background: var(--cp-color-bg);
    color: var(--cp-color-text);
  }
  .sections a[aria-current] {
    background: var(--cp-color-bg);
    color: var(--cp-color-accent-hover);
    box-shadow: inset 0 0 0 1px var(--cp-color-border-subtle);
  }
  .sign-in-dialog {
    width: min(26rem, calc(100vw - 1.5rem));
    padding: var(--cp-space-6);
    border: 0;
    border-radius: 0.75rem;
    box-shadow: 0 24px 48px rgb(16 24 40 / 0.25);
    color: var(--cp-color-text);
  }
  .sign-in-dialog::backdrop {
    background: rgb(16 24 40 / 0.55);
  }
  .sign-in-dialog__close {
    float: right;
  }
  @media (max-width: 30rem) {
    .header__inner,
    .main {
      padding-left: var(--cp-space-3);
      padding-right: var(--cp-space-3);
    }
    .account > span {
      display: none;
    }
  }
`;
