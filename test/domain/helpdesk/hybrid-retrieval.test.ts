/**
 * Hybrid retrieval: the words' search with the question's meaning given as an input (its closeness to each fact's and
 * decoy's nearest way of asking it, computed by the caller with a sentence encoder). Here the meaning is made up, so
 * each rule of MEANING is seen alone; the encoder's own closeness is tested in test/bot/helpdesk/helpdesk-meaning.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion, isSureOnWords, MEANING } from '#domain/helpdesk/answer-question.ts';
import type { HelpdeskAnswer } from '#domain/helpdesk/answer-question.ts';
import { KNOWN_SENTENCES, nearestByKey, spelledOut, textToEncode, type QuestionMeaning } from '#domain/helpdesk/question-meaning.ts';
import { KNOWLEDGE_BASE } from '#domain/helpdesk/knowledge-base.ts';
import { DECOY_TOPICS } from '#domain/helpdesk/decoy-topics.ts';

const KEYS = [...new Set(KNOWN_SENTENCES.map((sentence) => sentence.key))];

/** Every fact and decoy at `far`, the named ones at their own closeness. */
function meaning(far: number, near: Readonly<Record<string, number>> = {}): QuestionMeaning {
  return { closeness: new Map(KEYS.map((key) => [key, near[key] ?? far])) };
}

function given(answer: HelpdeskAnswer): string {
  if (answer.kind === 'fact') return answer.facts.map((fact) => fact.id).join(' + ');
  return answer.kind === 'declined' ? `declined: ${answer.about}` : 'unknown';
}

const about = (id: string): string => `declined: ${DECOY_TOPICS.find((decoy) => decoy.id === id)?.about ?? '?'}`;

describe('the known sentences', () => {
  it('are every fact question and phrasing and every decoy phrasing, spelled out', () => {
    const facts = KNOWLEDGE_BASE.reduce((sum, fact) => sum + 1 + fact.phrasings.length, 0);
    const decoys = DECOY_TOPICS.reduce((sum, decoy) => sum + decoy.phrasings.length, 0);
    expect(KNOWN_SENTENCES).toHaveLength(facts + decoys);
    expect(KEYS).toHaveLength(KNOWLEDGE_BASE.length + DECOY_TOPICS.length);
  });

  it.each([
    ['who accepts a GDAP request', 'who accepts a granular delegated admin privileges request'],
    ['DAP in BC', 'delegated admin privileges in Business Central'],
    ['does the GA accept the MCA', 'does the global admin accept the Microsoft Customer Agreement'],
    ['a badge of gaps', 'a badge of gaps'],
  ])('spells out the abbreviations: %s', (sentence, expected) => {
    expect(spelledOut(sentence)).toBe(expected);
  });

  it('encodes a question as it is read: typos corrected, abbreviations spelled out', () => {
    expect(textToEncode('who acepts the gdap')).toBe('who accepts the granular delegated admin privileges');
  });

  it('keeps the nearest sentence of each fact or decoy', () => {
    const sentences = [
      { key: 'fact:a', text: 'one' },
      { key: 'fact:a', text: 'two' },
      { key: 'decoy:b', text: 'three' },
    ] as const;
    expect(nearestByKey([0.2, 0.7, 0.4], sentences).closeness).toEqual(
      new Map([
        ['fact:a', 0.7],
        ['decoy:b', 0.4],
      ]),
    );
  });
});

describe('answering with the meaning of the question', () => {
  it.each([
    { question: 'how long does a gdap relationship last', given: 'gdap-duration' },
    { question: 'what does the customer approve exactly', given: 'gdap-approval-link' },
    { question: 'when exactly does BC make a user for the partner person', given: 'bc-sign-in-url' },
  ])('without it, answers on the words alone: $question → $given', ({ question, given: expected }) => {
    expect(given(answerQuestion(question))).toBe(expected);
    expect(given(answerQuestion(question, undefined, undefined))).toBe(expected);
  });

  it.each([
    {
      rule: 'a neighbour the words prefer loses to the fact the question means',
      question: 'what does the customer approve exactly',
      meaning: meaning(0.5, { 'fact:gdap-what-it-grants': 0.9 }),
      expected: 'gdap-what-it-grants',
    },
    {
      rule: 'a fact the words do not decide on is answered when it is also the nearest in meaning, and near',
      question: 'when exactly does BC make a user for the partner person',
      meaning: meaning(0.4, { 'fact:bc-delegated-user-created': MEANING.sure + 0.2 }),
      expected: 'bc-delegated-user-created',
    },
    {
      rule: 'a question clearly closer in meaning to a near-miss topic than to any fact is declined',
      question: 'how long does a gdap relationship last',
      meaning: meaning(0.5, { 'decoy:pricing': 0.5 + MEANING.decoyLead + 0.05 }),
      expected: about('pricing'),
    },
    {
      rule: 'a word only a near-miss topic uses declines, wherever the meaning of the rest of the question leans',
      question: 'where do I download the CSP price list in partner center',
      meaning: meaning(0.4, { 'fact:csp-partner': 0.9, 'fact:partner-center-purpose': 0.85 }),
      expected: about('pricing'),
    },
    {
      rule: 'a near-miss topic that does not lead in meaning by decoyLead declines nothing',
      question: 'how long does a gdap relationship last',
      meaning: meaning(0.5, { 'decoy:pricing': 0.5 + MEANING.decoyLead / 2 }),
      expected: 'gdap-duration',
    },
  ])('$rule', ({ question, meaning: given_, expected }) => {
    expect(given(answerQuestion(question, undefined, given_))).toBe(expected);
  });

  it('a question far in meaning from every fact is not answered on the words it shares with one', () => {
    const answer = answerQuestion('how long does a gdap relationship last', undefined, meaning(MEANING.far - 0.1));
    expect(answer.kind).not.toBe('fact');
  });

  it('a fact of the form asked is not held back by a neighbour of another form that is closer in meaning', () => {
    // "who …" asks for the who-fact; the steps of approving are closer in meaning here, and must not win for it.
    const answer = answerQuestion(
      'who can accept a gdap request',
      undefined,
      meaning(0.5, { 'fact:relationship-accept-who': 0.7, 'fact:gdap-approval-link': 0.9 }),
    );
    expect(given(answer)).toBe('relationship-accept-who');
  });
});

describe('isSureOnWords (whether the question needs encoding at all)', () => {
  it.each([
    { question: 'how long does a gdap relationship last', sure: true },
    { question: 'who can accept a gdap request', sure: false },
    { question: 'when exactly does BC make a user for the partner person', sure: false },
    { question: 'how do I onboard a customer to Azure Lighthouse', sure: false },
  ])('$question → $sure', ({ question, sure }) => {
    expect(isSureOnWords(question)).toBe(sure);
  });

  it('a question the words answer surely gets the same answer with any meaning that does not decline it', () => {
    const question = 'how long does a gdap relationship last';
    expect(given(answerQuestion(question, undefined, meaning(0.6, { 'fact:gdap-approval-link': 0.7 })))).toBe(
      given(answerQuestion(question)),
    );
  });
});
