import { describe, expect, it } from 'vitest';
import { batchingEncoder } from '#bot/understanding/batching-encoder.ts';
import { recordingModel } from '#test/support/recording-model.ts';

describe('sentences asked for at the same time are encoded in one call', () => {
  it('gives each caller its own vectors, in order, from one call to the model', async () => {
    const model = recordingModel();
    const encoder = batchingEncoder(model);
    const [a, b, c] = await Promise.all([encoder.encode(['a']), encoder.encode(['bb', 'ccc']), encoder.encode(['dddd'])]);
    expect(model.calls).toEqual([['a', 'bb', 'ccc', 'dddd']]);
    expect([...a!].map((v) => v[0])).toEqual([1]);
    expect([...b!].map((v) => v[0])).toEqual([2, 3]);
    expect([...c!].map((v) => v[0])).toEqual([4]);
  });

  it('never makes a batch larger than asked (a caller with more sentences still gets them all)', async () => {
    const model = recordingModel();
    const encoder = batchingEncoder(model, 2);
    const results = await Promise.all([encoder.encode(['a']), encoder.encode(['b']), encoder.encode(['c', 'd', 'e'])]);
    expect(model.calls).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
    expect(results.map((r) => r.length)).toEqual([1, 1, 3]);
  });

  it('calls one after another are encoded one after another, and a failure reaches every caller of its batch', async () => {
    const model = recordingModel();
    const encoder = batchingEncoder(model);
    await encoder.encode(['one']);
    await encoder.encode(['two']);
    expect(model.calls).toEqual([['one'], ['two']]);
    const failing = batchingEncoder(recordingModel(true));
    const both = await Promise.allSettled([failing.encode(['x']), failing.encode(['y'])]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(failing.encode([])).resolves.toEqual([]);
  });
});
