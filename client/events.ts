import type { ErrorBody } from '../shared/errors.js';
import type { User } from '../shared/schemas/auth.js';
import type { Space } from '../shared/schemas/spaces.js';
import type { StreamEvent } from '../shared/schemas/streams.js';

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

declare global {
  interface GlobalEventHandlersEventMap {
    'cp-signed-in': CustomEvent<SignedInDetail>;
    'cp-announcement-posted': CustomEvent<AnnouncementPostedDetail>;
    'cp-space-loaded': CustomEvent<SpaceLoadedDetail>;
    'cp-space-error': CustomEvent<SpaceErrorDetail>;
  }
}
