import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EncoderNotLoadedError,
  retryingLoad,
  universalSentenceEncoder,
  withVectorFile,
  writeVectorFile,
  type LoadEvent,
} from '#bot/understanding/sentence-encoder.ts';
import { closeness } from '#domain/ports/sentence-encoder.ts';

const directory = await mkdtemp(join(tmpdir(), 'vectors-'));
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('the embedded sentence encoder', () => {
  it('puts a paraphrase closer than an unrelated sentence, with unit-length vectors', async () => {
    const encoder = await universalSentenceEncoder();
    const [question, paraphrase, unrelated] = await encoder.encode([
      'who can accept a GDAP request in the customer tenant',
      'which admin approves granular delegated admin privileges for our company',
      'how much does an Intune licence cost per month',
    ]);
    expect(closeness(question!, question!)).toBeCloseTo(1, 5);
    expect(closeness(question!, paraphrase!)).toBeGreaterThan(closeness(question!, unrelated!));
  });

  it('serves the sentences of its vector file from the file and encodes only the others, to within quantization', async () => {
    const path = pathToFileURL(join(directory, 'vectors.json'));
    const known = ['remove the partner admin roles', 'what does DAP mean'];
    await writeVectorFile(path, known);
    const model = await universalSentenceEncoder();
    const filed = await withVectorFile(model, path);

    const [fromFile] = await filed.encode([known[0]!]);
    expect(filed.missing()).toBe(0);
    const [fromModel] = await model.encode([known[0]!]);
    expect(closeness(fromFile!, fromModel!)).toBeGreaterThan(0.99);

    const [fresh, again] = await filed.encode(['a sentence the file does not hold', known[1]!]);
    expect(filed.missing()).toBe(1);
    expect(fresh).toHaveLength(again!.length);
  });

  it('ignores a vector file that does not exist', async () => {
    const filed = await withVectorFile(await universalSentenceEncoder(), pathToFileURL(join(directory, 'absent.json')));
    await filed.encode(['anything at all']);
    expect(filed.missing()).toBe(1);
  });
});

describe('a load that failed is tried again, after a growing wait', () => {
  function loader(outcomes: readonly ('fail' | 'load')[]) {
    let clock = 0;
    let attempts = 0;
    const events: LoadEvent[] = [];
    const load = retryingLoad(
      () => {
        const outcome = outcomes[attempts] ?? 'load';
        attempts += 1;
        return outcome === 'fail' ? Promise.reject(new Error(`no backend (${attempts})`)) : Promise.resolve(`model ${attempts}`);
      },
      { firstDelayMs: 1_000, maxDelayMs: 3_000, now: () => clock, report: (event) => events.push(event) },
    );
    return { load, events, attempts: () => attempts, wait: (ms: number) => (clock += ms) };
  }

  it('fails at once while it waits, tries again after it, and keeps what finally loaded', async () => {
    const subject = loader(['fail', 'fail', 'load']);
    await expect(subject.load()).rejects.toBeInstanceOf(EncoderNotLoadedError);
    subject.wait(999);
    await expect(subject.load()).rejects.toThrow(/next try in 1 s/);
    expect(subject.attempts()).toBe(1);
    subject.wait(1);
    await expect(subject.load()).rejects.toMatchObject({ cause: new Error('no backend (2)') });
    expect(subject.attempts()).toBe(2);
    subject.wait(1_999); // the wait doubled
    await expect(subject.load()).rejects.toBeInstanceOf(EncoderNotLoadedError);
    subject.wait(1);
    await expect(subject.load()).resolves.toBe('model 3');
    await expect(subject.load()).resolves.toBe('model 3');
    expect(subject.attempts()).toBe(3);
  });

  it('tells of a run of failures once, and of the recovery once', async () => {
    const subject = loader(['fail', 'fail', 'fail', 'load']);
    for (let i = 0; i < 4; i += 1) {
      await subject.load().catch(() => undefined);
      subject.wait(3_000);
    }
    await subject.load();
    expect(subject.events).toEqual([
      { kind: 'failed', error: new Error('no backend (1)'), retryInMs: 1_000 },
      { kind: 'recovered', failures: 3 },
    ]);
  });

  it('waits no longer than the longest wait', async () => {
    const subject = loader(['fail', 'fail', 'fail', 'fail', 'fail']);
    for (let i = 0; i < 4; i += 1) {
      await subject.load().catch(() => undefined);
      subject.wait(3_000);
    }
    await expect(subject.load()).rejects.toThrow(/next try in 3 s/);
    expect(subject.attempts()).toBe(5);
  });
});
