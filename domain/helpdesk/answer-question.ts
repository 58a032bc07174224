/**
 * Answers a helpdesk question from the knowledge base: one fact, or two composed for a comparison
 * or a two-part question; declines a question closest to a near-miss decoy topic, saying what it is
 * about and where to ask; and says plainly that it does not know when no match is convincing.
 */
import type { UserActor } from '../actors/actor.ts';
import type { DecoyTopic, FactSummary, HelpdeskFact } from './helpdesk-fact.ts';
import type { FactHit } from './fact-index.ts';
import {
  decoysNamedByOwnPhrase,
  decoysNamedByPhrase,
  GENERIC_TERMS,
  isDecoyOnlyTerm,
  isDecoyPartTerm,
  isFactTerm,
  isDomainTerm,
  isEverydayTerm,
  isKnownTerm,
  queryTerms,
  searchFacts,
} from './fact-index.ts';
import { expandQuestion } from './domain-vocabulary.ts';
import { DECOY_TOPICS } from './decoy-topics.ts';
import { findFact, summarizeFact } from './knowledge-base.ts';
import {
  accessTargets,
  asksForWork,
  asksWhichRoles,
  invitationMailApps,
  COMPATIBLE_FORMS,
  comparedSides,
  isAsked,
  offersAlternatives,
  questionForm,
  questionParts,
  questionSide,
} from './question-shape.ts';
import type { AnswerForm, AskerSide } from './helpdesk-fact.ts';
import { phrasingSimilarity } from './phrasing-similarity.ts';
import { correctSpelling } from './spelling.ts';
import type { QuestionMeaning } from './question-meaning.ts';

export type HelpdeskAnswer =
  | {
      readonly kind: 'fact';
      /** The fact that answers the question (the first one when two are composed). */
      readonly fact: HelpdeskFact;
      /** Every fact in the answer, in the order asked: one, or two for a comparison or two-part question. */
      readonly facts: readonly HelpdeskFact[];
      readonly related: readonly FactSummary[];
    }
  | { readonly kind: 'declined'; readonly about: string; readonly message: string; readonly whereToAsk: readonly string[] }
  | { readonly kind: 'unknown'; readonly message: string; readonly whereToAsk: readonly string[] };

/**
 * The confidence rule, tuned on eval/helpdesk/eval-set.ts only (`npm run eval:helpdesk`).
 * Scores are MiniSearch's BM25 with the field boosts of fact-index.ts. The best fact is answered only if:
 * - its score is at least `minScore`;
 * - it matched at least `minCoverage` of the question's KNOWN specific concepts. A concept is known
 *   when some fact or decoy matched it: words the knowledge base has never seen (team names, slang,
 *   filler) say nothing about which fact is meant, so they neither count for nor against a match;
 * - it is clearly ahead of the next fact: a score of `answerScore` or more, or `marginRatio` times it;
 * or, with less coverage, it leads clearly: a score of `leaderScore` and `leaderMargin` times the next fact.
 * A question whose best match is a decoy topic is declined; so is one the best fact does not answer
 * when a decoy matched something it did not, with at least `decoyRatio` of its score; and one with a
 * word only a decoy uses ("lighthouse", "payout", "price") when that decoy scores `decoyWordRatio` of the best fact.
 */
export const CONFIDENCE = {
  minScore: 40,
  minCoverage: 0.25,
  answerScore: 100,
  marginRatio: 1.2,
  leaderScore: 150,
  leaderMargin: 1.3,
  decoyRatio: 0.6,
  decoyWordRatio: 0.05,
  decoyRivalRatio: 0.5,
} as const;
/** A fact that answers the form of question asked (who, steps, effect…) ranks this much higher. */
export const FORM_BOOST = 1.3;
/** A fact of another form or none, for a question whose form is distinct (who, how long, compare, define, what it leaves), ranks this much lower. */
export const FORM_MISMATCH = 0.8;
/** A fact of the other side than the one the question comes from (partner or customer) ranks this much lower. */
export const SIDE_PENALTY = 0.7;
/**
 * When the words do not say whose question it is, the side of the person asking is the likelier one, but weaker
 * evidence than words: a partner's helpdesk often asks on a customer's behalf.
 */
export const ASKER_SIDE_PENALTY = 0.85;
/** How much the words of a step already done ("the request got approved, now…") weigh in the search, against 1 for the rest. */
export const CONTEXT_WEIGHT = 0.5;
/** How much the share of the question's known ideas a fact matches weighs in its rank (0: not at all, 1: in full). */
export const COVERAGE_WEIGHT = 0.35;
/** A part's own fact answers it in its own right when it scores this many times the whole question's fact on that part. */
export const PART_LEAD = 1.6;
/** A fact whose one way of asking matches the question as a whole (cosine 1) ranks this much higher, in proportion. */
export const PHRASING_BOOST = 1;
const RERANKED = 12;

/**
 * Meaning-based matching, when the caller encoded the question (see question-meaning.ts: the closeness in meaning of
 * the question to each fact's and decoy's nearest way of asking it, a cosine). Tuned on the tuning sets, checked on the
 * blind dev set (score only):
 * - `weight`: a hit's score is scaled by `e^(weight × (closeness − the closest of all))`, so a fact far in meaning from
 *   what is asked falls behind one close to it, whatever words they share (a fact of the form asked is not: meaning
 *   says what a question is about, not which form of answer it wants);
 * - `blend`: how much of the rerank by a fact's nearest way of asking is meaning rather than shared words;
 * - `far`: a question no closer than this to its best fact is not answered on shared words alone;
 * - `sure`: one whose best fact is also the nearest in meaning, at least this close, is answered even when the words
 *   alone would not decide (out-of-scope near misses come up to about 0.76 to their nearest fact in the tuning sets);
 * - `decoyLead`: one closer in meaning to a near-miss topic than to any fact, by this much, is declined.
 */
