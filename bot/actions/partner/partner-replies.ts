import type { Refusal } from '../../../domain/shared/result.ts';
import { errorReply, type InvokeReply } from '../invoke-reply.ts';

/** A refusal with no current state to show: 403 for rights, 404 for unknown ids, 400 otherwise. */
export function refusalReply(refusal: Pick<Refusal, 'code' | 'message'>): InvokeReply {
  const status = refusal.code === 'forbidden' ? 403 : refusal.code === 'not-found' ? 404 : 400;
  return errorReply(status, refusal.code, refusal.message);
}
