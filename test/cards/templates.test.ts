import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_HANDLERS } from '#bot/actions/action-handlers.ts';
import { loadTemplate, TEMPLATES_DIR } from '#cards/render-card.ts';
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

describe('rendered cards kept by their view', () => {
  const template = loadTemplate<{ title: string; summary: string; rows: []; emptyText: string; hint: string }>('partner-my-customers');
  const view = { title: 'My customers', summary: '**1** relationship', rows: [] as [], emptyText: 'None', hint: 'h' };

  it('the same view renders the same card, each time a copy of its own', () => {
    const first = template.render(view) as { body?: unknown };
    first.body = [];
    const second = template.render({ ...view });
    expect(second.body).toEqual(expect.arrayContaining([expect.objectContaining({ text: '\\*\\*1\\*\\* relationship' })]));
    expect(second).not.toBe(template.render(view));
    expect(template.render(view)).toEqual(second);
  });

  it('another view renders its own card, and what was kept still answers for the first', () => {
    const other = template.render({ ...view, summary: '2 relationships' });
    expect(JSON.stringify(other)).toContain('2 relationships');
    expect(JSON.stringify(other)).not.toContain('1\\\\*\\\\* relationship');
    for (let i = 0; i < 100; i += 1) template.render({ ...view, hint: `hint ${i}` });
    expect(JSON.stringify(template.render(view))).toContain('\\\\*\\\\*1\\\\*\\\\* relationship');
  });
});