export const MEANING = {
  weight: 3,
  blend: 0.5,
  far: 0.3,
  sure: 0.8,
  decoyLead: 0.1,
  declineLead: 0.05,
  topicSlack: 0.1,
} as const;
/** Closeness in meaning mapped to 0…1 for the rerank: about unrelated at `floor`, the same sentence at 1. */
const MEANING_FLOOR = 0.3;

export const UNKNOWN_MESSAGE = "I don't know that one, and I would rather not guess.";
/** What this helpdesk covers, as a decline says it. */
export const HELPDESK_SCOPE = 'partner relationships, delegated admin access (DAP and GDAP) and what partners may do in Business Central';

const PARTNER_CENTER_SUPPORT = 'Partner Center support (partner.microsoft.com, Help + support)';
const DOCUMENTATION = "Microsoft's documentation at learn.microsoft.com";
/**
 * Where to ask what the helpdesk cannot answer, by who asks: partner staff ask their company's Admin
 * agents (an Admin agent is never sent to themselves), customers ask their partner, anyone Microsoft.
 */
export const WHERE_TO_ASK_BY_ASKER = {
  partnerAdminAgent: [PARTNER_CENTER_SUPPORT, DOCUMENTATION],
  partnerStaff: ["An Admin agent at your company (your partner's Partner Center admin)", PARTNER_CENTER_SUPPORT, DOCUMENTATION],
  customer: [
    'Your partner (the company that manages your Microsoft services)',
    'Microsoft support, from the Microsoft 365 admin center (Help & support)',
    DOCUMENTATION,
  ],
  unknown: [
    'Your partner if you are a customer, an Admin agent at your company if you are partner staff',
    PARTNER_CENTER_SUPPORT,
    DOCUMENTATION,
  ],
} as const satisfies Record<string, readonly string[]>;
/** Where to ask when it is not known who asks. */
export const WHERE_TO_ASK: readonly string[] = WHERE_TO_ASK_BY_ASKER.unknown;

/** Who asks, as far as where to send them depends on it. */
export type Asker = Pick<UserActor, 'tenantKind' | 'partnerCenterRoles'>;

/** The side of the relationship a person asks from, when the directory knows it. */
function sideOfAsker(asker: Asker | undefined): AskerSide | undefined {
  return asker?.tenantKind === 'partner' || asker?.tenantKind === 'customer' ? asker.tenantKind : undefined;
}

/** Where this person should ask what the helpdesk cannot answer. */
export function whereToAskFor(asker: Asker | undefined): readonly string[] {
  if (asker?.tenantKind === 'partner') {
    return asker.partnerCenterRoles.includes('AdminAgent') ? WHERE_TO_ASK_BY_ASKER.partnerAdminAgent : WHERE_TO_ASK_BY_ASKER.partnerStaff;
  }
  if (asker?.tenantKind === 'customer') return WHERE_TO_ASK_BY_ASKER.customer;
  return WHERE_TO_ASK;
}

const RELATED_LIMIT = 2;
// A chat message can be long; the search costs grow with its words, and a question is short.
const MAX_QUESTION_LENGTH = 300;

/**
 * A searched question: its concepts (each a list of index terms that stand for one idea, see
 * expandQuestion), which of them the index knows, and the hits (facts and decoys), best first.
 */
export interface QuestionSearch {
  readonly concepts: readonly (readonly string[])[];
  readonly hits: readonly FactHit[];
  /** The question's closeness in meaning to each fact and decoy, when the caller encoded it. */
  readonly meaning?: QuestionMeaning;
}

/** How close in meaning a question comes to a hit's nearest way of asking it (undefined without meaning). */
export function closenessOf(meaning: QuestionMeaning | undefined, hit: Pick<FactHit, 'kind' | 'id'>): number | undefined {
  if (meaning === undefined) return undefined;
  return meaning.closeness.get(`${hit.kind}:${hit.id}`) ?? 0;
}

/** The closest in meaning a question comes to any fact or decoy. */
function closestOfAll(meaning: QuestionMeaning): number {
  let best = 0;
  for (const value of meaning.closeness.values()) best = Math.max(best, value);
  return best;
}

/** The closest in meaning a question comes to any fact or any decoy, with its id. */
function nearestOfKind(meaning: QuestionMeaning, kind: 'fact' | 'decoy'): { readonly id: string; readonly closeness: number } | undefined {
  const prefix = `${kind}:`;
  let nearest: { readonly id: string; readonly closeness: number } | undefined;
  for (const [key, value] of meaning.closeness) {
    if (key.startsWith(prefix) && value > (nearest?.closeness ?? -Infinity)) nearest = { id: key.slice(prefix.length), closeness: value };
  }
  return nearest;
}
const nearestFact = (meaning: QuestionMeaning) => nearestOfKind(meaning, 'fact');
const nearestDecoy = (meaning: QuestionMeaning) => nearestOfKind(meaning, 'decoy');

/** The concepts the knowledge base has words for: the rest (team names, slang, filler) are never counted. */
export function knownConcepts(search: QuestionSearch): (readonly string[])[] {
  return search.concepts.filter((terms) => terms.some(isKnownTerm));
}

/**
 * The share of the question's known concepts that a hit matched, from 0 to 1: the specific ones
 * (not words like "partner" that every fact shares) when there are any, else the generic ones.
 */
export function specificCoverage(hit: FactHit, concepts: readonly (readonly string[])[], known = concepts): number {
  const knownSet = new Set(known);
  const candidates = concepts.filter((terms) => knownSet.has(terms));
  const specific = candidates.map((terms) => terms.filter((term) => !GENERIC_TERMS.has(term))).filter((terms) => terms.length > 0);
  const counted = specific.length > 0 ? specific : candidates;
  if (counted.length === 0) return 0;
  const matched = new Set(hit.matchedTerms);
  return counted.filter((terms) => terms.some((term) => matched.has(term))).length / counted.length;
}

