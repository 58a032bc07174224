import type { Activity, CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationReferences } from './conversation-references.ts';
import { serviceUrlProblem } from '../http/service-url.ts';

export interface Recipient {
  readonly tenantId: string;
  readonly userId: string;
}

export type DeliveryStatus = 'sent' | 'unreachable' | 'failed';

export interface Delivery {
  readonly recipient: Recipient;
  readonly status: DeliveryStatus;
  readonly attempts: number;
}

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export interface Notifier {
  /** Sends now and reports each delivery; never throws. */
  send(recipients: readonly Recipient[], message: Partial<Activity>): Promise<Delivery[]>;
  /** Sends in the background so the person's action never waits on (or fails by) a notification. */
  dispatch(recipients: readonly Recipient[], message: Partial<Activity>, what: string): void;
  /** Resolves when every background send has finished (shutdown, tests). */
  idle(): Promise<void>;
}

export interface NotifierDeps {
  readonly adapter: CloudAdapter;
  /** The bot's app id; empty in local mode. */
  readonly appId: string;
  readonly conversations: ConversationReferences;
  readonly logger: Logger;
  readonly retry?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 };

/** Proactive messages through stored conversation references, retried with back-off on 429 and transient errors. */
export function createNotifier(deps: NotifierDeps): Notifier {
  const retry = deps.retry ?? DEFAULT_RETRY;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pending = new Set<Promise<unknown>>();

  async function deliver(recipient: Recipient, message: Partial<Activity>): Promise<Delivery> {
    const reference = await deps.conversations.find(recipient.tenantId, recipient.userId);
    if (!reference) return { recipient, status: 'unreachable', attempts: 0 };
    // A stored reference is as trustworthy as the activity it came from: check where it points before every send.
    const refused = serviceUrlProblem(reference.serviceUrl, deps.appId === '' ? 'local' : 'authenticated');
    if (refused !== undefined) {
      deps.logger.warn(
        { tenantId: recipient.tenantId, userId: recipient.userId, reason: refused },
        'notification not sent: service URL refused',
      );
      return { recipient, status: 'unreachable', attempts: 0 };
    }
    for (let attempt = 1; ; attempt++) {
      try {
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
        return { recipient, status: 'sent', attempts: attempt };
      } catch (error) {
        const status = statusOf(error);
        const transient = status === undefined || status === 429 || status >= 500;
        if (!transient || attempt >= retry.attempts) {
          deps.logger.warn({ tenantId: recipient.tenantId, userId: recipient.userId, attempt, status, transient }, 'notification given up');
          return { recipient, status: 'failed', attempts: attempt };
        }
        const delay = retryDelay(error, attempt, retry);
        deps.logger.warn(
          { tenantId: recipient.tenantId, userId: recipient.userId, attempt, status, retryInMs: delay },
          'notification failed, retrying',
        );
        await sleep(delay);
      }
    }
  }

  const notifier: Notifier = {
    async send(recipients, message) {
      return Promise.all(
        recipients.map((r) => deliver(r, message).catch((): Delivery => ({ recipient: r, status: 'failed', attempts: 0 }))),
      );
    },
    dispatch(recipients, message, what) {
      const task = notifier.send(recipients, message).then((deliveries) => {
        deps.logger.info(
          { what, sent: count(deliveries, 'sent'), unreachable: count(deliveries, 'unreachable'), failed: count(deliveries, 'failed') },
          'notifications',
        );
      });
      pending.add(task);
      void task.finally(() => pending.delete(task));
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
  return notifier;
}

function count(deliveries: readonly Delivery[], status: DeliveryStatus): number {
  return deliveries.filter((d) => d.status === status).length;
}

/** The HTTP status of a connector error; undefined for network failures (which are worth a retry). */
function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = (error as { statusCode?: unknown; status?: unknown }).statusCode ?? (error as { status?: unknown }).status;
  return typeof candidate === 'number' ? candidate : undefined;
}

/** Retry-After when the service sends one, else exponential back-off capped at maxDelayMs. */
function retryDelay(error: unknown, attempt: number, retry: RetryPolicy): number {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response?.headers;
  const retryAfter = Number(headers?.get?.('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return Math.min(retryAfter * 1000, retry.maxDelayMs);
  return Math.min(retry.baseDelayMs * 2 ** (attempt - 1), retry.maxDelayMs);
}
