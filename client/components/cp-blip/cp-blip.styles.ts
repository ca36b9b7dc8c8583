import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .blip {
    position: relative;
    display: grid;
    grid-template-columns: 2rem minmax(0, 1fr);
    gap: 0 var(--cp-space-3);
    padding: var(--cp-space-3) var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
    background: var(--cp-color-bg);
    scroll-margin-top: 5rem;
  }
  .blip:focus {
    outline: none;
  }
  .blip:focus-visible,
  :host([highlighted]) .blip {
    border-color: var(--cp-color-accent);
    box-shadow: 0 0 0 3px rgb(10 88 202 / 0.2);
  }
  :host([pinned]) .blip {
    border-color: #a6d4b6;
    background: #f6fbf7;
  }
  .avatar {
    display: grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    border-radius: 50%;
    color: #fff;
    font-size: 0.875rem;
    font-weight: 700;
  }
  .main {
    display: grid;
    gap: var(--cp-space-2);
    min-width: 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--cp-space-2);
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }
  .author {
    color: var(--cp-color-text);
    font-weight: 700;
  }
  a.author {
    text-decoration: none;
  }
  a.author:hover {
    text-decoration: underline;
  }
  .official {
    padding: 0 var(--cp-space-2);
    border-radius: 999px;
    background: var(--cp-color-success-bg);
    color: var(--cp-color-success);
    font-weight: 600;
  }
  .review {
    padding: 0 var(--cp-space-2);
    border-radius: 999px;
    background: #fffaeb;
    color: #93370d;
    font-weight: 600;
  }
  .review--rejected {
    background: var(--cp-color-danger-bg);
    color: var(--cp-color-danger);
  }
  :host([data-visibility='held']) .blip,
  :host([data-visibility='rejected']) .blip {
    border-style: dashed;
  }
  .deleted {
    margin: 0;
    color: var(--cp-color-text-muted);
    font-style: italic;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-1) var(--cp-space-2);
  }
  .reaction,
  .action {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-height: 2rem;
    padding: 0 var(--cp-space-2);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 999px;
    background: var(--cp-color-bg);
    color: var(--cp-color-text);
    font: inherit;
    font-size: var(--cp-font-size-sm);
    cursor: pointer;
  }
  .reaction[aria-pressed='true'] {
    border-color: #84adff;
    background: #eef4ff;
    color: var(--cp-color-accent-hover);
    font-weight: 600;
  }
  .action {
    border-color: transparent;
    color: var(--cp-color-text-muted);
    font-weight: 600;
  }
  .action:hover,
  .reaction:hover {
    background: var(--cp-color-surface);
    color: var(--cp-color-text);
  }
  .action--danger {
    color: var(--cp-color-danger);
  }
  .picker {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-1);
    padding: var(--cp-space-1);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 999px;
    background: var(--cp-color-bg);
    box-shadow: 0 4px 12px rgb(16 24 40 / 0.1);
  }
  .picker button {
    width: 2rem;
    height: 2rem;
    border: 0;
    border-radius: 50%;
    background: none;
    font-size: 1.1rem;
    cursor: pointer;
  }
  .picker button:hover {
    background: var(--cp-color-surface);
  }
  .reply-here {
    position: absolute;
    z-index: 3;
    box-shadow: 0 4px 12px rgb(16 24 40 / 0.18);
  }
  .revisions {
    display: grid;
    gap: var(--cp-space-2);
    margin: 0;
    padding: var(--cp-space-3);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.5rem;
    background: var(--cp-color-surface);
    font-size: var(--cp-font-size-sm);
    list-style: none;
  }
  .revisions li + li {
    padding-top: var(--cp-space-2);
    border-top: 1px solid var(--cp-color-border-subtle);
  }
  .revisions .when {
    color: var(--cp-color-text-muted);
  }
  .confirm {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2);
    font-size: var(--cp-font-size-sm);
  }
  @media (max-width: 30rem) {
    .blip {
      grid-template-columns: minmax(0, 1fr);
      padding: var(--cp-space-3);
    }
    .avatar {
      display: none;
    }
  }
`;