/** True when a hit matched a word that names a topic: neither one every fact shares ("gdap") nor an everyday one ("setup"). */
function matchesTopicWord(hit: FactHit): boolean {
  return hit.matchedTerms.some((term) => !GENERIC_TERMS.has(term) && !isEverydayTerm(term));
}

/** Applies the confidence rule to a search: true when the best fact may be given as the answer. */
export function isConfident(search: QuestionSearch): boolean {
  const facts = search.hits.filter((hit) => hit.kind === 'fact');
  const [best, second] = facts;
  if (best === undefined) return false;
  const { meaning } = search;
  if (meaning !== undefined) {
    // Far in meaning from every fact: shared words alone do not make it one of them.
    if ((closenessOf(meaning, best) ?? 0) < MEANING.far) return false;
    // The best fact is also the nearest in meaning, and near: the words need not decide alone.
    const nearest = nearestFact(meaning);
    if (nearest !== undefined && nearest.id === best.id && nearest.closeness >= MEANING.sure) return true;
  }
  if (best.score < CONFIDENCE.minScore) return false;
  // Matched only on words every fact shares ("gdap", "partner") and everyday ones ("setup", "change"), the words do not
  // say which fact is meant: its meaning must ("is our gdap setup risky anywhere" is not about the setup guide).
  if (
    meaning !== undefined &&
    !matchesTopicWord(best) &&
    (closenessOf(meaning, best) ?? 0) < (nearestFact(meaning)?.closeness ?? 0) - MEANING.topicSlack
  )
    return false;
  const clearlyAhead = (ratio: number): boolean => second === undefined || best.score >= second.score * ratio;
  if (specificCoverage(best, search.concepts, knownConcepts(search)) < CONFIDENCE.minCoverage) {
    // The words it missed may be everyday words the knowledge base happens to use: a clear leader still answers.
    return best.score >= CONFIDENCE.leaderScore && clearlyAhead(CONFIDENCE.leaderMargin);
  }
  return best.score >= CONFIDENCE.answerScore || clearlyAhead(CONFIDENCE.marginRatio);
}

// Forms that say plainly what kind of answer is wanted: a fact of another form answers a neighbouring question
// ("who may invite" is not "how to invite"), so it ranks lower as well.
const DISTINCT_FORMS: ReadonlySet<string> = new Set(['who', 'duration', 'comparison', 'definition', 'effect']);

/** True when a fact answers who (which person) may act, not which role something takes ("Which role should a GDAP … include"). */
function namesWhoActs(fact: HelpdeskFact | undefined): boolean {
  return fact?.form === 'who' && /^who\b/i.test(fact.question);
}

function formFactor(
  asked: AnswerForm | null,
  compatible: readonly (string | undefined)[],
  fact: HelpdeskFact | undefined,
  rolesAsked = false,
): number {
  const factForm = fact?.form;
  // "Which roles can a partner get" reads like a who-question ("which role"), but the roles are asked about: a fact about
  // which person may act answers a neighbouring question, one about which role to take ("Which role should a GDAP
  // relationship include …") answers it, and one of no particular form may.
  if (rolesAsked) return namesWhoActs(fact) ? FORM_MISMATCH : factForm === 'who' ? FORM_BOOST : 1;
  if (asked === null) return 1;
  if (factForm !== undefined && compatible.includes(factForm)) return FORM_BOOST;
  // A fact of no particular form is not known to answer a who / how long / what-is question either.
  return DISTINCT_FORMS.has(asked) ? FORM_MISMATCH : 1;
}

function sideFactor(asking: AskerSide | null, factSide: AskerSide | undefined): number {
  if (asking === null || factSide === undefined) return 1;
  return asking === factSide ? 1 : SIDE_PENALTY;
}

/** The ideas of an expanded question, each as the index terms that stand for it; one idea once ("customer … customers"). */
function conceptsOf(expanded: ReturnType<typeof expandQuestion>): (readonly string[])[] {
  const terms = expanded.concepts.map((concept) => queryTerms([...concept.written, ...concept.added].join(' ')));
  return [...new Map(terms.map((concept) => [concept.join(' '), concept])).values()];
}

/** The ideas of a question without searching for it (see conceptsOf). */
function questionConcepts(question: string): (readonly string[])[] {
  return conceptsOf(expandQuestion(question.slice(0, MAX_QUESTION_LENGTH))).filter((terms) => terms.length > 0);
}

