import { css } from 'lit';

/** Page frame shared by the fan app and the staff console: skip link, header bar, main column. */
export const shell = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--cp-color-bg);
  }

  .skip-link {
    position: absolute;
    top: var(--cp-space-2);
    left: var(--cp-space-2);
    z-index: 10;
    padding: var(--cp-space-2) var(--cp-space-4);
    border-radius: var(--cp-radius);
    background: var(--cp-color-accent);
    color: var(--cp-color-on-accent);
    font-weight: 600;
    transform: translateY(-200%);
  }

  .skip-link:focus {
    transform: none;
  }

  .header {
    border-bottom: 1px solid var(--cp-color-border-subtle);
    background: var(--cp-color-surface);
  }

  .header__inner,
  .main {
    max-width: var(--cp-content-width);
    margin: 0 auto;
    padding: var(--cp-space-4) var(--cp-space-6);
  }

  .header__inner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--cp-space-3) var(--cp-space-6);
  }

  .header__titles {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--cp-space-1) var(--cp-space-4);
    min-width: 0;
  }

  .brand {
    color: var(--cp-color-text);
    font-weight: 700;
    letter-spacing: 0.01em;
    text-decoration: none;
  }

  .brand:hover {
    text-decoration: underline;
  }

  .header__title {
    margin: 0;
    font-size: var(--cp-font-size-xl);
    line-height: 1.2;
    overflow-wrap: anywhere;
  }

  .header__tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-3) var(--cp-space-4);
  }

  .account {
    display: flex;
    align-items: center;
    gap: var(--cp-space-3);
  }

  .account__name {
    font-weight: 600;
  }

  .main {
    display: grid;
    gap: var(--cp-space-6);
    padding-top: var(--cp-space-6);
    padding-bottom: var(--cp-space-8);
  }

  .main:focus {
    outline: none;
  }

  .section {
    display: grid;
    gap: var(--cp-space-3);
    align-content: start;
  }

  .section__title {
    margin: 0;
    font-size: var(--cp-font-size-lg);
  }

  .muted {
    margin: 0;
    color: var(--cp-color-text-muted);
  }

  .panel {
    padding: var(--cp-space-6);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
  }

  @media (min-width: 52rem) {
    .main--with-aside {
      grid-template-columns: minmax(0, 1fr) 22rem;
      align-items: start;
    }
  }
`;
