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
  .header__titles {
    align-items: center;
  }
  .sections {
    flex-wrap: wrap;
    order: 3;
    flex-basis: 100%;
  }
  .sections a {
    display: inline-flex;
    align-items: center;
    gap: var(--cp-space-2);
    min-height: 2.25rem;
  }
  .badge {
    display: inline-grid;
    place-items: center;
    min-width: 1.375rem;
    height: 1.375rem;
    padding: 0 0.375rem;
    border-radius: 999px;
    background: var(--cp-color-danger);
    color: #ffffff;
    font-size: 0.8125rem;
    font-weight: 700;
    line-height: 1;
  }
  .account {
    flex-wrap: wrap;
  }
  .account a.button {
    text-decoration: none;
  }
  .account__who {
    display: inline-flex;
    align-items: center;
    gap: var(--cp-space-2);
  }
  .account__link {
    color: var(--cp-color-accent);
    font-weight: 600;
  }
  .account__link[aria-current] {
    color: var(--cp-color-text);
  }
  .connection-note {
    margin: 0;
    padding: var(--cp-space-2) var(--cp-space-6);
    border-top: 1px solid #fedf89;
    background: #fffaeb;
    color: #7a2e0e;
    font-size: var(--cp-font-size-sm);
    text-align: center;
  }
  @media (max-width: 40rem) {
    .account__who {
      display: none;
    }
  }
  @media (max-width: 30rem) {
    .header__inner,
    .main {
      padding-left: var(--cp-space-3);
      padding-right: var(--cp-space-3);
    }
    .header__inner {
      gap: var(--cp-space-2) var(--cp-space-3);
    }
    .sections {
      gap: 0;
    }
    .sections a {
      padding: 0.25rem 0.375rem;
      font-size: 0.9375rem;
    }
    .connection-note {
      padding: var(--cp-space-2) var(--cp-space-3);
    }
  }
`;