/** Searches facts and decoys for a question after vocabulary expansion, with the form and side factors applied. */
export function searchQuestion(question: string, meaning?: QuestionMeaning, askerSide?: AskerSide): QuestionSearch {
  const text = question.slice(0, MAX_QUESTION_LENGTH);
  const expanded = expandQuestion(text);
  const concepts = conceptsOf(expanded);
  // The words of an expansion share the weight of one word, so "csp" → "cloud solution provider"
  // does not outweigh the rest of the question; the asker's own words keep their full weight.
  const weights = new Map<string, number>();
  const written = new Set(expanded.concepts.flatMap((concept) => queryTerms(concept.written.join(' '))));
  for (const concept of expanded.concepts) {
    const added = queryTerms(concept.added.join(' ')).filter((term) => !written.has(term));
    for (const term of added) weights.set(term, Math.min(weights.get(term) ?? 1, 1 / added.length));
  }
  // A step already done sets the scene: its words weigh less than those of what is asked.
  for (const concept of expanded.concepts.filter((each) => each.context === true)) {
    for (const term of queryTerms([...concept.written, ...concept.added].join(' '))) {
      weights.set(term, (weights.get(term) ?? 1) * CONTEXT_WEIGHT);
    }
  }
  const form = questionForm(text);
  const rolesAsked = asksWhichRoles(text);
  const side = questionSide(text);
  const sideOf = (factSide: AskerSide | undefined): number =>
    side !== null || askerSide === undefined
      ? sideFactor(side, factSide)
      : factSide === undefined || factSide === askerSide
        ? 1
        : ASKER_SIDE_PENALTY;
  const questionTerms = queryTerms(expanded.text);
  const forms: readonly (string | undefined)[] = form === null ? [] : (COMPATIBLE_FORMS[form] ?? [form]);
  const hits = searchFacts(expanded.text, weights)
    .filter((hit) => concepts.length > 0 && hit.matchedTerms.length > 0)
    .map((hit) => {
      if (hit.kind !== 'fact') return hit;
      const fact = findFact(hit.id);
      return { ...hit, score: hit.score * formFactor(form, forms, fact, rolesAsked) * sideOf(fact?.side) };
    })
    .sort((a, b) => b.score - a.score)
    // Only the leaders are reranked: the rest cannot climb past them, and the cost stays flat.
    .map((hit, rank) => {
      if (rank >= RERANKED) return hit;
      const lexical = phrasingSimilarity(questionTerms, hit.kind, hit.id);
      const close = closenessOf(meaning, hit);
      const similarity =
        close === undefined
          ? lexical
          : (1 - MEANING.blend) * lexical + MEANING.blend * Math.min(1, Math.max(0, (close - MEANING_FLOOR) / (1 - MEANING_FLOOR)));
      return { ...hit, score: hit.score * (1 + PHRASING_BOOST * similarity) };
    })
    .sort((a, b) => b.score - a.score);
  const found = concepts.filter((terms) => terms.length > 0);
  // A fact that matches every idea of the question beats one that matches fewer of them more often.
  const known = found.filter((terms) => terms.some(isKnownTerm));
  const covered = hits
    .map((hit, rank) =>
      rank >= RERANKED || hit.kind === 'decoy'
        ? hit
        : { ...hit, score: hit.score * (1 - COVERAGE_WEIGHT + COVERAGE_WEIGHT * specificCoverage(hit, found, known)) },
    )
    .sort((a, b) => b.score - a.score);
  if (meaning === undefined) return { concepts: found, hits: covered };
  const closest = closestOfAll(meaning);
  // Meaning says what a question is about, not which form of answer it wants: a fact of the form asked is not held back
  // by a neighbour of another form that is closer in meaning ("where do I start a reseller request" wants the steps).
  const ofFormAsked = (hit: FactHit): boolean => hit.kind === 'fact' && form !== null && forms.includes(findFact(hit.id)?.form);
  const meant = covered
    .map((hit) =>
      ofFormAsked(hit) ? hit : { ...hit, score: hit.score * Math.exp(MEANING.weight * ((closenessOf(meaning, hit) ?? 0) - closest)) },
    )
    .sort((a, b) => b.score - a.score);
  return { concepts: found, hits: nearTieByMeaning(meant, meaning), meaning };
}

/** Two leading facts whose scores differ by less than this share are a tie on the words: meaning breaks it. */
export const NEAR_TIE = 0.02;

/** The hits, with the two leading facts in the order of their meaning when their scores are a near tie (see NEAR_TIE). */
function nearTieByMeaning(hits: readonly FactHit[], meaning: QuestionMeaning): FactHit[] {
  const ordered = [...hits];
  const [first, second] = [0, 1].map((rank) => ordered.filter((hit) => hit.kind === 'fact')[rank]);
  if (first === undefined || second === undefined || first.score - second.score > NEAR_TIE * first.score) return ordered;
  if ((closenessOf(meaning, second) ?? 0) <= (closenessOf(meaning, first) ?? 0)) return ordered;
  const [i, j] = [ordered.indexOf(first), ordered.indexOf(second)];
  ordered[i] = { ...second, score: first.score };
  ordered[j] = { ...first, score: second.score };
  return ordered;
}

/** True when some word of the question places it in the helpdesk's domain (see isDomainTerm). */
function inDomain(concepts: readonly (readonly string[])[]): boolean {
  return concepts.some((terms) => terms.some(isDomainTerm));
}

/**
 * Which rule of judgeQuestion declined a question or left it unanswered. Two of them decline the whole question, even
 * when it has two parts (DECLINES_THE_WHOLE); the others name the rule for whoever traces a verdict.
 */
export type DeclineRule =
  'decoy-first' | 'meaning-decoy' | 'not-in-domain' | 'decoy-word' | 'decoy-part' | 'foreign' | 'unsure-rival' | 'unsure';

type Verdict =
  | { readonly kind: 'fact'; readonly fact: HelpdeskFact; readonly search: QuestionSearch }
  | { readonly kind: 'declined'; readonly decoy: DecoyTopic; readonly by: DeclineRule }
  | { readonly kind: 'unknown'; readonly by: DeclineRule };

const decoysById = new Map(DECOY_TOPICS.map((decoy) => [decoy.id, decoy]));

/**
 * True when a near-miss topic matches a question nearly as well as its best fact does: only then may a decline say the
 * question is about that topic ("how does the approval work" is not about devices because one decoy shares a word).
 */
function rivals(decoy: FactHit | undefined, fact: FactHit | undefined): boolean {
  return decoy !== undefined && (fact === undefined || decoy.score >= fact.score * CONFIDENCE.decoyRivalRatio);
}

/** True when the best hit is a fact at least SURE_ON_WORDS times the next hit, fact or decoy: the words say which fact is meant. */
function factFarAheadOnWords(search: QuestionSearch): boolean {
  const [best, next] = search.hits;
  return best?.kind === 'fact' && (next === undefined || best.score >= SURE_ON_WORDS * next.score);
}

