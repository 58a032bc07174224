import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { askedExampleSentences, readAskedExamples } from '#bot/helpdesk/asked-examples.ts';
import { EVAL_SET } from '#eval/helpdesk/eval-set.ts';
import { loadFreshSet } from '#eval/helpdesk/fresh-set.ts';
import { loadHeldOut, MENTION_SETS, sameQuestion, unseenQuestions } from '#eval/helpdesk/heldout.ts';

const examples = await readAskedExamples();
const byLabel = (use: 'tuning' | 'dev') => MENTION_SETS.filter((set) => set.use === use);

describe('the committed asked examples (data/helpdesk/asked-examples.json)', () => {
  it('are many, and each names a fact or topic the knowledge base has (else: npm run examples)', () => {
    expect(examples.length).toBeGreaterThan(1000);
    expect(askedExampleSentences(examples).stale).toBe(0);
  });

  it('come from tuning material only: each is a question of the set it names', () => {
    const tuningSets = new Map<string, Set<string>>([
      ['tuning', new Set(EVAL_SET.map((c) => c.question))],
      ['fresh', new Set(loadFreshSet().map((c) => c.question))],
      ...byLabel('tuning').map((set) => [set.label, new Set(loadHeldOut(set.file).map((c) => c.question))] as const),
    ]);
    const unsourced = examples.filter((example) => tuningSets.get(example.from)?.has(example.question) !== true);
    expect(unsourced).toEqual([]);
  });

  // The dev sets and the held-out set measure what the examples are worth on questions the bot has not seen.
  it('hold no question of a dev set or of the held-out set', () => {
    const unseen = unseenQuestions();
    expect(examples.filter((example) => unseen.has(sameQuestion(example.question))).map((example) => example.question)).toEqual([]);
  });
});

describe('reading an examples file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'asked-examples-'));
  const fileWith = (name: string, text: string): URL => {
    writeFileSync(join(folder, name), text);
    return pathToFileURL(join(folder, name));
  };

  it('gives none when there is no file (the meaning index is then the knowledge base alone)', async () => {
    expect(await readAskedExamples(pathToFileURL(join(folder, 'absent.json')))).toEqual([]);
  });

  it.each([
    ['a key that is neither a fact nor a topic', { description: '', examples: [{ from: 'tuning', question: 'q', key: 'intent:x' }] }],
    ['an empty question', { description: '', examples: [{ from: 'tuning', question: '', key: 'fact:x' }] }],
    ['no examples list', { description: '' }],
  ])('refuses a file with %s', async (_, content) => {
    await expect(readAskedExamples(fileWith('bad.json', JSON.stringify(content)))).rejects.toBeInstanceOf(ZodError);
  });
});
