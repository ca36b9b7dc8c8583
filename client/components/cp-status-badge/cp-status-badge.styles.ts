import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
    --badge-bg: #eef2f6;
    --badge-fg: #364152;
    --badge-dot: #667085;
  }
  :host([status='under-review']) {
    --badge-bg: #fffaeb;
    --badge-fg: #93370d;
    --badge-dot: #dc6803;
  }
  :host([status='planned']) {
    --badge-bg: #f4f3ff;
    --badge-fg: #4a1fb8;
    --badge-dot: #7a5af8;
  }
  :host([status='in-progress']) {
    --badge-bg: #eff8ff;
    --badge-fg: #175cd3;
    --badge-dot: #2e90fa;
  }
  :host([status='shipped']) {
    --badge-bg: #ecfdf3;
    --badge-fg: #05603a;
    --badge-dot: #12b76a;
  }
  :host([status='declined']) {
    --badge-bg: #fef3f2;
    --badge-fg: #b42318;
    --badge-dot: #f04438;
  }
  :host([status='merged']) {
    --badge-bg: #f2f4f7;
    --badge-fg: #475467;
    --badge-dot: #98a2b3;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding: 0.125rem 0.625rem;
    border: 1px solid color-mix(in srgb, var(--badge-dot) 35%, transparent);
    border-radius: 999px;
    background: var(--badge-bg);
    color: var(--badge-fg);
    font-size: var(--cp-font-size-sm);
    font-weight: 600;
    line-height: 1.5;
    white-space: nowrap;
  }
  .badge__dot {
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: var(--badge-dot);
  }
`;
