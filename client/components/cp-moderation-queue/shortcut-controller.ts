import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { commandFor, takesText, type QueueCommand } from './shortcuts.js';

export interface ShortcutOptions {
  /** Runs a command; return false when it did nothing, so the key keeps its usual meaning. */
  run(command: QueueCommand): boolean;
  /** True while something (a dialog) owns the keyboard. */
  blocked(): boolean;
}

/** Listens for the queue's single-key shortcuts on the document while the host is on the page. */
export class ShortcutController implements ReactiveController {
  readonly #options: ShortcutOptions;

  constructor(host: ReactiveControllerHost, options: ShortcutOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onKeydown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onKeydown);
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented) return;
    const command = commandFor({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      isComposing: event.isComposing,
      // The innermost element, inside shadow roots: the event itself is retargeted to hosts.
      typing: takesText(event.composedPath()[0] ?? null),
      blocked: this.#options.blocked(),
    });
    // preventDefault also keeps the letter out of an input the command opens and focuses.
    if (command && this.#options.run(command)) event.preventDefault();
  };
}
