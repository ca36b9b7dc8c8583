import { css } from 'lit';

export const styles = css`
  :host {
    /* The queue and the audit table want more room than the fan app's reading column. */
    --cp-content-width: 80rem;
  }

  .account .button {
    white-space: nowrap;
  }

  @media (max-width: 30rem) {
    .header__inner,
    .main {
      padding-left: var(--cp-space-4);
      padding-right: var(--cp-space-4);
    }
  }

  .badge {
    padding: 0 var(--cp-space-2);
    border: 1px solid var(--cp-color-border);
    border-radius: var(--cp-radius);
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }

  .workspace {
    display: grid;
    gap: var(--cp-space-6);
  }

  @media (min-width: 60rem) {
    .workspace {
      grid-template-columns: 13rem minmax(0, 1fr);
      align-items: start;
    }
  }

  .sidebar {
    display: grid;
    gap: var(--cp-space-2);
  }

  .sidebar__title {
    margin: 0;
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--cp-color-text-muted);
  }

  .spaces {
    display: grid;
    gap: var(--cp-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  @media (max-width: 59.99rem) {
    .spaces {
      display: flex;
      flex-wrap: wrap;
    }
  }

  .spaces__link {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--cp-space-2);
    padding: var(--cp-space-2) var(--cp-space-3);
    border-radius: var(--cp-radius);
    color: var(--cp-color-accent);
    text-decoration: none;
  }

  .spaces__link:hover {
    background: var(--cp-color-surface);
    text-decoration: underline;
  }

  .spaces__link[aria-current='true'] {
    background: var(--cp-color-accent);
    color: var(--cp-color-on-accent);
    font-weight: 600;
  }

  .spaces__role {
    font-size: var(--cp-font-size-sm);
  }

  .work {
    display: grid;
    gap: var(--cp-space-6);
    min-width: 0;
  }

  .sections__list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-1) var(--cp-space-2);
    margin: 0;
    padding: 0 0 var(--cp-space-2);
    border-bottom: 1px solid var(--cp-color-border-subtle);
    list-style: none;
  }

  .sections__link {
    display: inline-block;
    padding: var(--cp-space-2) var(--cp-space-3);
    border-radius: var(--cp-radius);
    color: var(--cp-color-accent);
    font-weight: 600;
    text-decoration: none;
  }

  .sections__link:hover {
    background: var(--cp-color-surface);
    text-decoration: underline;
  }

  .sections__link[aria-current='page'] {
    background: var(--cp-color-surface);
    color: var(--cp-color-text);
    box-shadow: inset 0 -3px 0 var(--cp-color-accent);
  }

  .intro {
    display: grid;
    gap: var(--cp-space-4);
    max-width: 40rem;
  }

  .intro p {
    margin: 0;
  }

  .intro .panel {
    max-width: 28rem;
  }
`;
