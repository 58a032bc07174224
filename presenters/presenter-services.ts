import type { Clock } from '#domain/ports/clock.ts';
import type { Directory } from '#domain/ports/directory.ts';
import type { PartnerAccess } from '#domain/partner-access.ts';

/** Whether the bot can reach someone in Teams: their stored conversation reference, if any (the bot's own records). */
export interface ConversationFinder {
  find(tenantId: string, userId: string): Promise<unknown>;
}

/** What presenters, dialogs and card actions work with; injected, never imported from bot/. */
export interface PresenterServices {
  readonly domain: PartnerAccess;
  readonly directory: Directory;
  readonly clock: Clock;
  readonly conversations: ConversationFinder;
}
