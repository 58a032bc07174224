import { TurnContext, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { Clock } from '#domain/ports/clock.ts';
import type { DocumentStore } from '#domain/ports/document-store.ts';

const COLLECTION = 'conversationReferences';

/** Only what continueConversationAsync needs; validated on read since the store outlives code versions. */
const storedReferenceSchema = z.looseObject({
  channelId: z.string(),
  serviceUrl: z.string(),
  conversation: z.looseObject({ id: z.string() }),
  bot: z.looseObject({ id: z.string() }).optional(),
  user: z.looseObject({ id: z.string() }).optional(),
});

/**
 * Where each person can be reached later: the reference of their personal chat with the bot, kept per
 * (tenant, user). Group chats and channels are never stored: a notification there would reach others.
 */
export interface ConversationReferences {
  remember(context: TurnContext, tenantId: string, userId: string): Promise<void>;
  find(tenantId: string, userId: string): Promise<Partial<ConversationReference> | undefined>;
  /** Forgets the references of people who have not talked to the bot since `before`; returns how many (one page). */
  forgetUnused(before: Date, limit: number): Promise<number>;
}

/** How stale the "last seen" mark may get before a turn refreshes it (so a busy chat is not rewritten every turn). */
const SEEN_GRANULARITY_MS = 24 * 60 * 60_000;
const BY_LAST_SEEN = 'byLastSeen';

/** The conversation references over the shared DocumentStore. */
export function createConversationReferences(store: DocumentStore, clock: Clock = { now: () => new Date() }): ConversationReferences {
  const idOf = (tenantId: string, userId: string) => `${tenantId.toLowerCase()}:${userId.toLowerCase()}`;
  return {
    async remember(context, tenantId, userId) {
      const type = context.activity.conversation?.conversationType;
      if (type !== undefined && type !== 'personal') return;
      const id = idOf(tenantId, userId);
      const existing = await store.get<Partial<ConversationReference> & { lastSeenDateTime?: string }>(COLLECTION, id);
      // Proactive messages are rendered in the locale the person's client last reported: an activity that reports none
      // (not every kind carries it) keeps the one known, and a new one counts as a change below.
      const current = TurnContext.getConversationReference(context.activity);
      const locale = current.locale ?? existing?.value.locale;
      const reference = { ...current, ...(locale === undefined ? {} : { locale }) };
      const now = clock.now();
      // Unchanged references are not rewritten (this runs on every turn), unless their "last seen" mark is a day old.
      const seen = existing?.value.lastSeenDateTime;
      const fresh = seen !== undefined && now.getTime() - Date.parse(seen) < SEEN_GRANULARITY_MS;
      if (
        existing &&
        fresh &&
        existing.value.conversation?.id === reference.conversation?.id &&
        existing.value.serviceUrl === reference.serviceUrl &&
        existing.value.locale === reference.locale
      )
        return;
      const lastSeenDateTime = now.toISOString();
      await store.put(COLLECTION, id, { ...reference, lastSeenDateTime, referenceId: id }, '*', {
        indexes: [
          { index: 'byTenant', key: tenantId.toLowerCase() },
          { index: BY_LAST_SEEN, key: 'all', sort: lastSeenDateTime },
        ],
      });
    },
    async forgetUnused(before, limit) {
      const stale = await store.list<{ referenceId?: string }>(COLLECTION, BY_LAST_SEEN, 'all', { before: before.toISOString(), limit });
      let forgotten = 0;
      for (const { value, version } of stale) {
        // Compare-and-set: a reference refreshed meanwhile (the person came back) is kept.
        if (value.referenceId !== undefined && (await store.remove(COLLECTION, value.referenceId, version)).ok) forgotten += 1;
      }
      return forgotten;
    },
    async find(tenantId, userId) {
      const stored = await store.get<unknown>(COLLECTION, idOf(tenantId, userId));
      if (!stored) return undefined;
      const parsed = storedReferenceSchema.safeParse(stored.value);
      // Validated above; the rest of the reference is passed through as Teams gave it.
      return parsed.success ? (stored.value as Partial<ConversationReference>) : undefined;
    },
  };
}
