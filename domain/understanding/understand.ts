/**
 * One understanding step for every message: typo correction, the trained classifier (a port), a few rules
 * that keep questions questions, and the details. Pure: the classifier and the names come in as arguments.
 */
import type { IntentClassifier } from '../ports/intent-classifier.ts';
import { extractDetails, maskNames } from './details.ts';
import {
  isTaskIntent,
  PARTNER_TASKS,
  CUSTOMER_TASKS,
  type TaskIntent,
  type AskerSide,
  type NameVocabulary,
  type ScoredIntent,
  type Understanding,
} from './intents.ts';
import { correctText, expandShorthand, type Dictionary } from './typos.ts';

/** At or above: act on the intent (a task still asks for confirmation). */
export const SURE = 0.7;
/** Above this share of unknown words, nothing is sure. */
export const MOSTLY_UNKNOWN = 0.5;
/** A task scoring at least this is offered as a button when nothing is sure. */
export const OFFER = 0.15;

// "How do I invite a customer?", "can a partner add roles later?": asking how things work, not asking the bot to act.
const HOW_IT_WORKS =
  /^(?:how (?:do|does|can|could|should|would|to|long|many|much|is|are)|why|what's (?:a|an)\b|whats (?:a|an)\b|what (?:is|are|does|do|happens|if|'s|can (?:a|an|the|i|we|they|[a-z]+ do))|when (?:does|do|is|can|will) (?:a|an|the|my|our|gdap|dap)\b|is it (?:possible|true)|does|do (?:partners|customers|i need|we need|delegated)|can (?:a|an|the|partners?|customers?|delegated|gdap|dap|someone|anyone|my|our|they|he|she)|should|will (?:a|the|my|our)|if |where (?:do|can|is)|who (?:can|approves|needs|is)|difference between|explain)\b/;
