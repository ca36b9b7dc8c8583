import type { ErrorBody } from '../shared/errors.js';
import type { User } from '../shared/schemas/auth.js';
import type { Space } from '../shared/schemas/spaces.js';
import type { StreamEvent } from '../shared/schemas/streams.js';
import type { TableMessage } from '../shared/schemas/cafe.js';
import type { Blip, Reaction } from '../shared/schemas/waves.js';

export interface SignedInDetail {
  user: User;
  /** Whether the person signed in to an existing account or just created one. */
  mode: 'sign-in' | 'sign-up';
}

export interface AnnouncementPostedDetail {
  event: StreamEvent;
}

export interface SpaceLoadedDetail {
  space: Space;
}

export interface SpaceErrorDetail {
  error: ErrorBody;
}

export interface SwitchChangeDetail {
  checked: boolean;
}

export interface TagsChangeDetail {
  tags: string[];
  problems: string[];
}

export interface BlipDetail {
  blip: Blip;
}

export interface ReplyRequestDetail {
  parentId: string | null;
  /** Set for an inline reply: where in the parent's body it answers, and the words it quotes. */
  anchor: { offset: number; quote: string } | null;
}

export interface ReactionToggleDetail {
  blipId: string;
  reaction: Reaction;
  on: boolean;
}

export interface PinRequestDetail {
  /** Null unpins. */
  blipId: string | null;
}

export interface ComposeCancelDetail {
  parentId: string | null;
}

export interface TableSaidDetail {
  /** As the server stored it: `visible`, or `held` for review. */
  message: TableMessage;
}

export interface WaveChangedDetail {
  /** What changed, said for the polite status line. */
  message: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cp-switch-change': CustomEvent<SwitchChangeDetail>;
    'cp-tags-change': CustomEvent<TagsChangeDetail>;
    'cp-blip-posted': CustomEvent<BlipDetail>;
    'cp-blip-edited': CustomEvent<BlipDetail>;
    'cp-reply-request': CustomEvent<ReplyRequestDetail>;
    'cp-edit-request': CustomEvent<BlipDetail>;
    'cp-delete-request': CustomEvent<BlipDetail>;
    'cp-reaction-toggle': CustomEvent<ReactionToggleDetail>;
    'cp-pin-request': CustomEvent<PinRequestDetail>;
    'cp-compose-cancel': CustomEvent<ComposeCancelDetail>;
    'cp-wave-changed': CustomEvent<WaveChangedDetail>;
    'cp-table-said': CustomEvent<TableSaidDetail>;
    /** A page asks the app to show the sign-in form. */
    'cp-sign-in-request': CustomEvent<null>;
    /** "Forget me" succeeded: the account is gone; the app signs out and says so. */
    'cp-account-forgotten': CustomEvent<null>;
    'cp-signed-in': CustomEvent<SignedInDetail>;
    'cp-announcement-posted': CustomEvent<AnnouncementPostedDetail>;
    'cp-space-loaded': CustomEvent<SpaceLoadedDetail>;
    'cp-space-error': CustomEvent<SpaceErrorDetail>;
  }
}
