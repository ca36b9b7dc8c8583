import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    min-width: 0;
  }
  .page {
    display: grid;
    gap: var(--cp-space-4);
  }
  .back {
    justify-self: start;
  }
  .head {
    display: grid;
    gap: var(--cp-space-2);
  }
  .topic {
    margin: 0;
    font-size: var(--cp-font-size-xl);
    line-height: 1.2;
    overflow-wrap: anywhere;
  }
  h4 {
    margin: 0;
    font-size: var(--cp-font-size-lg);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
    margin: 0;
    color: var(--cp-color-text-muted);
  }
  .badge {
    padding: 0 0.5rem;
    border-radius: 999px;
    background: var(--cp-color-surface);
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }
  .people {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .person {
    padding: 0.125rem 0.625rem;
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 999px;
    background: var(--cp-color-bg);
    color: var(--cp-color-text);
    font: inherit;
    font-size: var(--cp-font-size-sm);
    cursor: pointer;
  }
  .person[aria-pressed='true'] {
    border-color: var(--cp-color-accent);
    background: #e0eaff;
  }
  .person .staff {
    color: var(--cp-color-success);
    font-weight: 600;
  }
  .layout {
    display: grid;
    gap: var(--cp-space-4);
  }
  @media (min-width: 56rem) {
    .layout {
      grid-template-columns: minmax(0, 1.5fr) minmax(17rem, 1fr);
      align-items: start;
    }
  }
  .chat {
    display: grid;
    gap: var(--cp-space-3);
    min-width: 0;
  }
  .log {
    display: grid;
    gap: var(--cp-space-2);
    max-height: 24rem;
    margin: 0;
    padding: var(--cp-space-3);
    overflow-y: auto;
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
    list-style: none;
  }
  .message p {
    margin: 0;
  }
  .message[data-held] {
    opacity: 0.7;
  }
  .meta {
    display: flex;
    gap: var(--cp-space-2);
    align-items: baseline;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }
  .author {
    font-weight: 600;
  }
  .body {
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .banner {
    padding: var(--cp-space-2);
    border-radius: var(--cp-radius);
    background: var(--cp-color-surface);
    font-size: var(--cp-font-size-sm);
  }
  .hands {
    display: grid;
    gap: var(--cp-space-2);
  }
  .hand-list,
  .answered {
    display: grid;
    gap: var(--cp-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .hand {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: var(--cp-space-2);
    padding: var(--cp-space-2) var(--cp-space-3);
    border-left: 4px solid #f79009;
    border-radius: var(--cp-radius);
    background: #fffaeb;
  }
  .question {
    display: block;
    color: var(--cp-color-text-muted);
  }
  .answered li {
    padding: var(--cp-space-2) var(--cp-space-3);
    border-left: 4px solid var(--cp-color-success);
    border-radius: var(--cp-radius);
    background: var(--cp-color-success-bg);
  }
  .fan {
    min-width: 0;
    padding: var(--cp-space-3);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: var(--cp-radius);
  }
  .fan p {
    margin: 0 0 var(--cp-space-2);
  }
`;
