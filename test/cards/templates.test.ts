import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_HANDLERS } from '#bot/actions/action-handlers.ts';
import { TEMPLATES_DIR } from '#cards/render-card.ts';
import { VERBS } from '#cards/verbs.ts';

const templates = readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.card.json'));

/** Every Action.Execute verb in a template (static ones; bound ones like "${verb}" are listed separately). */
function verbsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => verbsIn(n, found));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute') found.push(typeof record.verb === 'string' ? record.verb : '(missing verb)');
    Object.values(record).forEach((v) => verbsIn(v, found));
  }
  return found;
}

describe('card templates', () => {
  it.each(templates)('%s is an Adaptive Card of schema 1.5 or lower', (file) => {
    const card = JSON.parse(readFileSync(new URL(file, TEMPLATES_DIR), 'utf8')) as { type: string; version: string };
    expect(card.type).toBe('AdaptiveCard');
    expect(Number(card.version)).toBeLessThanOrEqual(1.5);
  });

  it.each(templates)('%s uses only listed verbs', (file) => {
    const card: unknown = JSON.parse(readFileSync(new URL(file, TEMPLATES_DIR), 'utf8'));
    for (const verb of verbsIn(card)) {
      if (verb.startsWith('${')) continue; // bound from the view model, checked by that card's own test
      expect(VERBS as readonly string[], `${file} uses verb "${verb}"`).toContain(verb);
    }
  });

  it('has a handler for every verb, and no handler without a verb', () => {
    // task.start is the bot's own (bot/teams-bot.ts): a "did you mean" button starts a conversation flow.
    expect([...Object.keys(ACTION_HANDLERS), 'task.start'].sort()).toEqual([...VERBS].sort());
  });
});
