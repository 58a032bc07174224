/** Builders of Bot Framework activities as Teams sends them, for HTTP-level tests. */

export interface Speaker {
  readonly tenantId: string;
  readonly userId: string;
  readonly name?: string;
  /** Where the bot sends replies and notifications: a connector stub's URL in tests that need them. */
  readonly serviceUrl?: string;
}

let counter = 0;

function base(speaker: Speaker, conversationId = `conv-${speaker.userId}`) {
  counter += 1;
  return {
    id: `activity-${counter}`,
    channelId: 'msteams',
    serviceUrl: speaker.serviceUrl ?? 'http://127.0.0.1:9/_connector/',
    timestamp: '2026-11-25T12:00:00.000Z',
    locale: 'en-US',
    from: { id: `29:${speaker.userId}`, aadObjectId: speaker.userId, name: speaker.name ?? 'Test User' },
    recipient: { id: '28:partner-access-bot', name: 'Partner Access' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: speaker.tenantId },
    channelData: { tenant: { id: speaker.tenantId } },
  };
}

/** A chat message, replies returned in the HTTP response (deliveryMode expectReplies). */
export function makeMessage(text: string, speaker: Speaker, extra: Record<string, unknown> = {}) {
  return { ...base(speaker), type: 'message', text, deliveryMode: 'expectReplies', ...extra };
}

/** A Universal Action (Action.Execute) invoke as Teams sends it. */
export function makeInvoke(verb: string, data: Record<string, unknown>, speaker: Speaker, extra: Record<string, unknown> = {}) {
  return {
    ...base(speaker),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    ...extra,
  };
}

/** The install event Teams sends when a person adds the app. */
export function makeInstall(speaker: Speaker) {
  return { ...base(speaker), type: 'installationUpdate', action: 'add', deliveryMode: 'expectReplies' };
}

export interface PostResult {
  readonly status: number;
  readonly body: unknown;
}

/** POSTs an activity (or any raw body) to /api/messages. */
export async function post(baseUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<PostResult> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: keep the text so the assertion shows it.
  }
  return { status: response.status, body: parsed };
}

/** The activities of an expectReplies response. */
export function repliesOf(
  result: PostResult,
): Array<{ type: string; text?: string; attachments?: Array<{ contentType: string; content: unknown }> }> {
  const body = result.body as { activities?: unknown } | undefined;
  if (!body || !Array.isArray(body.activities))
    throw new Error(`Expected expectReplies activities, got ${result.status} ${JSON.stringify(result.body)}`);
  return body.activities as Array<{ type: string; text?: string; attachments?: Array<{ contentType: string; content: unknown }> }>;
}

/** Every TextBlock text and FactSet fact of the cards in some replies, flattened, for readable assertions. */
export function cardTexts(replies: ReturnType<typeof repliesOf>): string[] {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'TextBlock' && typeof record.text === 'string') texts.push(record.text);
      if (typeof record.title === 'string' && typeof record.value === 'string') texts.push(`${record.title}: ${record.value}`);
      if (typeof record.title === 'string' && typeof record.type === 'string' && record.type.startsWith('Action.'))
        texts.push(`[${record.title}]`);
      Object.values(record).forEach(walk);
    }
  };
  for (const reply of replies) {
    if (reply.text) texts.push(reply.text);
    reply.attachments?.forEach((a) => walk(a.content));
  }
  return texts;
}
