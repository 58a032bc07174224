import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import { inLocale } from '#cards/format.ts';
import type { ConversationReferences } from './conversation-references.ts';
import { serviceUrlProblem } from '../http/service-url.ts';

export interface Recipient {
  readonly tenantId: string;
  readonly userId: string;
}

/** What one try to send gave: the outbox keeps the schedule of further tries. */
export type Attempt =
  | { readonly outcome: 'sent' }
  | { readonly outcome: 'unreachable' }
  | {
      readonly outcome: 'failed';
      readonly transient: boolean;
      readonly status?: number;
      readonly retryAfterMs?: number;
      readonly error: string;
    };

/**
 * A proactive message, rendered for its recipient only once they can be reached, and then in their locale (the one
 * their Teams client last reported, kept with their conversation reference; the default when none is known): a card
 * built before the notifier knows who reads it would carry the default locale's dates.
 */
export type ProactiveMessage = () => Promise<Partial<Activity>>;

/**
 * Sends one proactive message, once. Every proactive message goes through the outbox (bot/proactive/outbox.ts), which
 * keeps the schedule of retries and the outcome of each try; nothing is sent from memory alone.
 */
export interface Notifier {
  /** One try, without waiting or retrying; never throws but for an error of `render` itself (the caller's to handle). */
  attempt(recipient: Recipient, render: ProactiveMessage): Promise<Attempt>;
  /**
   * Replaces a message the bot sent earlier in the recipient's personal chat (a card showing where a delivery stands);
   * true when Teams took it. Only in that chat: a card elsewhere is left as it is; nothing when `render` has nothing
   * (undefined). Rendered in the recipient's locale, as `attempt`. Never throws.
   */
  update(
    recipient: Recipient,
    card: { conversationId: string; activityId: string },
    render: () => Promise<Partial<Activity> | undefined>,
  ): Promise<boolean>;
}

export interface NotifierDeps {
  readonly adapter: CloudAdapter;
  /** The bot's app id; empty in local mode. */
  readonly appId: string;
  readonly conversations: ConversationReferences;
  readonly logger: Logger;
}

/** Proactive messages through stored conversation references; a try that fails says whether it is worth another. */
export function createNotifier(deps: NotifierDeps): Notifier {
  async function sendOnce(reference: Partial<ConversationReference>, message: Partial<Activity>): Promise<void> {
    // The adapter hands errors thrown inside the callback to onTurnError and resolves: keep the send's own error.
    let sendError: unknown;
    await deps.adapter.continueConversationAsync(deps.appId, reference, async (context) => {
      try {
        await context.sendActivity(message);
      } catch (error) {
        sendError = error ?? new Error('send failed');
      }
    });
    if (sendError !== undefined) throw sendError;
  }

  /** The recipient's personal-chat reference, if the bot may send to where it points. */
  async function referenceOf(recipient: Recipient): Promise<Partial<ConversationReference> | undefined> {
    const reference = await deps.conversations.find(recipient.tenantId, recipient.userId);
    if (!reference) return undefined;
    // A stored reference is as trustworthy as the activity it came from: check where it points before every send.
    const refused = serviceUrlProblem(reference.serviceUrl, deps.appId === '' ? 'local' : 'authenticated');
    if (refused === undefined) return reference;
    deps.logger.warn(
      { tenantId: recipient.tenantId, userId: recipient.userId, reason: refused },
      'notification not sent: service URL refused',
    );
    return undefined;
  }

  const notifier: Notifier = {
    async update(recipient, card, render) {
      try {
        const reference = await referenceOf(recipient);
        if (reference?.conversation?.id !== card.conversationId) return false;
        const message = await inLocale(reference.locale, render);
        if (message === undefined) return false;
        let updateError: unknown;
        await deps.adapter.continueConversationAsync(deps.appId, reference, async (context) => {
          try {
            await context.updateActivity({ ...message, id: card.activityId, conversation: context.activity.conversation });
          } catch (error) {
            updateError = error ?? new Error('update failed');
          }
        });
        if (updateError !== undefined) throw updateError;
        return true;
      } catch (error) {
        deps.logger.warn({ err: error, userId: recipient.userId }, 'card not updated');
        return false;
      }
    },
    async attempt(recipient, render) {
      let reference: Partial<ConversationReference> | undefined;
      try {
        reference = await referenceOf(recipient);
      } catch (error) {
        return failedAttempt(error);
      }
      if (!reference) return { outcome: 'unreachable' };
      // Outside the send's try: a failure to render (the store) is not Teams refusing the message.
      const message = await inLocale(reference.locale, render);
      try {
        await sendOnce(reference, message);
        return { outcome: 'sent' };
      } catch (error) {
        return failedAttempt(error);
      }
    },
  };
  return notifier;
}

/** A try that failed, and whether another is worth it (throttled, unavailable, or the network). */
function failedAttempt(error: unknown): Attempt {
  const status = statusOf(error);
  const retryAfterMs = retryAfterOf(error);
  return {
    outcome: 'failed',
    transient: status === undefined || status === 429 || status >= 500,
    error: describeError(error, status),
    ...(status === undefined ? {} : { status }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

/** The HTTP status of a connector error; undefined for network failures (which are worth a retry). */
function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = (error as { statusCode?: unknown; status?: unknown }).statusCode ?? (error as { status?: unknown }).status;
  return typeof candidate === 'number' ? candidate : undefined;
}

/** The Retry-After a throttled or unavailable connector asked for, in ms (seconds or an HTTP date). */
export function retryAfterOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response?.headers;
  const raw = headers?.get?.('retry-after');
  if (raw === undefined || raw === null || raw === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds > 0 ? seconds * 1000 : undefined;
  const at = Date.parse(raw);
  // An HTTP date: the wait is measured against the wall clock, as the connector's date is.
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/** A short description for the record: the status and the service's message, never a stack. */
function describeError(error: unknown, status: number | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${status === undefined ? 'network error' : `HTTP ${status}`}: ${message.slice(0, 200)}`;
}
