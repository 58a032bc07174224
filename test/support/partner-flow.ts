import { makeInvoke, makeMessage, post, repliesOf, cardTexts, type PostResult, type Speaker } from './activities.ts';
import { DEMO } from './demo-ids.ts';
import type { RunningApp } from './test-app.ts';

/** Demo people of the partner flows, as speakers. */
export const PEOPLE = {
  adele: { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent, name: 'Adele Vance' },
  sam: { tenantId: DEMO.woodgrove, userId: DEMO.samSalesAgent, name: 'Sam Sales' },
  hana: { tenantId: DEMO.woodgrove, userId: DEMO.hanaHelpdeskAgent, name: 'Hana Helpdesk' },
  lars: { tenantId: DEMO.litware, userId: DEMO.larsLitwareAdmin, name: 'Lars Litware' },
  megan: { tenantId: DEMO.contoso, userId: DEMO.meganContosoGa, name: 'Megan Bowen' },
  frank: { tenantId: DEMO.fabrikam, userId: DEMO.frankFabrikamGa, name: 'Frank Fabrikam' },
} as const satisfies Record<string, Speaker>;

export const GROUPS = {
  tier1: 'a0c1e2f3-4444-4a1b-8c1d-000000000034',
  bcConsultants: 'a0c1e2f3-5555-4a1b-8c1d-000000000035',
} as const;

export const ROLE_IDS = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  serviceSupportAdministrator: 'f023fd81-a637-4b56-95fd-791ac0226033',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  directoryReaders: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  businessCentralAdministrator: '963797fb-eb3b-4cde-8ce3-5878b3f32a3f',
} as const;

export type Replies = ReturnType<typeof repliesOf>;

/** A conversation helper over a running app: typed words, card submits and card button invokes. */
export function chat(running: RunningApp) {
  return {
    async say(speaker: Speaker, text: string): Promise<Replies> {
      return repliesOf(await post(running.baseUrl, makeMessage(text, speaker)));
    },
    async submit(speaker: Speaker, value: Record<string, unknown>): Promise<Replies> {
      return repliesOf(await post(running.baseUrl, makeMessage('', speaker, { value })));
    },
    async click(speaker: Speaker, verb: string, data: Record<string, unknown>): Promise<PostResult> {
      return post(running.baseUrl, makeInvoke(verb, data, speaker));
    },
    actor(speaker: Speaker) {
      return running.app.services.domain.resolveActor(speaker.tenantId, speaker.userId);
    },
  };
}

/** All text of the replies, one string, for `toContain` checks. */
export function textOf(replies: Replies): string {
  return cardTexts(replies).join('\n');
}

/** Every Action.Execute / Action.Submit in a card tree, with its title, verb and data. */
export function actionsIn(
  node: unknown,
  found: Array<{ type: string; title: string; verb?: string; data?: Record<string, unknown>; url?: string }> = [],
) {
  if (Array.isArray(node)) node.forEach((n) => actionsIn(n, found));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Action.')) {
      found.push({
        type: record.type,
        title: String(record.title ?? ''),
        ...(typeof record.verb === 'string' ? { verb: record.verb } : {}),
        ...(record.data && typeof record.data === 'object' ? { data: record.data as Record<string, unknown> } : {}),
        ...(typeof record.url === 'string' ? { url: record.url } : {}),
      });
    }
    Object.values(record).forEach((v) => actionsIn(v, found));
  }
  return found;
}

/** The actions of the cards in some replies. */
export function actionsOf(replies: Replies) {
  return actionsIn(replies.flatMap((r) => (r.attachments ?? []).map((a) => a.content)));
}

/** The card of an invoke reply (status 200, adaptive card), or a failure. */
export function invokeCard(result: PostResult): unknown {
  const body = result.body as { statusCode?: number; type?: string; value?: unknown } | undefined;
  if (result.status !== 200 || body?.type !== 'application/vnd.microsoft.card.adaptive')
    throw new Error(`expected a card, got ${result.status} ${JSON.stringify(body)}`);
  return body.value;
}

/** The texts of an invoke reply's card, joined. */
export function invokeText(result: PostResult): string {
  return cardTexts([
    { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: invokeCard(result) }] },
  ]).join('\n');
}

/** Demo tenants the shared ids do not name. */
export const NORTHWIND = '5c8a3f6d-2e9b-4d7c-9f1a-4b6e8d2c5f05';
