import type { IncomingMessage } from 'node:http';
import { z } from 'zod';

/** The largest activity we accept; Teams sends a few KB, a card with inputs at most tens of KB. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

/**
 * The part of the Bot Framework activity shape the adapter relies on. Anything else is passed
 * through untouched; a body that lacks these gets a 400 here instead of a 500 from the adapter.
 */
const activitySchema = z.looseObject({
  type: z.string().min(1, 'type is empty'),
  channelId: z.string().min(1, 'channelId is empty'),
  serviceUrl: z.url({ message: 'serviceUrl is not a URL' }),
  conversation: z.looseObject({ id: z.string().min(1, 'conversation.id is empty') }),
  from: z.looseObject({ id: z.string().min(1, 'from.id is empty') }),
  recipient: z.looseObject({ id: z.string() }).optional(),
  id: z.string().optional(),
  name: z.string().optional(),
  text: z.string().optional(),
  deliveryMode: z.string().optional(),
});

/** An `adaptiveCard/action` invoke's value as Teams sends it; the verb and data are the router's and handlers' to judge. */
const cardActionSchema = z.looseObject({
  action: z.looseObject({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

export type ActivityBody = z.infer<typeof activitySchema>;

export type BodyResult = { ok: true; activity: ActivityBody } | { ok: false; status: 400 | 413 | 415; reason: string };

/** Reads and checks a POSTed activity without trusting its size, its JSON or its shape. */
export async function readActivityBody(req: IncomingMessage): Promise<BodyResult> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^application\/(json|[\w.+-]*\+json)\b/i.test(contentType)) {
    return { ok: false, status: 415, reason: 'Content-Type must be application/json.' };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_ACTIVITY_BYTES) {
      return { ok: false, status: 413, reason: `The body is larger than ${MAX_ACTIVITY_BYTES} bytes.` };
    }
    chunks.push(buffer);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return { ok: false, status: 400, reason: 'The body is not valid JSON.' };
  }
  const parsed = activitySchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? first.path.join('.') : 'body';
    const detail = first?.code === 'invalid_type' ? `${where} is missing or of the wrong type` : (first?.message ?? 'invalid');
    return { ok: false, status: 400, reason: `Not a Bot Framework activity: ${detail}.` };
  }
  if (parsed.data.type === 'invoke' && !parsed.data.name) {
    return { ok: false, status: 400, reason: 'Not a Bot Framework activity: an invoke needs a name.' };
  }
  if (
    parsed.data.type === 'invoke' &&
    parsed.data.name === 'adaptiveCard/action' &&
    !cardActionSchema.safeParse(parsed.data.value).success
  ) {
    return {
      ok: false,
      status: 400,
      reason: 'Not a card action: value must be an object with an Action.Execute action, a verb and object data.',
    };
  }
  return { ok: true, activity: parsed.data };
}
