/** The fan card's cp-* events (declared here so the card works in any console page). */

export interface FanCardOpenDetail {
  /** The person whose card to show beside the current page. */
  userId: string;
  /** The space; the current console space when left out. */
  slug?: string;
}

export interface FanCardChangedDetail {
  userId: string;
  /** What changed: a note was added or edited, a promise opened or closed, a spotlight sent. */
  change: 'note' | 'promise' | 'spotlight';
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** Anywhere in the console: open this person's fan card in the side panel. */
    'cp-fan-card-open': CustomEvent<FanCardOpenDetail>;
    /** The side panel's close button (or Escape). */
    'cp-fan-panel-close': CustomEvent<null>;
    /** The card changed something on the server (lists of promises may reload). */
    'cp-fan-card-changed': CustomEvent<FanCardChangedDetail>;
  }
}

export {};
