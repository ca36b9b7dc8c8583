import { css } from 'lit';

/**
 * Declaration sets for form controls, to interpolate inside a component's own rule
 * (`.x input { min-height: 2.5rem; ${fieldBox} }`), so each component keeps its selectors.
 */

/** The bordered box of a text input, textarea or select: padding, border, corners, colours, font. */
export const fieldBox = css`
  padding: var(--cp-space-2) var(--cp-space-3);
  border: 1px solid var(--cp-color-border);
  border-radius: var(--cp-radius);
  background: var(--cp-color-bg);
  color: var(--cp-color-text);
  font: inherit;
`;

/** A form's error message under a field: small, bold, danger colour, no margin. */
export const errorText = css`
  margin: 0;
  color: var(--cp-color-danger);
  font-size: var(--cp-font-size-sm);
  font-weight: 600;
`;

/**
 * The small staff forms (sanctions, space settings): number inputs and textareas as field boxes,
 * a red border on invalid fields and the error line. Widths and textarea heights stay per component.
 */
export const compactFields = css`
  input[type='number'],
  textarea {
    min-height: 2.5rem;
    ${fieldBox}
  }

  [aria-invalid='true'] {
    border: 2px solid var(--cp-color-danger);
  }

  .error {
    ${errorText}
  }
`;
