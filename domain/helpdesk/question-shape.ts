/**
 * The shape of a question, read from its words before any search: the form of answer it asks for
 * (who may, how to, what it leaves, what it is…), the two sides of a comparison, and the parts of
 * a question that asks two things at once.
 */
import type { AnswerForm, AskerSide } from './helpdesk-fact.ts';

function normalize(question: string): string {
  return question.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
}

const COMPARISON = /\b(difference|differences|diff|differ|compare|compared|comparison|versus|vs\.?)\b/;
const VERSUS = /\b(?:versus|vs)\b/;
// After "X vs Y", a question of another kind ("…, can we remove global admin later"), not one that compares them.
const ASKS_ON_AFTER_VERSUS = /[,;?]\s*|\s[-–—]\s*/;
const ANOTHER_QUESTION =
  /^(can|could|do|does|is|are|will|would|should|how|where|when)\b(?!.*\b(same|better|worse|more|less|which|diff\w*)\b)/;

/**
 * True when "X vs Y" is a noun phrase inside a question that asks something else ("we approved gdap with global admin vs
 * helpdesk admin roles, can we remove global admin later"): "vs" is its only comparison word and a question of another
 * kind follows it. "reseller vs gdap?", "admin agent vs helpdesk agent - same thing?", "lighthouse vs gdap, which one do
 * we use", "partner with gdap access vs delegated admin - what's the difference" compare. (A long clause before "vs" is
 * not enough: "… which of their partners is a reseller vs delegated admin" may still ask for the difference.)
 */
function versusInsideQuestion(text: string): boolean {
  const match = VERSUS.exec(text);
  if (match === null || /\b(diff\w*|compar\w*)\b/.test(text)) return false;
  const after = text
    .slice(match.index + match[0].length)
    .split(ASKS_ON_AFTER_VERSUS)
    .slice(1)
    .map((part) => part.trim());
  return after.some((part) => ANOTHER_QUESTION.test(part));
}

// First match wins: "what happens after we remove" is an effect question, not a definition.
const FORMS: readonly (readonly [AnswerForm, RegExp])[] = [
  ['comparison', COMPARISON],
  // "how long can the name be" asks a length in characters, not a time.
  [
    'duration',
    /\bhow long\b(?!.*\b(names?|characters?|chars)\b)|\b(max(imum)?|min(imum)?) duration\b|\bexpir|\b(the|its|max(imum)?|min(imum)?|longest) term\b(?! of (use|service))/,
  ],
  ['steps', /^(so |and |ok |okay )?how (do|does|can|to|should|would) (i|we|you|a|the|they|one|our|customers?|partners?)\b/],
  [
    'effect',
    /\bwhat happens\b|\bwhat (still )?(remains|stays|is left)\b|\bwhat (still )?(works|keeps working|stops working)\b|\b(can|could|do|does|will|would|are|is|am)( \w+){0,3} still\b|\b(after|once) (we|they|the customer|you|i|our|a customer)\b.*\b(remov|revok|terminat|end)|^(?!.*\b(now what|what now|what next|next steps?|what (did|do|are) (we|i) (miss|missing|do now)|can'?t|cannot|unable to|access denied|not working|doesn'?t work)\b).*\b(after|once) (we|they|the customer|you|i|our|a customer)\b.*\b(accept|approv)/,
  ],
  [
    'who',
    /^(and )?(who|whom)\b|^which (\w+ )?(admin|admins|role|roles|person|people|user|users)\b(?! (page|list|tab|settings?)\b)|\bwho (can|may|must|should|has to|needs? to|is (allowed|entitled|permitted|authori[sz]ed)|accepts?|approves?|signs?)\b|\bwhich (\w+ ){0,2}(role|admin|person|user)s? (\w+ ){0,2}(can|may|must|should|has to|do (i|we) need|need|needs|needed|is needed|is required|required|allowed)\b|\b(what|which) role (do|does|is) .*\b(need|needed|required)\b|\bwhat permissions? do (i|we) need\b|\b(minimum|least|lowest) (\w+ )?(roles?|permissions?) (to|for|needed|required)\b/,
  ],
  ['where', /\bwhere\b/],
  ['why', /^why\b|\bhow come\b/],
  [
    'steps',
    /\bhow (do|does|can|should|to|would) (i|we|you|a|the|they|one|our|customers?|partners?)?\b|\bhow (is|are) (it|this|that|they) done\b|\bsteps?\b|\bwalk me through\b|\bprocess (to|for)\b|\bwhat (do|does|should|must) (i|we|they|you|he|she|the customer|the partner) (have to |need to )?(do|click|press|select|open)\b/,
  ],
  [
    'definition',
    /^(what|wat|whats|what's) (is|are) (a|an|the)?\b|^(what|wat) (does|do) (a|an) \w+ do\b|\bwhat does .* mean\b|\b(what|wat) ?(is|'s|s) (it|that|this)( exactly)?$|\bmeaning\b|\bstand for\b|\bdefin(e|ition)\b|\bexplain\b/,
  ],
];

