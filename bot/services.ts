import type { Logger } from 'pino';
import type { DialogServices } from '#dialogs/dialog-services.ts';
import type { IdSource } from '#domain/ports/clock.ts';
import type { DocumentStore } from '#domain/ports/document-store.ts';
import type { ConversationReferences } from './proactive/conversation-references.ts';
import type { Notifier } from './proactive/notifier.ts';
import type { Outbox } from './proactive/outbox.ts';

/** Everything card actions and the bot's handlers work with, built once in the composition root. */
export interface BotServices extends DialogServices {
  readonly conversations: ConversationReferences;
  readonly notifier: Notifier;
  /** Every proactive message goes out from here (durable, retried, with a status cards can show). */
  readonly outbox: Outbox;
  /** Deletes conversation references and dialog state unused for STATE_TTL_DAYS (one page each); counts what went. */
  readonly expireUnusedState: () => Promise<{ readonly references: number; readonly dialogState: number }>;
  readonly logger: Logger;
  readonly botName: string;
  /** The bot's own records (helpdesk answers and feedback); aggregates go through the domain's use cases. */
  readonly store: DocumentStore;
  readonly ids: IdSource;
  /** Graph mode: the partner tenant whose relationships are reconciled with Microsoft (absent in embedded mode). */
  readonly graphSync?: { readonly partnerTenantId: string };
}
