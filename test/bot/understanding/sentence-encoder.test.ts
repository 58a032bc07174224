import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { universalSentenceEncoder, withVectorFile, writeVectorFile } from '#bot/understanding/sentence-encoder.ts';
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
