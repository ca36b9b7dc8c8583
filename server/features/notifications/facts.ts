import { NOTIFICATION_LIMITS, type NotificationKind } from '../../../shared/schemas/notifications.js';

export interface NotificationActor {
  id: string;
  displayName: string;
}

/** Where a notification points; the notifier makes the fan-app link from it and the space's slug. */
export type NotificationTarget = { waveId: string; blipId?: string | null } | { tableId: string };

/**
 * One thing that happened, and who it may concern. Features describe facts (they know who
 * replied to whom, who supports a wave); the notifier applies the rules every kind shares
 * (never the actor, only members of `spaceId`, each person's settings, once per `sourceKey`).
 * Build them with the functions below, which also fix each kind's source key.
 */
export interface NotificationFact {
  kind: NotificationKind;
  /** The space the fact happened in: only its members are notified. */
  spaceId: string;
  /** Who did it; never notified of their own act. */
  actor: NotificationActor | null;
  /** Who it may concern (duplicates are fine: each person gets one). */
  recipients: readonly string[];
  /** Identifies the fact: a person is notified of one source key once, whatever retries and overlaps. */
  sourceKey: string;
  /** What it is about; null when only `link` can say (e.g. a moderated table message). */
  target: NotificationTarget | null;
  /** An exact fan-app path, when the one made from `target` would not be exact; required without a target. */
  link?: string;
  title: string;
  excerpt?: string | null;
  reason?: string | null;
  status?: string | null;
}

/** At most 200 characters of `text` on one line, `<@id>` mentions shown as `@Name`. */
export function excerptOf(text: string, mentions: readonly NotificationActor[] = []): string {
  const names = new Map(mentions.map((m) => [m.id, m.displayName]));
  const plain = text
    .replace(/<@([A-Za-z0-9_-]{6,40})>/g, (token, id: string) => (names.has(id) ? `@${names.get(id)}` : token))
    .replace(/\s+/g, ' ')
    .trim();
  const max = NOTIFICATION_LIMITS.excerptMax;
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}

interface BlipFactInput {
  spaceId: string;
  author: NotificationActor;
  wave: { id: string; title: string };
  blip: { id: string; body: string };
  mentions: readonly NotificationActor[];
}

/**
 * A new visible blip: `mention` for the people it mentions, `reply` for the author of its parent.
 * Both use the source key `blip:<id>`, so someone who is both gets one notification: the mention
 * (the more specific: the writer named them), unless they turned mentions off and replies on.
 */
export function blipFacts(input: BlipFactInput & { mentioned: readonly string[]; parentAuthorId: string | null }): NotificationFact[] {
  const common = {
    spaceId: input.spaceId,
    actor: input.author,
    sourceKey: `blip:${input.blip.id}`,
    target: { waveId: input.wave.id, blipId: input.blip.id },
    title: input.wave.title,
    excerpt: excerptOf(input.blip.body, input.mentions),
  };
  const facts: NotificationFact[] = [];
  if (input.mentioned.length > 0) facts.push({ ...common, kind: 'mention', recipients: input.mentioned });
  if (input.parentAuthorId) facts.push({ ...common, kind: 'reply', recipients: [input.parentAuthorId] });
  return facts;
}

/** A wave's status changed (also: merged): its supporters and the people who helped write it. `shipped` gets its own kind. */
export function statusFact(input: {
  spaceId: string;
  actor: NotificationActor;
  wave: { id: string; title: string };
  change: { id: string; to: string; reason: string };
  recipients: readonly string[];
}): NotificationFact {
  return {
    kind: input.change.to === 'shipped' ? 'shipped' : 'status',
    spaceId: input.spaceId,
    actor: input.actor,
    recipients: input.recipients,
    sourceKey: `status:${input.change.id}`,
    target: { waveId: input.wave.id },
    title: input.wave.title,
    reason: input.change.reason,
    status: input.change.to,
  };
}

/** Staff answered a fan's raised hand. */
export function handAnsweredFact(input: {
  spaceId: string;
  actor: NotificationActor;
  hand: { id: string; userId: string; question: string | null };
  table: { id: string; topic: string };
}): NotificationFact {
  return {
    kind: 'hand-answered',
    spaceId: input.spaceId,
    actor: input.actor,
    recipients: [input.hand.userId],
    sourceKey: `hand:${input.hand.id}`,
    target: { tableId: input.table.id },
    title: input.table.topic,
    excerpt: input.hand.question ? excerptOf(input.hand.question) : null,
  };
}

/** A staff member sat down at a table: the fans seated there. Each sitting down is its own fact. */
export function staffJoinedFact(input: {
  spaceId: string;
  actor: NotificationActor;
  table: { id: string; topic: string };
  seatedAt: string;
  fans: readonly string[];
}): NotificationFact {
  return {
    kind: 'staff-joined',
    spaceId: input.spaceId,
    actor: input.actor,
    recipients: input.fans,
    sourceKey: `staff-seat:${input.table.id}:${input.actor.id}:${input.seatedAt}`,
    target: { tableId: input.table.id },
    title: input.table.topic,
  };
}

/** Staff decided on an author's held (or taken down) post. Approving and later rejecting are two facts. */
export function moderationFact(input: {
  spaceId: string;
  actor: NotificationActor;
  item: { id: string; authorId: string; body: string };
  decision: 'approved' | 'rejected';
  note: string | null;
  context: { title: string; waveId: string | null; href: string };
  blipId: string | null;
}): NotificationFact {
  return {
    kind: 'moderation',
    spaceId: input.spaceId,
    actor: input.actor,
    recipients: [input.item.authorId],
    sourceKey: `moderation:${input.item.id}:${input.decision}`,
    target: input.context.waveId ? { waveId: input.context.waveId, blipId: input.blipId } : null,
    link: input.context.href,
    title: input.context.title,
    excerpt: excerptOf(input.item.body),
    reason: input.note,
    status: input.decision,
  };
}

/**
 * Staff put someone (or their contribution) in the spotlight (`POST /spaces/:slug/people/:userId/spotlight`):
 * `spotlightId` names the spotlight, so re-featuring the same thing notifies once.
 */
export function spotlightFact(input: {
  spaceId: string;
  actor: NotificationActor;
  spotlightId: string;
  recipients: readonly string[];
  /** The spotlighted contribution; null for a thank-you to the person (then `link`, e.g. their profile). */
  target: NotificationTarget | null;
  link?: string;
  title: string;
  excerpt?: string | null;
  reason?: string | null;
}): NotificationFact {
  return {
    kind: 'spotlight',
    spaceId: input.spaceId,
    actor: input.actor,
    recipients: input.recipients,
    sourceKey: `spotlight:${input.spotlightId}`,
    target: input.target,
    ...(input.link ? { link: input.link } : {}),
    title: input.title,
    excerpt: input.excerpt ? excerptOf(input.excerpt) : null,
    reason: input.reason ?? null,
  };
}
