import { AsyncLocalStorage } from 'node:async_hooks';
import type { SentenceEncoder } from '#domain/ports/sentence-encoder.ts';
import { batchingEncoder } from './batching-encoder.ts';
import { embeddedEncoder } from './sentence-encoder.ts';

/** The sentences encoded during the turn being handled, by text: kept for that turn only, never across turns. */
const turns = new AsyncLocalStorage<Map<string, Promise<Float32Array>>>();

/** Handles one turn with a memo of its own: a sentence encoded twice in it (understanding, then the helpdesk) is encoded once. */
export function withTurnMemo<T>(turn: () => Promise<T>): Promise<T> {
  return turns.run(new Map(), turn);
}

/**
 * An encoder that, inside a turn (withTurnMemo), encodes each sentence at most once and gives every later caller of
 * that turn the same vector; outside a turn it is the encoder itself.
 */
export function memoPerTurn(encoder: SentenceEncoder): SentenceEncoder {
  return {
    encode(sentences) {
      const memo = turns.getStore();
      if (memo === undefined) return encoder.encode(sentences);
      const fresh = [...new Set(sentences.filter((sentence) => !memo.has(sentence)))];
      if (fresh.length > 0) {
        const encoded = encoder.encode(fresh);
        fresh.forEach((sentence, index) =>
          memo.set(
            sentence,
            encoded.then((vectors) => vectors[index]!),
          ),
        );
      }
      return Promise.all(sentences.map((sentence) => memo.get(sentence)!));
    },
  };
}

/**
 * The encoder of the bot's messages, shared by understanding and the helpdesk: once per turn per sentence, turns that
 * arrive together batched into one call to the model.
 */
export const messageEncoder: SentenceEncoder = memoPerTurn(batchingEncoder(embeddedEncoder));