/** Forms close enough that a fact of one answers a question of the other: "where do I start" wants the steps. */
export const COMPATIBLE_FORMS: Readonly<Partial<Record<AnswerForm, readonly AnswerForm[]>>> = {
  where: ['where', 'steps'],
  steps: ['steps', 'where'],
};

// "which roles can a partner get / can we ask for / can the partner be given": the roles are what is asked about (their
// object), not who may act, as in "which role can accept" or "which roles do we need to approve". A subject after the verb
// says so; a need or a requirement asks who may act.
const ROLES_AS_OBJECT =
  /^(?:and |so )?which (?:[\w-]+ )?roles? (?:can|could|may|should|will|do|does|are|is) (?:a|an|the|we|i|you|they|our|my|their|its|partners?|customers?|gdap|dap)\b(?!.*\b(?:needs?|needed|required|requires?|minimum|least)\b)/;

/** True when a question asks which roles someone gets, asks for or is given ("which roles can a partner get"): not who may act. */
export function asksWhichRoles(question: string): boolean {
  return ROLES_AS_OBJECT.test(normalize(question));
}

/** The form of answer a question asks for, or null when its words do not say. */
export function questionForm(question: string): AnswerForm | null {
  const text = normalize(question);
  const inside = versusInsideQuestion(text);
  for (const [form, pattern] of FORMS) if ((form !== 'comparison' || !inside) && pattern.test(text)) return form;
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
  if (versusInsideQuestion(text)) return null;
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
const ALTERNATIVES = new RegExp(`\\bor\\s+(?=${QUESTION_START}\\b)`);

/** True when a part of a question is asked as a question (a question word first, or a question mark after it), not said. */
export function isAsked(part: string, question: string): boolean {
  const text = normalize(part);
  return STARTS_AS_QUESTION.test(text) || normalize(question).includes(`${text}?`);
}

/**
 * True when a question offers alternatives ("will it just expire or can it auto renew?"): one question, whose answer is
 * the fact the whole of it asks for, not two questions.
 */
export function offersAlternatives(question: string): boolean {
  return ALTERNATIVES.test(normalize(question));
}

// "what do advisor and lob partners do", "what are mpsa and isv partners": one question about two things, each a few words.
const COORDINATED =
  /^(what|who) (is|are|do|does) (?:an? |the )?((?:\w+ ){0,2}\w+) (?:and|&) (?:an? |the )?((?:\w+ ){0,2}?\w+)( partners?)?( do| mean| get)?$/;

/** A question about two coordinated things, as two questions: "what do advisor and lob partners do" → one per partner type. */
function coordinatedParts(sentence: string): string[] {
  const match = COORDINATED.exec(sentence);
  if (match === null) return [sentence];
  const [, asks = '', verb = '', left = '', right = '', noun = '', tail = ''] = match;
  return [`${asks} ${verb} ${left}${noun}${tail}`, `${asks} ${verb} ${right}${noun}${tail}`];
}

// "how do i see my partners and remove one of them": one asking, two actions, each with its own object.
const COORDINATED_ACTIONS = new RegExp(
  '^((?:so |and |ok |okay )?(?:how (?:do|does|can|should|would|to)|can|could|do|does|should|may) ' +
    '(?:i|we|you|they|customers?|partners?|(?:the|a|our|my) \\w+))' +
    ' (\\w+ \\w+.*?),? (?:and|&) (?:then |also )?' +
    '((?:remove|add|delete|terminate|end|cancel|accept|approve|invite|assign|change|see|view|check|find|block|disable|' +
    'enable|request|extend|renew|revoke|send|stop|limit|restrict|edit|update|sign|test|run|turn|give|take)\\b.*)$',
);

/** One asking with two actions, as two questions: "how do i see my partners and remove one" → one per action. */
function coordinatedActions(sentence: string): string[] {
  const match = COORDINATED_ACTIONS.exec(sentence);
  if (match === null) return [sentence];
  const [, asking = '', first = '', second = ''] = match;
  return [`${asking} ${first}`, `${asking} ${second}`];
}

/**
 * The parts of a question that asks two things: two sentences ending in question marks, or two
 * questions joined by "and", "also", "plus", "or" or a comma. One part when it asks one thing.
 */
export function questionParts(question: string, { actions = true }: { readonly actions?: boolean } = {}): string[] {
  const sentences = normalize(question)
    // Sentences, "also"/"plus", a "+" between two questions, and numbered parts ("1) … 2) …").
    .split(/\?+\s*|\s+(?:also|plus)[,:]?\s+|\s+\+\s+|(?:^|\s)\(?\d[).]\s+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const parts = sentences
    .flatMap(coordinatedParts)
    .flatMap((sentence) => (actions ? coordinatedActions(sentence) : [sentence]))
    .flatMap((sentence) => sentence.split(JOINED))
    // "who accepts the invite, how long do they have": a comma parts two questions only when the first is one too.
    .flatMap((part) => (STARTS_AS_QUESTION.test(part.trim()) ? part.split(COMMA_JOINED) : [part]))
    .map((part) => part.trim())
    .filter((part) => part.split(' ').length >= 2);
  return parts.length >= 2 ? parts : [question];
}

// Which side asks: the customer says "our partner", "our tenant", "we got an invitation"; the partner says
// "the customer", "our techs", "we sell". Each cue counts once; the side with more cues asks.
const CUSTOMER_CUES: readonly RegExp[] = [
  /\b(our|my) (partners?|msp|csp|reseller|providers?|it provider|vendor)\b/,
  /\bfrom (a|the|our) (partner|msp|csp|reseller)\b/,
  /\bthe partner'?s? (wants?|asked|asks|sent|has|still|says|said|is|added|posted|changed)\b/,
  /\b(our|my) (tenant|directory|entra( id)?|azure ad|users?|environments?|business central|bc|company|org|organi[sz]ation|admin center|production|sandbox|subscriptions?)\b/,
  /\bwe (got|received|accepted|approved|removed|revoked|want the partner|do not want|don'?t want)\b/,
  /\b(partners?|msp|consultants?) (in|on|into|to|from|out of) our\b/,
  /\bcustomer side\b.*\b(we|our)\b|\bas (a |the )?customer\b/,
];
const PARTNER_CUES: readonly RegExp[] = [
  /\b(the|a|our|my|new|each|every|that|this) (customers?|clients?|cx)\b|\bcustomers?'s?\b(?! side)/,
  /\b(our|my) (team|techs?|technicians?|engineers?|consultants?|staff|agents?|people|helpdesk|support|tier ?\d|admin agents?|helpdesk agents?)\b/,
  /\bas (a |the )?(partner|delegated admin|csp|reseller)\b/,
  /\bwe (sell|resell|provisioned|created|invited?|send|sent|requested|need (another|more|an?) role)\b/,
  /\b(in|from|through) partner cent(er|re)\b/,
];

/** The side a question comes from, when its words say so; null when they do not, or say both. */
export function questionSide(question: string): AskerSide | null {
  const text = normalize(question);
  const customer = CUSTOMER_CUES.filter((cue) => cue.test(text)).length;
  const partner = PARTNER_CUES.filter((cue) => cue.test(text)).length;
  if (customer === partner) return null;
  return customer > partner ? 'customer' : 'partner';
}

// A message that asks for a piece of work (a draft, a translation, a summary, a review of one's own setup) is not a
// question the knowledge base answers, whatever words it shares with a fact ("draft an email to the customer").
const REQUEST_FOR_WORK =
  /^(?:(?:hey|hi|hello|ok|okay|so|please|pls)[,!]? +)*(?:(?:can|could|would|will) you (?:please |pls |quickly )?|please |pls )?(?:draft|write|translate|summari[sz]e|review|audit|assess|analy[sz]e|generate|compose|rewrite|reword|proofread)\b(?! (?:(?:me|us) )?(?:(?:down|out) )?(?:what|how|who|whom|why|when|where|which|whether|the (?:steps|process|difference))\b)/;

/** True when a message asks the helpdesk to do a piece of work rather than to answer a question. */
export function asksForWork(question: string): boolean {
  return REQUEST_FOR_WORK.test(normalize(question));
}

// What a partner's access reaches: "get into exchange", "access to BC only and not to exchange", "also open Exchange",
// "access to the customer's exchange", "can they still see our exchange mailboxes", "manage their exchange / users", "does it also cover their exchange", "a GDAP relationship for Defender", "our team in
// their SharePoint".
const ACCESS_REACHES =
  /\b(?:(?:(?:get|gets|getting|got|sign|signs|log|logs) (?:in|into|in to)|access (?:to|in|into)|not to|open|opens|reach|reaches|cover|covers)(?: (?:the customer's|customer's|their|the|our|your|its))?|(?:manage|manages|administer|administers|see|sees|read|reads|view|views|touch|touches) (?:the customer's|customer's|their|its|our|your)|\b(?:gdap|relationship|access|roles?)(?: [\w-]+){0,4} for(?: (?:a|an|the|their|our|its))?|\b(?:team|staff|techs|technicians|consultants|we|us) (?:only )?in (?:their|the customer's|its)) ((?:[\w-]+)(?: ?[/,&] ?[\w-]+)*)/g;

/**
 * The words a question names as what a partner's access reaches ("does the BC partner get into exchange?"): a workload
 * named so is the place the access is about, not a question about administering that workload itself.
 */
export function accessTargets(question: string): string[] {
  const text = normalize(question);
  return [...text.matchAll(ACCESS_REACHES)].flatMap((match) => (match[1] ?? '').split(/ ?[/,&] ?/).filter((word) => word.length > 0));
}

// The invitation (its e-mail, its link), and a mail app named as the place it is written, opened or sent from: "edit the invite
// in outlook", "sent it from my own outlook", "the link is gone in outlook".
const INVITATION_WORDS = /\b(invit\w*|reseller request)\b/;
const MAIL_APP =
  /\b(?:in|into|from|via|through|using|open(?:ed|s)?(?: it)?(?: in)?) (?:my |our |your |their |the |his |her )?(?:own )?(outlook|gmail)\b/g;

/**
 * The mail apps a question names as where the invitation's e-mail is written, opened or sent ("can i send the invite from
 * outlook"): the question is about the invitation, not about the mail app itself ("outlook keeps crashing" names no invitation).
 */
export function invitationMailApps(question: string): string[] {
  const text = normalize(question);
  if (!INVITATION_WORDS.test(text)) return [];
  return [...text.matchAll(MAIL_APP)].map((match) => match[1] ?? '').filter((word) => word.length > 0);
}
