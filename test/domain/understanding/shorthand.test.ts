import { describe, expect, it } from 'vitest';
import { extractDetails } from '#domain/understanding/details.ts';
import { expandShorthand } from '#domain/understanding/typos.ts';
import { SCHEMA_NAMES } from '#eval/nlu/nlu-eval.ts';

describe('chat shorthand is spelled out before the words are read', () => {
  it.each([
    ['i wanna edit the contoso gdap', 'i want to edit the contoso gdap'],
    ['gimme my customers', 'give me my customers'],
    ['can u invite fabrikam w/o dap plz', 'can you invite fabrikam without dap please'],
    ['gdap w/ auto extend', 'gdap with auto extend'],
    ['lemme see ur invites thx', 'let me see your invites thanks'],
    // Words that only contain the letters stay as they are.
    ['update our users', 'update our users'],
  ])('"%s" → "%s"', (typed, spelled) => {
    expect(expandShorthand(typed)).toBe(spelled);
  });
});

describe('Global Administrator named first, then taken out as "it"', () => {
  it.each<[string, boolean]>([
    ["we shouldn't have global administrator in the contoso relationship anymore, take it out", true],
    ['global admin on northwind security: drop it', true],
    ['is global admin part of it', false],
  ])('"%s" → removeGlobalAdmin %s', (text, removes) => {
    expect(extractDetails(text, text, 'manageRelationship', 'partner', SCHEMA_NAMES).removeGlobalAdmin === true).toBe(removes);
  });
});
