import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELPDESK_VECTOR_FILE, loadHelpdeskMeaning, meaningIfNeeded } from '#bot/helpdesk/helpdesk-meaning.ts';
import { sentenceKey, universalSentenceEncoder } from '#bot/understanding/sentence-encoder.ts';
import { KNOWN_SENTENCES } from '#domain/helpdesk/question-meaning.ts';

describe('the committed vector file of the knowledge base (data/vectors/helpdesk.json)', () => {
  const file = JSON.parse(readFileSync(HELPDESK_VECTOR_FILE, 'utf8')) as { vectors: Record<string, string> };
  const filed = new Set(Object.keys(file.vectors));

  it('holds a vector for every sentence a question is compared with (else: npm run vectors)', () => {
    const missing = KNOWN_SENTENCES.filter((sentence) => !filed.has(sentenceKey(sentence.text))).map((sentence) => sentence.text);
    expect(missing).toEqual([]);
  });

  it('holds nothing else: no vector of a sentence the knowledge base no longer has', () => {
    const known = new Set(KNOWN_SENTENCES.map((sentence) => sentenceKey(sentence.text)));
    expect([...filed].filter((key) => !known.has(key))).toEqual([]);
  });
});

describe('the meaning of a question, as the bot computes it', async () => {
  const meaning = await loadHelpdeskMeaning(await universalSentenceEncoder());
  const keyCount = new Set(KNOWN_SENTENCES.map((sentence) => sentence.key)).size;

  it('encodes none of the knowledge base at load: every sentence comes from the file', () => {
    expect(meaning.missingAtLoad).toBe(0);
  });

  it('gives every fact and decoy a closeness, highest for a sentence of the knowledge base asked as it is written', async () => {
    const sentence = KNOWN_SENTENCES[0]!;
    const [result] = await meaning.of([sentence.text]);
    const keys = new Set(KNOWN_SENTENCES.map((known) => known.key));
    expect(new Set(result!.closeness.keys())).toEqual(keys);
    expect(result!.closeness.get(sentence.key)).toBeGreaterThan(0.98);
    expect(Math.max(...result!.closeness.values())).toBe(result!.closeness.get(sentence.key));
  });

  // Questions of our own, worded unlike any phrasing of the knowledge base: the nearest fact or decoy in meaning.
  it.each([
    { question: 'how much will fifty Business Central seats set us back each month', nearest: 'decoy:pricing' },
    { question: 'can their consultants kick off recurring batch jobs in our erp', nearest: 'fact:bc-job-queue-scheduled' },
    { question: 'we have no idea who manages our microsoft stuff, how do we find a company to help', nearest: 'fact:find-a-partner' },
  ])('$question → nearest $nearest', async ({ question, nearest }) => {
    const [result] = await meaning.of([question]);
    const [best] = [...result!.closeness].sort((a, b) => b[1] - a[1]);
    expect(best![0]).toBe(nearest);
  });

  it('a question the words alone answer surely is not encoded; another is', async () => {
    expect(await meaningIfNeeded(meaning, 'how long does a gdap relationship last')).toBeUndefined();
    expect((await meaningIfNeeded(meaning, 'who can accept a gdap request'))?.closeness.size).toBe(keyCount);
  });
});