/** Decides one question (or one part of one): a fact, a decoy topic to decline, or nothing. */
export function judgeQuestion(
  question: string,
  exclude: ReadonlySet<string> = new Set(),
  partOfDomainQuestion = false,
  meaning?: QuestionMeaning,
  askerSide?: AskerSide,
): Verdict {
  const found = searchQuestion(question, meaning, askerSide);
  const search = { ...found, hits: found.hits.filter((hit) => hit.kind === 'decoy' || !exclude.has(hit.id)) };
  const known = knownConcepts(search);
  const bestFact = search.hits.find((hit) => hit.kind === 'fact');
  const bestDecoy = search.hits.find((hit) => hit.kind === 'decoy');
  const decoy = bestDecoy === undefined ? undefined : decoysById.get(bestDecoy.id);
  // A word that only a near-miss topic uses ("lighthouse", "payout", "price"), matched by that topic: the question is about it.
  // Not a workload named as what a partner's access reaches ("does the BC partner get into exchange?"): the question is about
  // the access, which the facts answer; a question about administering the workload itself names it otherwise.
  // Nor a mail app named as where the invitation's e-mail is written or sent ("send the invite from outlook").
  const reached = new Set([...accessTargets(question), ...invitationMailApps(question)].flatMap(queryTerms));
  const decoyWords = search.concepts.filter(
    (terms) =>
      terms.every((term) => isDecoyOnlyTerm(term) || !isKnownTerm(term)) &&
      terms.some((term) => isDecoyOnlyTerm(term) && !reached.has(term)),
  );
  // A word of a longer name ("migration" of "migration tool") names the topic too, but only where that topic rivals the
  // best fact on the words: on its own it is an everyday word ("a two-week migration", "which tool").
  const decoyPartWords = search.concepts.filter(
    (terms) =>
      terms.every((term) => isDecoyPartTerm(term) || !isKnownTerm(term)) &&
      terms.some(
        (term) =>
          isDecoyPartTerm(term) &&
          search.hits.some((hit) => hit.kind === 'decoy' && hit.matchedTerms.includes(term) && rivals(hit, bestFact)),
      ),
  );
  // Or a phrase only a near-miss topic uses ("the Microsoft Partner Agreement"), though each of its words is the facts' too.
  const namedByPhrase = new Set(decoysNamedByPhrase(question));
  const decoyFor =
    decoyWords.length === 0 && decoyPartWords.length === 0 && namedByPhrase.size === 0
      ? undefined
      : search.hits.find(
          (hit) =>
            hit.kind === 'decoy' &&
            (namedByPhrase.has(hit.id) ||
              [...decoyWords, ...decoyPartWords].some((terms) => terms.some((term) => hit.matchedTerms.includes(term)))),
        );
  const namedDecoy = decoyFor === undefined ? undefined : decoysById.get(decoyFor.id);
  if (bestDecoy !== undefined && decoy !== undefined && (bestFact === undefined || bestDecoy.score >= bestFact.score)) {
    // Declined as about the topic its own word names ("lighthouse"), when it names one, else the closest topic.
    return { kind: 'declined', decoy: namedDecoy ?? decoy, by: 'decoy-first' };
  }
  // Closer in meaning to a near-miss topic than to any fact, clearly: the question is about that topic.
  const nearestInMeaning = meaning === undefined ? undefined : nearestDecoy(meaning);
  const nearestFactInMeaning = meaning === undefined ? undefined : nearestFact(meaning);
  if (
    nearestInMeaning !== undefined &&
    nearestFactInMeaning !== undefined &&
    nearestInMeaning.closeness >= nearestFactInMeaning.closeness + MEANING.declineLead &&
    (nearestInMeaning.closeness >= nearestFactInMeaning.closeness + MEANING.decoyLead || !factFarAheadOnWords(search))
  ) {
    const topic = decoysById.get(nearestInMeaning.id);
    if (topic !== undefined) return { kind: 'declined', decoy: topic, by: 'meaning-decoy' };
  }
  // Nothing in the question places it in the domain (partners, customers, delegated access, the facts' own words):
  // it is about a neighbouring topic, whatever everyday words it shares with a fact ("reset a user's password").
  // A part of a two-part question ("… and how do I remove one?") leans on the whole, which was placed already.
  if (!partOfDomainQuestion && !inDomain(search.concepts)) {
    return decoy !== undefined && rivals(bestDecoy, bestFact)
      ? { kind: 'declined', decoy, by: 'not-in-domain' }
      : { kind: 'unknown', by: 'not-in-domain' };
  }
  // Its own word names the topic: weighed on the words, since the question's meaning may lean on the rest of it ("the CSP
  // price list in Partner Center" means much like a Partner Center question, but it asks for a price list).
  const wordsAlone = meaning === undefined || decoyFor === undefined ? undefined : searchQuestion(question, undefined, askerSide).hits;
  const namedScore = wordsAlone?.find((hit) => hit.kind === 'decoy' && hit.id === decoyFor?.id)?.score ?? decoyFor?.score ?? 0;
  const factScore = wordsAlone?.find((hit) => hit.kind === 'fact' && !exclude.has(hit.id))?.score ?? bestFact?.score ?? 0;
  // A phrase is weaker evidence than a word of the topic's own ("a guest user" may be a delegated admin): it does not decline
  // a question clearly nearer in meaning to a fact than to the topic it names.
  const byWord =
    decoyWords.some((terms) => terms.some((term) => decoyFor?.matchedTerms.includes(term))) ||
    (decoyFor !== undefined && decoysNamedByOwnPhrase(question).includes(decoyFor.id));
  const outweighed =
    !byWord &&
    meaning !== undefined &&
    bestFact !== undefined &&
    decoyFor !== undefined &&
    (closenessOf(meaning, bestFact) ?? 0) >= (closenessOf(meaning, decoyFor) ?? 0) + MEANING.decoyLead;
  if (namedDecoy !== undefined && decoyFor !== undefined && !outweighed && namedScore >= factScore * CONFIDENCE.decoyWordRatio) {
    return { kind: 'declined', decoy: namedDecoy, by: 'decoy-word' };
  }
  if (bestFact !== undefined && isConfident(search)) {
    // A decoy that explains part of the question the fact leaves out, nearly as well: the question is about the decoy.
    const factTerms = new Set(bestFact.matchedTerms);
    const decoyOnly =
      bestDecoy?.matchedTerms.some(
        (term) => !factTerms.has(term) && !GENERIC_TERMS.has(term) && known.some((terms) => terms.includes(term)),
      ) ?? false;
    if (
      decoy !== undefined &&
      bestDecoy !== undefined &&
      decoyOnly &&
      bestDecoy.score >= bestFact.score * CONFIDENCE.decoyRatio &&
      specificCoverage(bestDecoy, search.concepts, known) > specificCoverage(bestFact, search.concepts, known)
    ) {
      return { kind: 'declined', decoy, by: 'decoy-part' };
    }
    // An idea of the question in words no fact uses at all, which a near-miss topic does ("windows 365 cloud pcs", "power
    // apps", "prompted for mfa"), rivalling the fact: the fact answers the rest of the question, not what it is about.
    const foreign = search.concepts.filter((terms) =>
      terms.every((term) => !isFactTerm(term) && !isEverydayTerm(term) && !GENERIC_TERMS.has(term) && !/^\d+$/.test(term)),
    );
    const foreignDecoy = search.hits.find(
      (hit) =>
        hit.kind === 'decoy' && rivals(hit, bestFact) && foreign.some((terms) => terms.some((term) => hit.matchedTerms.includes(term))),
    );
    const foreignTopic = foreignDecoy === undefined ? undefined : decoysById.get(foreignDecoy.id);
    if (foreignTopic !== undefined) return { kind: 'declined', decoy: foreignTopic, by: 'foreign' };
    const fact = findFact(bestFact.id);
    if (fact !== undefined) return { kind: 'fact', fact, search };
  }
  if (
    decoy !== undefined &&
    bestDecoy !== undefined &&
    rivals(bestDecoy, bestFact) &&
    specificCoverage(bestDecoy, search.concepts, known) >= CONFIDENCE.minCoverage
  ) {
    return { kind: 'declined', decoy, by: 'unsure-rival' };
  }
  return { kind: 'unknown', by: 'unsure' };
}

