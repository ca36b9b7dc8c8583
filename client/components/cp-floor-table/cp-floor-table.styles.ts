import { css } from 'lit';

/** The card's height is fixed (the page windows the grid by rows of this height). */
export const FLOOR_CARD_HEIGHT = 212;

export const styles = css`
  :host {
    display: block;
    height: ${FLOOR_CARD_HEIGHT}px;
    box-sizing: border-box;
    padding-bottom: var(--cp-space-3);
  }
  .card {
    box-sizing: border-box;
    display: grid;
    grid-template-rows: auto auto auto 1fr auto;
    gap: var(--cp-space-2);
    height: 100%;
    padding: var(--cp-space-3);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
    background: var(--cp-color-bg);
    overflow: hidden;
  }
  .card[data-alert] {
    border-color: #f79009;
    box-shadow: inset 3px 0 0 #f79009;
  }
  .card[data-mine] {
    border-color: var(--cp-color-accent);
  }
  .top {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--cp-space-2);
    min-width: 0;
  }
  .title {
    flex: 1 1 auto;
    min-width: 0;
    margin: 0;
    font-size: 1rem;
    line-height: 1.3;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .title a {
    color: var(--cp-color-text);
    text-decoration: none;
  }
  .title a:hover {
    color: var(--cp-color-accent);
    text-decoration: underline;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    justify-content: end;
    gap: var(--cp-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .badge {
    padding: 0 0.4rem;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 600;
    white-space: nowrap;
  }
  .badge--hand {
    background: #fef0c7;
    color: #7a2e0e;
  }
  .badge--watched {
    background: var(--cp-color-danger-bg);
    color: var(--cp-color-danger);
  }
  .badge--busy {
    background: #e0eaff;
    color: var(--cp-color-accent-hover);
  }
  .badge--locked {
    background: var(--cp-color-surface);
    color: var(--cp-color-text-muted);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--cp-space-3);
    margin: 0;
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
  }
  .staff {
    color: var(--cp-color-success);
    font-weight: 600;
  }
  .activity {
    display: flex;
    align-items: center;
    gap: var(--cp-space-2);
    font-size: var(--cp-font-size-sm);
  }
  .rate {
    color: var(--cp-color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .last-line {
    margin: 0;
    font-size: var(--cp-font-size-sm);
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
  }
  .author {
    font-weight: 600;
  }
  .actions {
    display: flex;
    gap: var(--cp-space-2);
  }
  .actions .button {
    padding: var(--cp-space-1) var(--cp-space-3);
    font-size: var(--cp-font-size-sm);
  }
`;
