import type * as Y from 'yjs';
import type { Logger } from '../lib/logger.js';

export interface AfterStorePayload {
  docName: string;
  /** The live document, already containing the stored update. Read it now; it is freed after unload. */
  doc: Y.Doc;
  userId: string | null;
  updateId: number;
  /** The update was this person's first stored edit of this document. */
  firstEdit: boolean;
}

export interface AfterUnloadPayload {
  docName: string;
  /** Still readable while the hook runs; freed right after. */
  doc: Y.Doc;
}

/** Hocuspocus-style extension points of the document server; each method is optional. */
export interface CollabHook {
  /** Runs in the document's queue after an update was committed, applied and relayed: keep it quick. */
  afterStore?(payload: AfterStorePayload): void | Promise<void>;
  /** Runs once before a document leaves memory (last client gone, or shutdown). */
  afterUnload?(payload: AfterUnloadPayload): void | Promise<void>;
}

/** The hooks features registered; a failing hook is logged and never fails the edit. */
export class CollabHooks {
  private readonly hooks: CollabHook[] = [];

  add(hook: CollabHook): this {
    this.hooks.push(hook);
    return this;
  }

  async afterStore(payload: AfterStorePayload, log: Logger): Promise<void> {
    for (const hook of this.hooks) {
      try {
        await hook.afterStore?.(payload);
      } catch (err) {
        log.error({ err, doc: payload.docName }, 'afterStore hook failed');
      }
    }
  }

  async afterUnload(payload: AfterUnloadPayload, log: Logger): Promise<void> {
    for (const hook of this.hooks) {
      try {
        await hook.afterUnload?.(payload);
      } catch (err) {
        log.error({ err, doc: payload.docName }, 'afterUnload hook failed');
      }
    }
  }
}