function unknown(asker: Asker | undefined): HelpdeskAnswer {
  return { kind: 'unknown', message: UNKNOWN_MESSAGE, whereToAsk: whereToAskFor(asker) };
}

function declined(decoy: DecoyTopic, asker: Asker | undefined): HelpdeskAnswer {
  const [first = DOCUMENTATION] = whereToAskFor(asker);
  return {
    kind: 'declined',
    about: decoy.about,
    message: `That is a question about ${decoy.about}. It is outside what this helpdesk covers (${HELPDESK_SCOPE}), so I would rather not guess.`,
    whereToAsk: first === decoy.whereToAsk ? [decoy.whereToAsk] : [decoy.whereToAsk, first],
  };
}

function relatedTo(facts: readonly HelpdeskFact[], search: QuestionSearch | undefined): FactSummary[] {
  const shown = new Set(facts.map((fact) => fact.id));
  return (search?.hits ?? [])
    .filter((hit) => hit.kind === 'fact' && !shown.has(hit.id))
    .slice(0, RELATED_LIMIT)
    .map((hit) => findFact(hit.id))
    .filter((candidate): candidate is HelpdeskFact => candidate !== undefined)
    .map(summarizeFact);
}

function coversBothSides(verdict: Extract<Verdict, { kind: 'fact' }>, sides: readonly [string, string]): boolean {
  const matched = new Set(verdict.search.hits.find((hit) => hit.id === verdict.fact.id && hit.kind === 'fact')?.matchedTerms ?? []);
  return sides.every((side) => {
    // Words every fact shares ("gdap" in "active in gdap") say nothing about which side a fact covers, when the side has
    // a word of its own that people ask the facts with ("active"); else ("having gdap") its words are all it has.
    const terms = queryTerms(side);
    const own = terms.filter((term) => !GENERIC_TERMS.has(term) && isKnownTerm(term));
    return terms.length === 0 || (own.length > 0 ? own : terms).some((term) => matched.has(term));
  });
}

/** True when a part of a question names a topic of its own: a known word beyond everyday ones ("what are the steps" does not). */
function saysWhat(part: string): boolean {
  return questionConcepts(part).some((terms) =>
    terms.some((term) => isKnownTerm(term) && (!isEverydayTerm(term) || GENERIC_TERMS.has(term))),
  );
}

/**
 * True when a part of a question names a topic in the words it was written with, not only in words the vocabulary read
 * into them ("what do they get" is read as "what is granted", but names nothing): a known word beyond everyday ones.
 */
function namesInItsOwnWords(part: string): boolean {
  return expandQuestion(part).concepts.some((concept) =>
    queryTerms(concept.written.join(' ')).some((term) => isKnownTerm(term) && (!isEverydayTerm(term) || GENERIC_TERMS.has(term))),
  );
}

const YES_OR_NO = /^(can|could|does|do|is|are|will|may|should)\b/;

// Words by which a part of a question points back to the first part: "where do they do it", "does that end it".
const POINTS_BACK = /\b(it|that|this|they|them|those|one|there|afterwards)\b/;

