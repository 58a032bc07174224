/**
 * The shape of a question, read from its words before any search: the form of answer it asks for
 * (who may, how to, what it leaves, what it is…), the two sides of a comparison, and the parts of
 * a question that asks two things at once.
 */
import type { AnswerForm } from './helpdesk-fact.ts';

function normalize(question: string): string {
  return question.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
}

const COMPARISON = /\b(difference|differences|diff|differ|compare|compared|comparison|versus|vs\.?)\b/;

// First match wins: "what happens after we remove" is an effect question, not a definition.
const FORMS: readonly (readonly [AnswerForm, RegExp])[] = [
  ['comparison', COMPARISON],
  ['duration', /\bhow long\b|\b(max(imum)?|min(imum)?) (length|duration)\b|\bexpir/],
  ['steps', /^(so |and |ok |okay )?how (do|does|can|to|should|would) (i|we|you|a|the|they|one|our|customers?|partners?)\b/],
  [
    'effect',
    /\bwhat happens\b|\bwhat (still )?(remains|stays|is left)\b|\b(can|could|do|does|will|would|are|is|am)( \w+){0,3} still\b|\b(after|once) (we|they|the customer|you|i|our|a customer)\b.*\b(remov|revok|accept|terminat|approv|end)/,
  ],
  [
    'who',
    /^(and )?(who|whom)\b|\bwho (can|may|must|should|has to|needs? to|is (allowed|entitled|permitted|authori[sz]ed)|accepts?|approves?|signs?)\b|\bwhich (role|admin|person|user)s? (can|may|must|should|has to|do (i|we) need|is needed|is required)\b|\b(what|which) role (do|does|is) .*\b(need|needed|required)\b|\bwhat permissions? do (i|we) need\b/,
  ],
  ['where', /\bwhere\b/],
  ['why', /^why\b|\bhow come\b/],
  [
    'steps',
    /\bhow (do|does|can|should|to|would) (i|we|you|a|the|they|one|our|customers?|partners?)?\b|\bsteps?\b|\bwalk me through\b|\bprocess (to|for)\b|\bwhat (do|does|should|must) (i|we|they|you|he|she|the customer|the partner) (do|click|press|select|open)\b/,
  ],
  [
    'definition',
    /^(what|wat|whats|what's) (is|are) (a|an|the)?\b|^(what|wat) (does|do) (a|an) \w+ do\b|\bwhat does .* mean\b|\bmeaning\b|\bstand for\b|\bdefin(e|ition)\b|\bexplain\b/,
  ],
];

/** Forms close enough that a fact of one answers a question of the other: "where do I start" wants the steps. */
export const COMPATIBLE_FORMS: Readonly<Partial<Record<AnswerForm, readonly AnswerForm[]>>> = {
  where: ['where', 'steps'],
  steps: ['steps', 'where'],
};

/** The form of answer a question asks for, or null when its words do not say. */
export function questionForm(question: string): AnswerForm | null {
  const text = normalize(question);
  for (const [form, pattern] of FORMS) if (pattern.test(text)) return form;
  return null;
}

const SIDES: readonly RegExp[] = [
  /\bdifferen(?:ce|ces|t)s? (?:between|betwen|btw|of) (.+?) (?:and|&|vs\.?|versus|or) (.+)$/,
  /\b(?:compare|comparing) (.+?) (?:and|&|with|to|vs\.?|versus) (.+)$/,
  /^(?:what(?:'s| is)? )?(?:the )?(.+?) (?:vs\.?|versus) (.+)$/,
  /\bhow (?:is|are|does|do) (.+?) differ(?:ent)? from (.+)$/,
  /\bis (.+?) (?:the same as|different from) (.+)$/,
];

/** The two things a comparison question compares, each as a short question, or null. */
export function comparedSides(question: string): [string, string] | null {
  const text = normalize(question).replace(/[?!.]+$/, '');
  if (!COMPARISON.test(text) && !/\bthe same as\b|\bdifferent from\b/.test(text)) return null;
  for (const pattern of SIDES) {
    const match = pattern.exec(text);
    const [left, right] = [match?.[1]?.trim(), match?.[2]?.trim()];
    if (left && right) return [`what is ${left}`, `what is ${right}`];
  }
  return null;
}

const QUESTION_START = "(?:who|whom|how|what|whats|what's|where|when|why|which|can|could|does|do|is|are|will|should|must|may|did)";
const JOINED = new RegExp(`\\s*(?:[,;]\\s*)?\\b(?:and|also|plus|or|&)\\s+(?:also\\s+)?(?=${QUESTION_START}\\b)`);
const COMMA_JOINED = new RegExp(`\\s*[,;]\\s*(?=${QUESTION_START}\\b)`);
const STARTS_AS_QUESTION = new RegExp(`^${QUESTION_START}\\b`);

/**
 * The parts of a question that asks two things: two sentences ending in question marks, or two
 * questions joined by "and", "also", "plus", "or" or a comma. One part when it asks one thing.
 */
export function questionParts(question: string): string[] {
  const sentences = normalize(question)
    .split(/\?+\s*|\s+(?:also|plus)[,:]?\s+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const parts = sentences
    .flatMap((sentence) => sentence.split(JOINED))
    // "who accepts the invite, how long do they have": a comma parts two questions only when the first is one too.
    .flatMap((part) => (STARTS_AS_QUESTION.test(part.trim()) ? part.split(COMMA_JOINED) : [part]))
    .map((part) => part.trim())
    .filter((part) => part.split(' ').length >= 2);
  return parts.length >= 2 ? parts : [question];
}
