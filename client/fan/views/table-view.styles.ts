import { css } from 'lit';
import { fieldBox } from '../../styles/forms.js';

export const styles = css`
  .page {
    display: grid;
    gap: var(--cp-space-6);
  }
  h2 {
    margin: 0;
    font-size: clamp(1.5rem, 1.2rem + 1.2vw, 2.1rem);
    line-height: 1.2;
    overflow-wrap: anywhere;
  }
  h2:focus {
    outline: none;
  }
  h3 {
    margin: 0;
    font-size: var(--cp-font-size-lg);
  }
  .table-head {
    display: grid;
    gap: var(--cp-space-3);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.0625rem 0.625rem;
    border-radius: 999px;
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }
  .badge--closed {
    background: var(--cp-color-surface);
    color: var(--cp-color-text-muted);
  }
  .badge--locked {
    background: #fffaeb;
    color: #7a2e0e;
  }
  .badge--full {
    background: var(--cp-color-danger-bg);
    color: var(--cp-color-danger);
  }
  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2) var(--cp-space-4);
  }
  .title-row h2 {
    flex: 0 1 auto;
    min-width: 0;
  }
  .topic-form {
    display: grid;
    gap: var(--cp-space-1);
  }
  .topic-form label,
  .raise label,
  .promote label {
    font-weight: 600;
  }
  .topic-form__row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
  }
  .topic-form input {
    flex: 1 1 16rem;
    min-width: 0;
    min-height: 2.75rem;
    ${fieldBox}
    font-size: var(--cp-font-size-lg);
  }
  [aria-invalid='true'] {
    border: 2px solid var(--cp-color-danger);
  }
  .field-error {
    margin: 0;
    color: var(--cp-color-danger);
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-1) var(--cp-space-4);
    margin: 0;
    padding: 0;
    list-style: none;
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
  }
  .facts .seats {
    color: var(--cp-color-text);
    font-weight: 600;
  }
  .staff-line {
    justify-self: start;
    margin: 0;
    padding: var(--cp-space-1) var(--cp-space-3);
    border-radius: var(--cp-radius);
    background: #f4ebff;
    color: #53389e;
    font-weight: 600;
  }
  .seat-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2) var(--cp-space-3);
  }
  .seat-actions p {
    margin: 0;
  }
  /* Full, or locked: says so, and does not look like something to press. */
  .button.unavailable {
    border-color: var(--cp-color-border-subtle);
    background: var(--cp-color-surface);
    color: var(--cp-color-text-muted);
    cursor: not-allowed;
    opacity: 1;
  }
  .alternative {
    display: grid;
    gap: var(--cp-space-2);
    max-width: 40rem;
    padding: var(--cp-space-3) var(--cp-space-4);
    border-left: 4px solid #b26a00;
    border-radius: var(--cp-radius);
    background: #fffaeb;
  }
  .alternative p {
    margin: 0;
  }
  .alternative__actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
  }
  .alternative .button {
    white-space: normal;
    text-align: left;
  }
  .layout {
    display: grid;
    gap: var(--cp-space-6);
  }
  .secondary {
    display: grid;
    gap: var(--cp-space-4);
    align-content: start;
    min-width: 0;
  }
  section {
    display: grid;
    gap: var(--cp-space-3);
    align-content: start;
    min-width: 0;
  }
  .section-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--cp-space-2) var(--cp-space-4);
  }
  .card {
    padding: var(--cp-space-4);
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
    background: var(--cp-color-bg);
  }
  .card h3 {
    font-size: 1rem;
  }
  .staff {
    border-color: #d6bbfb;
    background: #fcfaff;
  }
  .summary p,
  .signed-out p {
    margin: 0;
  }
  .signed-out {
    display: grid;
    gap: var(--cp-space-3);
    justify-items: start;
    padding: var(--cp-space-6);
    border: 1px dashed var(--cp-color-border-subtle);
    border-radius: 0.75rem;
  }
  /* The chat */
  .log {
    display: grid;
    gap: var(--cp-space-1);
    max-height: min(30rem, 60vh);
    margin: 0;
    padding: var(--cp-space-2);
    overflow-y: auto;
    border: 1px solid var(--cp-color-border-subtle);
    border-radius: 0.75rem;
    background: var(--cp-color-bg);
    list-style: none;
    overscroll-behavior: contain;
  }
  .message {
    display: flex;
    align-items: start;
    gap: var(--cp-space-2);
    padding: var(--cp-space-2);
    border-radius: 0.5rem;
  }
  .message[data-mine] {
    background: #f5f8ff;
  }
  .message[data-held] {
    border: 1px dashed #b26a00;
    background: #fffaeb;
  }
  .message[data-linked] {
    box-shadow: inset 0 0 0 2px var(--cp-color-accent);
  }
  .pick {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.125rem 0 0;
  }
  .avatar {
    display: inline-grid;
    flex: none;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    border-radius: 50%;
    color: #fff;
    font-size: 0.8125rem;
    font-weight: 700;
  }
  .message__main {
    display: grid;
    gap: 0.125rem;
    min-width: 0;
  }
  .message__meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cp-space-2);
    margin: 0;
    color: var(--cp-color-text-muted);
    font-size: 0.8125rem;
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
  .message__body {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .held {
    margin: 0;
    color: #7a2e0e;
    font-size: 0.8125rem;
    font-weight: 600;
  }
  .banner {
    display: flex;
    gap: var(--cp-space-2);
    padding: var(--cp-space-2) var(--cp-space-3);
    border-radius: 0.5rem;
    overflow-wrap: anywhere;
  }
  .banner--announcement {
    border: 1px solid #b2ccff;
    background: #f5f8ff;
  }
  .banner--promoted {
    border: 1px solid #a6f4c5;
    background: var(--cp-color-success-bg);
  }
  .typing {
    min-height: 1.25rem;
    margin: calc(-1 * var(--cp-space-2)) 0 0;
    color: var(--cp-color-text-muted);
    font-size: var(--cp-font-size-sm);
    font-style: italic;
  }
  /* Hands */
  .raise,
  .promote {
    display: grid;
    gap: var(--cp-space-2);
  }
  .raise input,
  .promote input {
    width: 100%;
    min-height: 2.5rem;
    ${fieldBox}
  }
  .raise .button {
    justify-self: start;
  }
  .my-hand {
    display: grid;
    gap: var(--cp-space-2);
    justify-items: start;
    padding: var(--cp-space-2) var(--cp-space-3);
    border-radius: var(--cp-radius);
    background: #fffaeb;
  }
  .my-hand p {
    margin: 0;
    font-weight: 600;
  }
  .question {
    color: var(--cp-color-text-muted);
    font-weight: 400;
    overflow-wrap: anywhere;
  }
  .hand-list {
    display: grid;
    gap: var(--cp-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .hand {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2);
  }
  .hand__text {
    display: grid;
    flex: 1 1 8rem;
    min-width: 0;
    font-size: var(--cp-font-size-sm);
  }
  /* Staff */
  .staff-actions,
  .promote__actions,
  .confirm-close {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cp-space-2);
  }
  .confirm-close {
    padding: var(--cp-space-2);
    border-radius: var(--cp-radius);
    background: var(--cp-color-danger-bg);
  }
  .staff > .button {
    justify-self: start;
  }
  .promote .muted {
    font-size: var(--cp-font-size-sm);
  }
  .hands-count {
    color: #7a2e0e;
    font-weight: 600;
  }
  /* Narrow: chat, hands, notepad. Wide: chat over notepad, hands and staff tools beside them. */
  @media (min-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr) 19rem;
      grid-template-areas: 'chat aside' 'notepad aside';
      align-items: start;
    }
    .chat {
      grid-area: chat;
    }
    .secondary {
      grid-area: aside;
      grid-row: 1 / span 2;
    }
    .notepad {
      grid-area: notepad;
    }
  }
`;
