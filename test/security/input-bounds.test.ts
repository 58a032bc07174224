import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CARD_FIELD_CHARS, MAX_MESSAGE_CHARS } from '#bot/input-bounds.ts';
import { loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { DEMO_DIRECTORY_FILE } from '#bot/config.ts';
import { MAX_FUZZY_TERM_CHARS } from '#domain/shared/fuzzy.ts';
import { answerQuestion } from '#domain/helpdesk/index.ts';
import { findCustomer } from '#dialogs/partner/customer-lookup.ts';
import { cardTexts, makeMessage, post, repliesOf } from '../support/activities.ts';
import { DEMO } from '../support/demo-ids.ts';
import { countFuzzyWork, type FuzzyWork } from '../support/fuzzy-work.ts';
import { startTestApp, type RunningApp } from '../support/test-app.ts';

const adele = { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent };
/** One edit-distance table per term of at most this many cells: what a short word costs. */
const CELLS_PER_SHORT_TERM = MAX_FUZZY_TERM_CHARS * (MAX_FUZZY_TERM_CHARS + 8);

describe('free text is bounded at the edge', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(async () => running.close());

  it.each([
    { name: 'a question', text: 'why '.repeat(20_000) },
    { name: 'a customer name after a command word', text: `invite ${'x'.repeat(50_000)}` },
    { name: 'a relationship name', text: `manage ${'contoso'.repeat(3_000)}` },
    { name: 'one character over', text: 'a'.repeat(MAX_MESSAGE_CHARS + 1) },
  ])('refuses $name that is too long, saying how long a message may be', async ({ text }) => {
    const replies = repliesOf(await post(running.baseUrl, makeMessage(text, adele)));
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain(`${text.length.toLocaleString('en-US')} characters long`);
    expect(replies[0]?.text).toContain(`up to ${MAX_MESSAGE_CHARS.toLocaleString('en-US')}`);
    expect(replies[0]?.attachments ?? []).toHaveLength(0);
  });

  it('reads a message of exactly the limit as usual', async () => {
    const text = `what can a delegated admin do ${'?'.repeat(MAX_MESSAGE_CHARS - 30)}`;
    expect(text).toHaveLength(MAX_MESSAGE_CHARS);
    const texts = cardTexts(repliesOf(await post(running.baseUrl, makeMessage(text, adele))));
    expect(texts.join(' ')).not.toContain('characters long');
  });

  it("holds a card button's command (read as typed words) to the message limit", async () => {
    const command = `invite ${'q'.repeat(MAX_MESSAGE_CHARS)}`;
    const replies = repliesOf(await post(running.baseUrl, makeMessage('', adele, { value: { command } })));
    expect(replies[0]?.text).toContain(`${command.length.toLocaleString('en-US')} characters long`);
  });

  it('refuses a card submission with an oversized field', async () => {
    const value = { displayName: 'y'.repeat(MAX_CARD_FIELD_CHARS + 1) };
    const replies = repliesOf(await post(running.baseUrl, makeMessage('', adele, { value })));
    expect(replies[0]?.text).toContain(`at most ${MAX_CARD_FIELD_CHARS.toLocaleString('en-US')}`);
  });

  it('refuses a card submission nested deeper than any card sends', async () => {
    let value: Record<string, unknown> = { leaf: 'x' };
    for (let depth = 0; depth < 50; depth++) value = { inner: value };
    const replies = repliesOf(await post(running.baseUrl, makeMessage('', adele, { value })));
    expect(replies[0]?.text).toContain('cannot read');
  });
});

describe('typo-forgiving search stays with short terms (counted, not timed)', () => {
  let work: FuzzyWork;
  afterEach(() => work.restore());

  it('a customer lookup with one enormous word builds no edit-distance table for it', async () => {
    const directory = await loadDirectoryFile(DEMO_DIRECTORY_FILE);
    work = countFuzzyWork();
    const found = await findCustomer(directory, 'contoso'.repeat(20_000));
    expect(found.kind).toBe('choose');
    expect(work.longestTerm()).toBeLessThanOrEqual(MAX_FUZZY_TERM_CHARS);
    expect(work.cells()).toBe(0);
  });

  it('a customer lookup still forgives a typo in a short word', async () => {
    const directory = await loadDirectoryFile(DEMO_DIRECTORY_FILE);
    work = countFuzzyWork();
    const found = await findCustomer(directory, 'fabrikm');
    expect(found.kind === 'choose' && found.candidates.map((c) => c.name)).toEqual(['Fabrikam']);
    expect(work.cells()).toBeGreaterThan(0);
  });

  it.each([
    { name: 'one enormous word', text: 'administrator'.repeat(10_000) },
    { name: 'many long words', text: Array.from({ length: 400 }, (_, i) => `delegatedadministration${i}xyz`).join(' ') },
  ])('a helpdesk question of $name costs at most one short table per distinct short term', ({ text }) => {
    work = countFuzzyWork();
    answerQuestion(text);
    expect(work.longestTerm()).toBeLessThanOrEqual(MAX_FUZZY_TERM_CHARS);
    const distinctWords = new Set(text.split(' ')).size;
    expect(work.cells()).toBeLessThanOrEqual(distinctWords * CELLS_PER_SHORT_TERM);
  });

  it('a partner typing a very long relationship search at the limit builds no table for the long word', async () => {
    const running = await startTestApp();
    try {
      work = countFuzzyWork();
      const text = `assign groups ${'n'.repeat(MAX_MESSAGE_CHARS - 14)}`;
      await post(running.baseUrl, makeMessage(text, adele));
      expect(work.longestTerm()).toBeLessThanOrEqual(MAX_FUZZY_TERM_CHARS);
    } finally {
      await running.close();
    }
  });
});
