import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
  }

  .status {
    display: inline-flex;
    align-items: center;
    gap: var(--cp-space-2);
    font-size: var(--cp-font-size-sm);
    color: var(--cp-color-text-muted);
    white-space: nowrap;
  }

  .status__dot {
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
    background: var(--cp-color-dot-pending);
    flex: none;
  }

  :host([state='connected']) .status__dot {
    background: var(--cp-color-dot-connected);
  }

  :host([state='offline']) .status__dot {
    background: var(--cp-color-dot-offline);
  }

  @media (prefers-reduced-motion: no-preference) {
    :host([state='connecting']) .status__dot,
    :host([state='reconnecting']) .status__dot {
      animation: pulse 1.2s ease-in-out infinite;
    }
  }

  @keyframes pulse {
    50% {
      opacity: 0.35;
    }
  }
`;
