import { TurnContext, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
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
}

/** The conversation references over the shared DocumentStore. */
export function createConversationReferences(store: DocumentStore): ConversationReferences {
  const idOf = (tenantId: string, userId: string) => `${tenantId.toLowerCase()}:${userId.toLowerCase()}`;
  return {
    async remember(context, tenantId, userId) {
      const type = context.activity.conversation?.conversationType;
      if (type !== undefined && type !== 'personal') return;
      const reference = TurnContext.getConversationReference(context.activity);
      const id = idOf(tenantId, userId);
      const existing = await store.get<Partial<ConversationReference>>(COLLECTION, id);
      // Unchanged references are not rewritten: this runs on every turn.
      if (existing && existing.value.conversation?.id === reference.conversation?.id && existing.value.serviceUrl === reference.serviceUrl)
        return;
      await store.put(COLLECTION, id, reference, '*', { indexes: [{ index: 'byTenant', key: tenantId.toLowerCase() }] });
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
