import { fileURLToPath } from 'node:url';
import type { Activity, Middleware } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import type { PartnerServices } from '#presenters/partner/customer-admins.ts';
import { setTurnActor } from '#dialogs/turn-actor.ts';
import { createPartnerAccess } from '#domain/partner-access.ts';
import { FixedClock, SequentialIds } from './fixed-clock.ts';
import type { Speaker } from './activities.ts';

const DEMO_DIRECTORY = fileURLToPath(new URL('../../bot/directory/demo-directory.json', import.meta.url));

/** The partner dialogs' services over the demo directory, an in-memory store, a fixed clock and fixed ids. */
export async function createDialogServices(reachable: readonly string[] = []): Promise<PartnerServices & { clock: FixedClock }> {
  const directory = await loadDirectoryFile(DEMO_DIRECTORY);
  const clock = new FixedClock('2026-11-25T12:00:00.000Z');
  const domain = createPartnerAccess({ store: new MemoryDocumentStore(), directory, clock, ids: new SequentialIds('dlg') });
  return {
    domain,
    directory,
    clock,
    conversations: { find: async (_tenantId: string, userId: string) => (reachable.includes(userId) ? { userId } : undefined) },
  };
}

/** A DialogTestClient whose every turn is spoken by `speaker`, resolved from the directory as the bot does. */
export async function clientFor(
  services: PartnerServices,
  dialog: Dialog,
  speaker: Speaker,
  options: Record<string, unknown> = {},
): Promise<DialogTestClient> {
  const actor = await services.domain.resolveActor(speaker.tenantId, speaker.userId);
  const setActor: Middleware = {
    onTurn: async (context, next) => {
      setTurnActor(context, actor);
      await next();
    },
  };
  return new DialogTestClient('msteams', dialog, options, [setActor]);
}

/** What a person sends: typed words, or a card's submitted data. */
export type Say = string | { readonly value: Record<string, unknown> };

function activityOf(say: Say): Partial<Activity> | string {
  return typeof say === 'string' ? say : { type: 'message', text: '', value: say.value };
}

/** Sends one turn and returns every reply's text and card texts, flattened. */
export async function turn(client: DialogTestClient, say: Say): Promise<string[]> {
  const texts: string[] = [];
  let reply: Partial<Activity> | undefined = await client.sendActivity(activityOf(say));
  while (reply !== undefined) {
    if (reply.text) texts.push(reply.text);
    for (const a of reply.attachments ?? []) collectTexts(a.content, texts);
    reply = client.getNextReply();
  }
  return texts;
}

function collectTexts(node: unknown, texts: string[]): void {
  if (Array.isArray(node)) node.forEach((n) => collectTexts(n, texts));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') texts.push(record.text);
    if (typeof record.title === 'string' && typeof record.value === 'string') texts.push(`${record.title}: ${record.value}`);
    if (typeof record.title === 'string' && typeof record.type === 'string' && record.type.startsWith('Action.'))
      texts.push(`[${record.title}]`);
    Object.values(record).forEach((v) => collectTexts(v, texts));
  }
}
