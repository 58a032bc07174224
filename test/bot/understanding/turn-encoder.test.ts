import { describe, expect, it } from 'vitest';
import { memoPerTurn, withTurnMemo } from '#bot/understanding/turn-encoder.ts';
import { recordingModel } from '#test/support/recording-model.ts';

describe('a sentence is encoded once per turn', () => {
  it('gives a second caller of the same turn the vector of the first, without asking the model again', async () => {
    const model = recordingModel();
    const encoder = memoPerTurn(model);
    const [first, second] = await withTurnMemo(async () => {
      const [a] = await encoder.encode(['who accepts the partner relationship']);
      const [b, c] = await encoder.encode(['who accepts the partner relationship', 'and how']);
      return [a, [b, c]] as const;
    });
    expect(model.calls).toEqual([['who accepts the partner relationship'], ['and how']]);
    expect(second[0]).toBe(first);
    expect([...second[1]!]).toEqual([7]);
  });

  it('keeps nothing from one turn to the next, nor outside a turn', async () => {
    const model = recordingModel();
    const encoder = memoPerTurn(model);
    await withTurnMemo(() => encoder.encode(['what is gdap']));
    await withTurnMemo(() => encoder.encode(['what is gdap']));
    await encoder.encode(['what is gdap']);
    await encoder.encode(['what is gdap']);
    expect(model.calls).toHaveLength(4);
  });

  it('keeps turns that run at the same time apart', async () => {
    const model = recordingModel();
    const encoder = memoPerTurn(model);
    await Promise.all([
      withTurnMemo(async () => {
        await encoder.encode(['same words']);
        await encoder.encode(['same words']);
      }),
      withTurnMemo(() => encoder.encode(['same words'])),
    ]);
    expect(model.calls).toEqual([['same words'], ['same words']]);
  });

  it('gives every caller of the turn the failure of the model, once asked', async () => {
    const model = recordingModel(true);
    const encoder = memoPerTurn(model);
    await withTurnMemo(async () => {
      await expect(encoder.encode(['a'])).rejects.toThrow('model failed');
      await expect(encoder.encode(['a'])).rejects.toThrow('model failed');
    });
    expect(model.calls).toHaveLength(1);
  });
});