// Asking the bot to act: "can you invite…", "please…", "I need…".
const REQUEST =
  /\b(?:can|could|would|will) (?:you|u)\b|\bplease\b|\bpls\b|\bplz\b|\bi (?:need|want|would like|'d like)\b|\bi'd like\b|\blet'?s\b|\bhelp me\b|\bgo ahead\b|^(?:start|begin|open|show|list|give|get|send|invite|request|create|set up|setup|assign|renew|extend|manage|remove|accept|decline|review|add|new)\b/;
// A customer asking what a partner they name may do in their tenant now (myPartners), not how partners work in general.
const NAMED_PARTNER_NOW = /^(?:what (?:can|may|is) xpartner (?:do|allowed)|does xpartner (?:still )?(?:have|hold))\b/;
// A short change of one detail of the task in hand.
const FOLLOW_UP =
  /^(?:and|also|what about|how about|same (?:for|with|but)|now|then|ok|okay)\b|^(?:no|nope|actually|instead|wait|sorry|change|make (?:it|that)|set (?:it|that|the)|switch|use|with|without|w\/o|for|at|but)\b/;
const MAX_FOLLOW_UP_WORDS = 9;
// The intents whose details together cover every kind of detail a follow-up may change.
const FOLLOW_UP_INTENTS = ['requestGdap', 'inviteCustomer', 'myCustomers', 'manageRelationship', 'assignGroups'] as const;
// The other side's tasks stay possible (a refusal explains who can do them), weighed down.
const OTHER_SIDE = 0.3;
const CLEARLY_OTHER_SIDE = 0.85;

export interface UnderstandInput {
  readonly text: string;
  readonly side: AskerSide;
  readonly names: NameVocabulary;
}

export interface UnderstandingEngine {
  understand(input: UnderstandInput): Promise<Understanding>;
}

/** The text the classifier is given for a (corrected, masked) message or training utterance. */
export function classifierText(text: string): string {
  return text.replace(/-/g, ' ');
}

function detailCount(details: object): number {
  return Object.keys(details).length;
}

/** Builds the step from a trained classifier and the dictionary of the words it was trained on. */
export function createUnderstanding(classifier: IntentClassifier, dictionary: Dictionary): UnderstandingEngine {
  return {
    async understand({ text, side, names }) {
      const corrected = correctText(maskNames(expandShorthand(text), side, names), dictionary);
      const classified = await classifier.classify(classifierText(corrected));
      const scored = [...classified.scores].sort((a, b) => b.score - a.score);
      const ownTasks: readonly TaskIntent[] = side === 'partner' ? PARTNER_TASKS : CUSTOMER_TASKS;
      const weighed = scored
        .map((s) => (isTaskIntent(s.intent) && !ownTasks.includes(s.intent) ? { ...s, score: s.score * OTHER_SIDE } : s))
        .sort((a, b) => b.score - a.score);
      let best: ScoredIntent = weighed[0] ?? { intent: 'question', score: 0 };
      // The other side's task, clearly meant ("remove woodgrove's roles" from a partner), is taken: its refusal says who can.
      const raw = scored[0];
      if (
        raw !== undefined &&
        best.score < SURE &&
        isTaskIntent(raw.intent) &&
        !ownTasks.includes(raw.intent) &&
        raw.score >= CLEARLY_OTHER_SIDE
      )
        best = raw;
      // A partner taking Global Administrator out is changing their own relationship (the one change allowed), not the
      // customer's "remove roles".
      if (
        side === 'partner' &&
        best.intent === 'removeRoles' &&
        extractDetails(text, corrected, 'manageRelationship', side, names).removeGlobalAdmin === true
      )
        best = { intent: 'manageRelationship', score: best.score };
      const lower = text.trim().toLowerCase();
      const named = extractDetails(text, corrected, 'requestGdap', side, names);
      const aboutNamedRelationship =
        named.relationship !== undefined && (best.intent === 'manageRelationship' || best.intent === 'renewRelationship');
      // "What can Woodgrove do here?", "does Litware still have admin roles?": a customer asking about a partner of theirs.
      const aboutNamedPartner = side === 'customer' && best.intent === 'myPartners' && NAMED_PARTNER_NOW.test(corrected);
      if (
        isTaskIntent(best.intent) &&
        HOW_IT_WORKS.test(corrected) &&
        !REQUEST.test(lower) &&
        !aboutNamedRelationship &&
        !aboutNamedPartner
      ) {
        best = { intent: 'question', score: Math.max(best.score, SURE) };
      }
      const words = corrected.split(' ').filter((w) => w !== '').length;
      const anyDetail = FOLLOW_UP_INTENTS.some((i) => detailCount(extractDetails(text, corrected, i, side, names)) > 0);
      const followUp = words <= MAX_FOLLOW_UP_WORDS && FOLLOW_UP.test(lower) && anyDetail;
      let intent = best.intent;
      let confidence = best.score;
      // Mostly words the classifier never saw: its best guess is offered, never acted on.
      let certainty: Understanding['certainty'] = confidence >= SURE && classified.unknown < MOSTLY_UNKNOWN ? 'sure' : 'unsure';
      if (!isTaskIntent(intent) && intent !== 'question' && confidence < SURE) {
        // Help and chit-chat are only taken when sure; otherwise it is a question.
        intent = 'question';
        certainty = 'unsure';
      }
      if (best.score === 0) {
        intent = 'question';
        confidence = 0;
      }
      const alternatives = weighed.filter((s) => s.intent !== intent && isTaskIntent(s.intent) && s.score >= OFFER).slice(0, 3);
      const details = extractDetails(text, corrected, intent, side, names);
      const ranked = weighed
        .filter((s) => s.score > 0)
        .map((s) => s.intent)
        .filter((i): i is TaskIntent => isTaskIntent(i) && ownTasks.includes(i));
      // Words the classifier has nothing for still get the asker's own menu, never a dead end.
      const closestTasks = [...ranked, ...ownTasks.filter((t) => !ranked.includes(t))].slice(0, 3);
      const spelled = correctText(text, dictionary);
      return { intent, confidence, certainty, details, alternatives, closestTasks, corrected, spelled, followUp };
    },
  };
}
