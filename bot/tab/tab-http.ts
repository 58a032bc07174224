import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'restify';
import type { Refusal, RefusalCode } from '#domain/shared/result.ts';
import type { TabError, TabPending } from './tab-contract.ts';

const MAX_BODY_BYTES = 4 * 1024;

/** Sends JSON that no cache keeps and no browser sniffs. */
export function sendJson(res: Response, status: number, body: unknown): void {
  res.header('Cache-Control', 'no-store');
  res.header('X-Content-Type-Options', 'nosniff');
  res.json(status, body);
}

/** A refusal: the status and one short sentence, nothing more. */
export function sendError(res: Response, status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 500 | 503, reason: string): void {
  if (status === 503) res.header('Retry-After', '30');
  const body: TabError = { error: reason };
  sendJson(res, status, body);
}

/** Where a person sees that a change accepted but not yet confirmed by Microsoft is done (the tab's 202 answers). */
export const PENDING_WHEN_DONE =
  'Partner Access tells you in your chat with it when Microsoft has made this change (or why it could not); ' +
  'the list shows it once it is made (reload, or "Check with Microsoft now").';

/**
 * A use case's refusal as the tab's API answers it: the one mapping of refusal codes to HTTP. A change Microsoft has
 * not confirmed yet is not refused: it was accepted and is being finished in the background (202, what is pending and
 * where to see it done); everything else is an error with its status.
 */
export function sendRefusal(res: Response, refusal: Pick<Refusal, 'code' | 'message'>): void {
  if (refusal.code === 'pending') {
    const body: TabPending = { pending: true, message: refusal.message, whenDone: PENDING_WHEN_DONE };
    return sendJson(res, 202, body);
  }
  sendError(res, statusForRefusal(refusal.code), refusal.message);
}

/** The HTTP status for a use case's refusal code (`pending` is no refusal to the tab: see sendRefusal). */
export function statusForRefusal(code: RefusalCode): 400 | 403 | 404 | 409 {
  if (code === 'forbidden') return 403;
  if (code === 'not-found') return 404;
  if (
    code === 'conflict' ||
    code === 'invalid-transition' ||
    code === 'nothing-to-change' ||
    code === 'duplicate' ||
    code === 'already-exists'
  )
    return 409;
  return 400;
}

export type JsonBody = { ok: true; json: unknown } | { ok: false; status: 400 | 413 | 415; reason: string };

/** Reads a small JSON body (the tab only ever sends a version or a confirmation). */
export async function readJsonBody(req: IncomingMessage): Promise<JsonBody> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    return { ok: false, status: 415, reason: 'Content-Type must be application/json.' };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, reason: 'The body is too large.' };
    chunks.push(buffer);
  }
  try {
    return { ok: true, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, reason: 'The body is not valid JSON.' };
  }
}

/** A route parameter as a string, or undefined. */
export function param(req: Request, name: string): string | undefined {
  const params: unknown = req.params;
  if (typeof params !== 'object' || params === null) return undefined;
  const value = (params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}