/** Two different facts for the two sides of a comparison or the two parts of a question, or nothing. */
export function composedFacts(question: string, whole: Verdict, askerSide?: AskerSide): HelpdeskFact[] | null {
  const sides = comparedSides(question);
  // A fact written as the comparison asked for (matching both sides) beats two facts put side by side.
  if (sides !== null && whole.kind === 'fact' && whole.fact.form === 'comparison' && coversBothSides(whole, sides)) return null;
  // Two actions of one asking are split only where the whole question has its answer: a question the whole of which is a
  // near miss ("how do i create a user and assign a licence") is not answered by the facts its halves happen to match.
  const pieces = sides ?? questionParts(question, { actions: whole.kind === 'fact' });
  if (pieces.length < 2) return null;
  const facts: HelpdeskFact[] = [];
  // The part each fact answers, and the words it was read with (its own, or leaning on the first part's), by fact id.
  const partOf = new Map<string, { readonly part: string; readonly readAs: string }>();
  let previous = '';
  for (const piece of pieces) {
    const exclude = new Set(facts.map((fact) => fact.id));
    const alone = judgeQuestion(piece, exclude, true, undefined, askerSide);
    if (previous === '' || sides !== null) {
      if (alone.kind === 'fact') {
        facts.push(alone.fact);
        partOf.set(alone.fact.id, { part: piece, readAs: piece });
      }
      if (previous === '') previous = piece;
      continue;
    }
    // A later part is answered on its own words, unless it points back ("… and where do they do it?") or names nothing
    // of its own ("what are the steps"): then it is read with the first part's words, asking another form of answer
    // than the first part, and takes only a fact of its own form (any, when it says none); failing that, its own words.
    const form = questionForm(piece);
    const forms: readonly (string | undefined)[] = form === null ? [] : (COMPATIBLE_FORMS[form] ?? [form]);
    const fits = (verdict: Verdict | null): verdict is Extract<Verdict, { kind: 'fact' }> =>
      verdict?.kind === 'fact' && (form === null || forms.includes(verdict.fact.form));
    const leans = POINTS_BACK.test(piece) || !saysWhat(piece);
    const leaning =
      form !== null && form === questionForm(previous) ? null : judgeQuestion(`${piece} ${previous}`, exclude, true, undefined, askerSide);
    // A part that asks a distinct form of its own ("… and who at the customer must accept it?") and names what it asks about
    // is answered on its own words when they give a fact of that form: "it" points back to the object, not to the question.
    const ownForm = form !== null && DISTINCT_FORMS.has(form) && saysWhat(piece) && fits(alone);
    const ownWords = (!leans && alone.kind === 'fact') || ownForm;
    const [chosen, readAs] = ownWords
      ? [alone, piece]
      : fits(leaning)
        ? [leaning, `${piece} ${previous}`]
        : [fits(alone) ? alone : null, piece];
    if (chosen?.kind === 'fact') {
      facts.push(chosen.fact);
      partOf.set(chosen.fact.id, { part: piece, readAs });
    }
  }
  if (facts.length < 2) return null;
  // The parts must agree with the whole: two facts that leave out the whole question's clear answer are a bad split. The
  // parts are read on their words alone, so the whole's answer on its words alone is as good an answer to agree with
  // (its meaning may lean to a third fact that has a little of each part: "what is gdap, and must we accept every role").
  // That holds only for parts that are each asked ("… I don't see a reject button" says where the asker is stuck).
  let agreed = whole;
  if (whole.kind === 'fact' && sides === null && !facts.some((fact) => fact.id === whole.fact.id)) {
    const onWords = judgeQuestion(question, new Set(), false, undefined, askerSide);
    const asked = [...partOf.values()].every(({ part }) => isAsked(part, question));
    if (!asked || onWords.kind !== 'fact' || !facts.some((fact) => fact.id === onWords.fact.id)) return null;
    agreed = onWords;
  }
  // And the other fact must answer something the whole's fact leaves out: "which partners have admin roles? where do
  // I check" asks one thing twice, not what delegated administration means.
  if (agreed.kind === 'fact' && sides === null && !addsToWhole(agreed, facts, partOf, askerSide)) return null;
  // Alternatives offered ("will it just expire or can it auto renew?") are one question: the whole's fact answers it first.
  if (agreed.kind === 'fact' && sides === null && offersAlternatives(question)) {
    return [agreed.fact, ...facts.filter((fact) => fact.id !== agreed.fact.id)].slice(0, 2);
  }
  return facts.slice(0, 2);
}

/**
 * True when every fact besides the whole question's own answers its part in its own right: the form of answer that
 * part asked for ("who … and how"), a known idea of the question the whole's fact does not match, or that part alone
 * clearly better than the whole's fact ("can they run job queues? also web hooks?").
 */
function addsToWhole(
  whole: Extract<Verdict, { kind: 'fact' }>,
  facts: readonly HelpdeskFact[],
  partOf: ReadonlyMap<string, { readonly part: string; readonly readAs: string }>,
  askerSide: AskerSide | undefined,
): boolean {
  const { search } = whole;
  const matchedBy = (id: string): ReadonlySet<string> =>
    new Set(search.hits.find((hit) => hit.kind === 'fact' && hit.id === id)?.matchedTerms ?? []);
  const wholeMatched = matchedBy(whole.fact.id);
  const everyPartSaysWhat = [...partOf.values()].every(({ part }) => namesInItsOwnWords(part));
  const specific = knownConcepts(search)
    .map((terms) => terms.filter((term) => !GENERIC_TERMS.has(term) && !isEverydayTerm(term)))
    .filter((terms) => terms.length > 0 && !terms.some((term) => wholeMatched.has(term)));
  return facts
    .filter((fact) => fact.id !== whole.fact.id)
    .every((fact) => {
      const { part, readAs } = partOf.get(fact.id) ?? { part: '', readAs: '' };
      const form = questionForm(part);
      const asked: readonly (string | undefined)[] = form === null ? [] : (COMPATIBLE_FORMS[form] ?? [form]);
      // Another form of answer than the whole's fact gives: "who accepts the MCA and how", or a yes-or-no part
      // ("can they start job queue entries, and how can they test one?") answered by a yes-or-no fact.
      if (asked.includes(fact.form) && !asked.includes(whole.fact.form)) return true;
      if (form === null && YES_OR_NO.test(part) && fact.form === undefined && whole.fact.form !== undefined) return true;
      const matched = matchedBy(fact.id);
      const partHits = searchQuestion(readAs, undefined, askerSide).hits;
      const scoreOf = (id: string): number => partHits.find((hit) => hit.kind === 'fact' && hit.id === id)?.score ?? 0;
      // A fact the whole question's search did not even find was found by its part alone: it answers that part. So does
      // one that matches an idea the whole's fact leaves out, if it answers its part firmly ("where do I look" does not).
      if (matched.size === 0) return true;
      // Parts that each name something of their own are two questions: a fact that answers its part better than the whole's
      // fact does, on that part's own words, adds to it ("… and do they stay our reseller?", "… and can they accept gdap
      // too?"). A part that names nothing ("where to check", "what do they get") follows up on the other: one question.
      if (everyPartSaysWhat) {
        const ownHits = readAs === part ? partHits : searchQuestion(part, undefined, askerSide).hits;
        const ownScore = (id: string): number => ownHits.find((hit) => hit.kind === 'fact' && hit.id === id)?.score ?? 0;
        if (ownScore(fact.id) >= CONFIDENCE.minScore && ownScore(fact.id) > ownScore(whole.fact.id)) return true;
      }
      if (scoreOf(fact.id) < CONFIDENCE.answerScore) return false;
      return specific.some((terms) => terms.some((term) => matched.has(term))) || scoreOf(fact.id) >= scoreOf(whole.fact.id) * PART_LEAD;
    });
}

