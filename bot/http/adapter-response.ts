import type { ServerResponse } from 'node:http';
import type { Response as BotResponse } from 'botbuilder';
import type { Logger } from 'pino';

/** What a caller sees instead of the adapter's internal error text. */
const PUBLIC_ERRORS: Readonly<Record<number, string>> = {
  400: 'The activity could not be processed.',
  401: 'Unauthorized: a valid Bot Framework token is required.',
  405: 'Only POST is accepted here.',
  500: 'The bot could not process this activity.',
};

/**
 * Wraps the HTTP response for CloudAdapter.process: invoke and expectReplies bodies pass through,
 * but the adapter's own error bodies (its exception text, a string) are logged and replaced by a short reason.
 */
export function adapterResponse(res: ServerResponse, logger: Logger): BotResponse & { readonly finished: Promise<number> } {
  let statusCode = 200;
  let body: unknown;
  let resolveFinished: (status: number) => void = () => undefined;
  const finished = new Promise<number>((resolve) => (resolveFinished = resolve));
  return {
    socket: res.socket,
    finished,
    status(code: unknown) {
      statusCode = typeof code === 'number' ? code : 500;
    },
    header(name: unknown, value: unknown) {
      if (typeof name === 'string' && !res.headersSent) res.setHeader(name, String(value));
    },
    send(payload: unknown) {
      body = payload;
    },
    end() {
      if (res.headersSent) return;
      // Invoke responses are our own objects and pass through; the adapter's own failures are text.
      if (statusCode >= 400 && (body === undefined || typeof body === 'string')) {
        if (body !== undefined) logger.warn({ status: statusCode, adapterError: body }, 'adapter refused the activity');
        body = { error: PUBLIC_ERRORS[statusCode] ?? PUBLIC_ERRORS[500] };
      }
      if (body === undefined) {
        res.writeHead(statusCode);
        res.end();
      } else {
        // restify's writeHead does not return the response, so no chaining here.
        res.writeHead(statusCode, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
      }
      resolveFinished(statusCode);
    },
  };
}