/**
 * Rules that decline a question as a whole on what it is about: a near-miss topic ahead of every fact on the words of the
 * whole question, or named by a word of its own. Its parts are not answered apart ("a user lost their phone and can't do
 * mfa, can we reset it through gdap" is about resetting MFA, whatever facts its halves happen to match on their words).
 */
const DECLINES_THE_WHOLE: ReadonlySet<DeclineRule> = new Set(['decoy-first', 'decoy-word']);

function composedIfPlaced(text: string, whole: Verdict, askerSide: AskerSide | undefined): HelpdeskFact[] | null {
  if (whole.kind === 'declined' && DECLINES_THE_WHOLE.has(whole.by)) return null;
  return inDomain(questionConcepts(text)) ? composedFacts(text, whole, askerSide) : null;
}

/** The words alone decide when their best fact scores at least this many times the next hit, fact or decoy. */
export const SURE_ON_WORDS = 2;

/**
 * True when the words alone answer the question surely: a confident fact, clearly ahead of every other fact and decoy.
 * Its meaning would not change the answer, so the caller need not encode it (encoding costs most of an answer's time).
 */
export function isSureOnWords(question: string): boolean {
  const verdict = judgeQuestion(correctSpelling(question.slice(0, MAX_QUESTION_LENGTH)));
  if (verdict.kind !== 'fact') return false;
  const [best] = verdict.search.hits;
  if (best === undefined || best.kind !== 'fact' || best.id !== verdict.fact.id || best.score < CONFIDENCE.answerScore) return false;
  if (!matchesTopicWord(best)) return false;
  // A known idea of the question the fact leaves out and a near-miss topic matches ("renew a customer's yearly subscription":
  // the subscription) may be what it is about: its meaning must say which, however far ahead the fact is on the rest.
  const matched = new Set(best.matchedTerms);
  const decoyTerms = new Set(verdict.search.hits.filter((hit) => hit.kind === 'decoy').flatMap((hit) => hit.matchedTerms));
  const leftToDecoy = knownConcepts(verdict.search).some(
    (terms) => !terms.some((term) => matched.has(term)) && terms.some((term) => !GENERIC_TERMS.has(term) && decoyTerms.has(term)),
  );
  return !leftToDecoy && factFarAheadOnWords(verdict.search);
}

/**
 * Answers a question with the best-matching fact (or two, composed) and up to two related ones, or declines.
 * Who asks tips the balance between a partner's and a customer's fact when the words do not say whose question it is,
 * and decides where a question it cannot answer is sent.
 */
export function answerQuestion(question: string, asker?: Asker, meaning?: QuestionMeaning): HelpdeskAnswer {
  const text = correctSpelling(question.slice(0, MAX_QUESTION_LENGTH));
  // "draft an email to the customer", "review our setup": work to do, not a question the facts answer.
  if (asksForWork(text)) return unknown(asker);
  const askerSide = sideOfAsker(asker);
  const whole = judgeQuestion(text, new Set(), false, meaning, askerSide);
  // A question the domain's words do not place is not split either: its parts would lean on nothing.
  const composed =
    whole.kind === 'unknown' || whole.kind === 'declined'
      ? composedIfPlaced(text, whole, askerSide)
      : composedFacts(text, whole, askerSide);
  if (composed !== null) {
    const [first] = composed;
    if (first !== undefined) {
      return { kind: 'fact', fact: first, facts: composed, related: relatedTo(composed, whole.kind === 'fact' ? whole.search : undefined) };
    }
  }
  if (whole.kind === 'declined') return declined(whole.decoy, asker);
  if (whole.kind === 'unknown') return unknown(asker);
  return { kind: 'fact', fact: whole.fact, facts: [whole.fact], related: relatedTo([whole.fact], whole.search) };
}

/** The short answer a person reads first: each fact's answer, in the order asked. */
export function answerSummary(answer: Extract<HelpdeskAnswer, { kind: 'fact' }>): string {
  return answer.facts.map((fact) => fact.answer).join(' ');
}

/** The longer text under the answer: each fact's explanation. */
export function answerExplanation(answer: Extract<HelpdeskAnswer, { kind: 'fact' }>): string {
  return answer.facts.map((fact) => fact.explanation).join(' ');
}

/** Where the answer comes from: each fact's document and section, once. */
export function answerSources(answer: Extract<HelpdeskAnswer, { kind: 'fact' }>): string {
  return [...new Set(answer.facts.map((fact) => `${fact.source.document}: ${fact.source.section}`))].join('; ');
}

/** The text a person reads for an answer: the short answer, then the explanation. */
export function answerText(answer: Extract<HelpdeskAnswer, { kind: 'fact' }>): string {
  return `${answerSummary(answer)} ${answerExplanation(answer)}`;
}
