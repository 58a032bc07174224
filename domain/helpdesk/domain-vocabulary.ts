/**
 * The domain vocabulary: abbreviations and synonyms people type, expanded to the words the
 * knowledge base uses, before the text is searched.
 */

interface VocabularyEntry {
  /** Matched on whole words of the lower-cased question. */
  readonly pattern: RegExp;
  /** Appended to the question, so the original words still count. */
  readonly expansion: string;
  /**
   * Searched instead of the words written: a workload role ("Exchange Administrator") is a role the
   * question is about, not the workload, so its workload word must not pull it towards a decoy topic.
   */
  readonly replace?: true;
  /**
   * Words of a step already done ("the request got approved, now…", "after the customer accepted"): they set the scene,
   * not the topic asked about, so they weigh less in the search (see CONTEXT_WEIGHT).
   */
  readonly context?: true;
  /** The entry applies only to a question that also matches this (see PARTNER_ACCESS). */
  readonly requires?: RegExp;
}

// Entra roles named after a workload; the roles the facts discuss by name (Global, Helpdesk, Billing,
// Business Central Administrator, Global Reader) keep their own entries and words.
const WORKLOADS =
  '(exchange( recipient)?|sharepoint|share point|teams|intune|cloud device|security|conditional access|' +
  'privileged (role|authentication)|authentication|password|application|cloud application|groups?|users?|licen[cs]e|power platform|' +
  'compliance|dynamics 365|service support|reports|message center)';
// "the Exchange admin center" is the workload's portal, not a role: the question is about reaching it.
const WORKLOAD_ROLE = new RegExp(`\\b${WORKLOADS} (admin|administrator|operator|reader)s?\\b(?! (center|centre|portal|console)\\b)`);
// A workload named beside a workload role shares its noun ("Exchange and (later also) Intune admin roles"), in a question
// about a partner's access; in one about a company's own staff the workload word still says which topic it is.
const COORDINATED_WORKLOAD_ROLE = new RegExp(
  `\\b${WORKLOADS}(?=(,| and| or| &|\\/)( \\w+){0,3} ${WORKLOADS} (admin|administrator|operator|reader)s?\\b)`,
);
/** A question about a partner's delegated access to a customer: some vocabulary applies only there. */
const PARTNER_ACCESS = /\b(gdap|granular|dap|delegated|relationships?|partners?|customers?|custs?|cx|clients?|msp|csp|reseller)\b/;

// Each pattern is written against lower-case text; \b keeps "ga" from matching inside "garage".
const VOCABULARY: readonly VocabularyEntry[] = [
  { pattern: WORKLOAD_ROLE, expansion: 'entra role', replace: true },
  // A workload's own admin center or portal, in a question about a partner's access, is a place the access reaches ("get to
  // a customer's Exchange admin portal from Partner Center"): an admin center, not the workload's administration.
  {
    pattern: new RegExp(`\\b${WORKLOADS} (admin|administration) (center|centre|portal|console)s?\\b`),
    expansion: 'admin center',
    replace: true,
    requires: PARTNER_ACCESS,
  },
  { pattern: COORDINATED_WORKLOAD_ROLE, expansion: 'entra role', replace: true, requires: PARTNER_ACCESS },
  { pattern: /\b(bc|d365 ?bc|dynamics 365 business central|busines+ cent(ral|er))\b/, expansion: 'business central' },
  { pattern: /\b(ga|global admins?|global adm|tenant admin|company admin(istrator)?)\b/, expansion: 'global administrator' },
  { pattern: /\b(gr|global readers?)\b/, expansion: 'global reader' },
  // Access short of Global admin ("instead of global admin", "without being GA", "something less than global admin"): what GDAP
  // is for, least privilege with only the roles the work needs.
  {
    pattern:
      /\b(instead of|without( being)?|rather than|other than|less than|short of|not|no|except|below) (the |a |being |full |making them |giving them )?(ga|global admins?|global administrators?)\b|\b(give|grant|offer)( \w+){0,2} less\b/,
    expansion: 'least privilege fewer roles',
  },

  { pattern: /\bgdap\b|\bgranular\b/, expansion: 'gdap granular delegated admin' },
  { pattern: /\bdap\b/, expansion: 'dap delegated administration privileges' },
  {
    pattern: /\b(delegated|deleg) ?(admins?|administrators?|users?)\b|\bpartner (admins?|users?|staff|consultants?)\b/,
    expansion: 'delegated admin',
  },
  // The license configurations' own names ("Delegated Helpdesk agent - Partner") name a configuration, not a role.
  { pattern: /\bdelegated (bc |business central )?(admin|helpdesk) agent ?-? ?partner\b/, expansion: 'license configuration' },
  { pattern: /\bjob ?queues?\b|\bjobqueue\b|\bscheduled (jobs?|tasks?)\b|\brecurring jobs?\b|\bbatch jobs?\b/, expansion: 'job queue' },
  { pattern: /\bweb ?-?hooks?\b/, expansion: 'web hook webhook' },
  { pattern: /\b(help ?-?desk|hd) ?(agents?|group)\b/, expansion: 'helpdesk agent helpdesk agents' },
  { pattern: /\b(help ?-?desk|hd) ?admin(istrator)?s?\b/, expansion: 'helpdesk administrator' },
  { pattern: /\badmin ?-?agents?\b/, expansion: 'admin agent admin agents' },
  { pattern: /\bsales ?-?agents?\b/, expansion: 'sales agent' },
  { pattern: /\bmca\b|\bcustomer agreement\b/, expansion: 'microsoft customer agreement' },
  { pattern: /\baobo\b|\bon behalf of\b/, expansion: 'aobo admin on behalf of' },
  { pattern: /\bcsp\b/, expansion: 'csp cloud solution provider' },
  { pattern: /\b(aad|azure ad|azure active directory|entra( id)?)\b/, expansion: 'entra azure ad' },
  { pattern: /\b(mfa|2fa|multi ?-?factor|two ?-?factor)\b/, expansion: 'mfa multi-factor conditional access' },
  { pattern: /\b(oem|oems)\b/, expansion: 'oem original equipment manufacturer' },
  { pattern: /\bisvs?\b/, expansion: 'isv independent software vendor' },
  { pattern: /\blob\b/, expansion: 'lob line of business' },
  { pattern: /\bmpsa\b/, expansion: 'mpsa products services agreement' },
  { pattern: /\bea\b/, expansion: 'enterprise agreement' },
  {
    pattern: /\b(m365|o365|office 365|microsoft 365) (admin )?(center|centre|portal)\b|\b(mac|admin portal)\b/,
    expansion: 'microsoft 365 admin center',
  },
  { pattern: /\bpartner cent(er|re)\b|\bpc portal\b/, expansion: 'partner center' },
  { pattern: /\b(m365|o365|ms365|office ?365)\b(?! (admin )?(center|centre|portal))/, expansion: 'microsoft 365' },
  { pattern: /\bauto ?-?pilot\b/, expansion: 'autopilot' },
  { pattern: /\bauto ?-?(extend|extension|renew(al)?)\b/, expansion: 'auto extend' },
  { pattern: /\btechs?\b/, expansion: 'technician' },
  { pattern: /\b(pw|pwd|passwd|passwords?)\b/, expansion: 'password' },
  { pattern: /\blicen[cs](e|es|ing)\b/, expansion: 'license' },
  { pattern: /\b(subs?|subscriptions?)\b/, expansion: 'subscription' },
  // Logging in is signing in, not the change log: "do they log into our office 365", "logs on to the customer's tenant".
  {
    pattern: /\b(log(s)? ?-?in(to| to)?|log(s)? on(to| to)?|logon|logg?(ing|ed) ?(in|into|on|onto))\b/,
    expansion: 'sign in',
    replace: true,
  },
  { pattern: /\b(sign(s|ed|ing)? ?-?in(to| to)?|signin)\b/, expansion: 'sign in' },
  // With which account: partner staff sign in with their own partner credentials, not an account in the customer tenant.
  {
    pattern:
      /\b(own|partner'?s?) (account(s)?|login(s)?|credential(s)?|user ?name(s)?)\b|\b(account(s)?|login(s)?|credential(s)?) of (their|his|her|its|our) own\b|\b(which|what) (login(s)?|credential(s)?)\b/,
    expansion: 'partner credentials',
  },
  { pattern: /\b(can'?t|cannot|can not|unable|not able|(not|\w+n'?t) allowed|blocked)\b/, expansion: 'cannot' },
  { pattern: /\b(one more|another|extra|additional|missing|more) roles?\b/, expansion: 'add role' },
  {
    pattern:
      /\b(not|never|wasn'?t|isn'?t|hasn'?t) (been )?(approved|accepted|answered)\b|\bno (answer|response|reply)\b|\bignor(e|ed|es|ing)\b|\bsitting (there|pending)\b|\bun(approved|answered|accepted|signed)\b/,
    expansion: 'never approved',
  },
  {
    pattern: /\bwho (it|this|that|he|she) (is|was)\b|\bwho is (behind|it|this|that)\b|\bknow who\b|\bidentify\b/,
    expansion: 'identify person behind',
  },
  { pattern: /\b(consume|use|uses|take|takes|need|needs|require|requires) (up )?(a |any )?licen[cs]es?\b/, expansion: 'need license seat' },
  {
    pattern: /\b(revoke|take away|take back|kick out|strip|pull|removal|yank|get rid of|rip out|nuke|boot out|drop(s|ped|ping)?)\b/,
    expansion: 'remove',
  },
  {
    pattern:
      /\bwhat (exactly |actually )?(do|does|will|would|did) (they|the partner|partners?|it|we|our partner|the msp|our msp) (actually |exactly )?get\b|\bwhat (are we|we are|am i) (agreeing|granting|giving)\b|\bgive the partner\b|\bbecome (a )?global admin\b/,
    expansion: 'what is granted',
  },
  { pattern: /\b(cx|custs?)\b/, expansion: 'customer' },
  // "PC" is Partner Center where it is a place staff work in ("from PC", "roles in PC"), not a computer ("cloud PCs").
  { pattern: /\b(in|from|via|through|thru|on|into) pc\b|\bpc (roles?|admin|portal|account|users?)\b/, expansion: 'partner center' },
  { pattern: /\bw\/(?=\s)/, expansion: 'with' },
  { pattern: /\b(msps?|managed service providers?|it providers?|it suppliers?|vendor)\b/, expansion: 'partner' },
  {
    pattern: /\b(move|moving|migrate|migrating|switch|switching) (the |our |their )?(customers?'? )?(subs|subscriptions?|licen[cs]es?)\b/,
    expansion: 'transfer subscriptions',
  },
  // Everyday verbs and nouns for the words the facts use.
  { pattern: /\bclients?\b/, expansion: 'customer' },
  {
    pattern:
      /\b(kick(s|ed|ing)? off|launch(es|ed|ing)?|trigger(s|ed|ing)?|(?<!\b(we|they|i|you|just|have|had) )fire[sd]?|firing|execut(e|es|ed|ing))\b/,
    expansion: 'start run',
  },
  { pattern: /\b(check|view|look up|display|show me)\b/, expansion: 'see' },
  // Ordering for a customer is purchasing for it.
  { pattern: /\b(plac(e|es|ed|ing)|put in|submit(s|ted)?) (an? |the |any )?orders?\b/, expansion: 'purchase' },
  // Running a customer's Business Central or tenant is administering it, not running a job in it.
  {
    pattern:
      /\b(run|running|runs) (their|our|the customer'?s|its|the|a|your) (bc|business central|tenant|environments?|m365|microsoft 365|dynamics)\b(?! (job|jobs|task|tasks|reports?|queues?|web ?hooks?|codeunits?)\b)/,
    expansion: 'administer manage',
    replace: true,
  },
  // Switching a relationship off is disabling it (the admin center's word), not switching off its auto-extend.
  {
    pattern:
      /\b(switch|turn|shut) off (the |our |their |a |all |those |these )?(gdap |partner )?(relationships?|gdaps?)\b|\b(switch|turn) (the |our |their )?(gdap |partner )?(relationships?|gdaps?) off\b/,
    expansion: 'disable terminate',
  },
  // One of the partner's people who left or should no longer get in: the customer disables that one delegated user.
  {
    pattern:
      /\b(left|quit|quits|resigned|leaves|leaving|fired|let go|no longer (works?|working|with them|with the partner|employed))\b|\b(just|only|one of) (him|her|them|that one|that person|this person|his|her)( access)?\b|\b(one|a|single) (specific|single|particular|individual|certain) (\w+ ){0,2}(techs?|technicians?|consultants?|users?|persons?|engineers?|guys?|admins?|employees?)\b/,
    expansion: 'disable one consultant',
    requires:
      /\b(partner'?s?|msp'?s?|csp'?s?|their) (\w+ ){0,2}(consultants?|techs?|technicians?|engineers?|employees?|guys?|people|staff|admins?|users?|person)\b|\b(consultants?|techs?|technicians?|engineers?|employees?|guys?|person|admins?|users?) (from|at|of|with) (the|our|a) (partner|msp|csp|reseller)\b/,
  },
  { pattern: /\b(kill|cancel|shut down|close down|terminat(e|es|ed|ing))\b/, expansion: 'terminate end' },
  { pattern: /\b(withdraw(s|n|ing)?|retract)\b/, expansion: 'remove' },
  // "ok" alone is filler ("ok customer approved, now what?"); giving the ok is approving.
  {
    pattern:
      /\b(sign(s|ed|ing)? off|agree(s|d)? to|consent(s|ed)? to|(give|gave|got|get) (us |them |the partner )?(the |an |their |our )?(okay|ok)|(our|their|your|its|the customer'?s) (okay|ok))\b/,
    expansion: 'approve accept',
  },
  {
    pattern:
      /(?<!(not|never|n't) )\b((got|was|were|been|is|are|already|just|now) (approved|accepted|signed off|active)|(they|customer|we|it|gdap|relationship|request|invite|invitation) (has |have |had )?(approved|accepted|signed off)|(clicked|hit|pressed|selected) (on )?(accept|approve))\b(?=[^,;.?!]*?([,;.!]| but | now | so | then ))|\b(after|once|since|now that) (\w+ ){0,3}(approved|accepted|signed off)\b/,
    expansion: 'after',
    context: true,
  },
  // "…, now what?": what comes after the step just named.
  {
    pattern:
      /\b(now what|what now|what next|what'?s next|what is next|next steps?|then what|what (do|should|must) (i|we) do (now|next|after that))\b/,
    expansion: 'next',
  },
  // Staff getting in, as opposed to the partner company getting access from the customer: an access assignment.
  {
    pattern:
      /\b(techs?|technicians?|engineers?|team|staff|people|agents|users|consultants|tier ?\d|members|colleagues)( [\w']+){0,2} (get|gets|getting) (in|into|access|the roles?|roles?|rights|permissions|it|them|that role|those roles)\b/,
    expansion: 'access assignment',
    requires: PARTNER_ACCESS,
  },
  // Staff who cannot open a customer's admin center or portal though the relationship is there: the roles have not reached
  // them through an access assignment ("the relationship includes Teams Administrator but I can't open the Teams admin center").
  {
    pattern:
      /\b(?:(?:can'?t|cannot|can not|unable to|not able to|fail(?:s|ed)? to) (?:open|get (?:in|into|to)|reach|access|sign (?:in|into|in to))|access denied (?:in|on|to|for|when opening|opening))(?: [\w']+){0,4}? (?:admin (?:center|centre|portal)|portal)\b/,
    expansion: 'access assignment',
    requires: PARTNER_ACCESS,
  },
  // A customer approves a GDAP request and accepts a reseller invitation: people use either word for both.
  { pattern: /\bapprov(e|es|ed|ing|al)\b/, expansion: 'accept' },
  { pattern: /\b(grant(s|ed|ing)?|hand(s|ed)? out|provid(e|es|ed|ing))\b/, expansion: 'give assign' },
  { pattern: /\b(cap|ceiling|quota)\b/, expansion: 'limit maximum' },
  // How many of the partner's people may work for a customer: a number, which is not limited.
  {
    pattern:
      /\bhow many (of (our|my|the partner'?s?|their) )?(\w+ )?(agents?|admins?|administrators?|users?|people|staff|techs?|technicians?|consultants?|engineers?|employees?|members?)\b(?! (does|do|did|can) (the )?(customer|we|i) (need|have to|must))/,
    expansion: 'limit number of users',
  },
  { pattern: /\b(history|audit(ing)?|trail|who changed what)\b/, expansion: 'change log' },
  // Asking what someone changed, or who changed something, asks for the record of changes.
  {
    pattern:
      /\b(see|know|find out|check|track|tell|show|record of|proof of|evidence of|log of|report of|list of) (what|who|everything|all) ([\w']+ ){0,5}(?<!\b(can|could|may|to|will|would) )(changed|did|do|does|modified|edited|touched)\b|\bwhich (\w+ ){0,2}(employee|user|person|consultant|technician|tech|admin) (changed|modified|edited)\b/,
    expansion: 'change log',
  },
  {
    pattern: /\b(shut|lock|keep|kick|kicks|kicked|kicking|boot|throw) (\w+ ){0,4}out\b|\bblock(s|ing)?\b|\bdeny access\b/,
    expansion: 'block restrict',
  },
  { pattern: /\b(renew(s|ed|al)?|prolong(s|ed)?|extend(s|ed)? itself)\b/, expansion: 'renew auto extend' },
  { pattern: /\b(entitled|permitted|authori[sz]ed) to\b/, expansion: 'allowed' },
  { pattern: /\b(longest|upper limit|max(imum)? (length|duration|time))\b/, expansion: 'maximum duration' },
  // A relationship's or contract's term is how long it runs ("the maximum term of the gdap relationship"), not ending it:
  // without this, "term" is read as the start of "terminate". "In gdap terms" and "terms of use" are other words.
  {
    pattern: /(?<!\bin (\w+ )?)\bterms?\b(?! of (use|service))/,
    expansion: 'duration',
    requires: /\b(gdap|dap|relationships?|access|partnership)\b/,
  },
  { pattern: /\b(ran out|run out|runs out|running out|lapsed?|dies|died|timed? out)\b/, expansion: 'expire' },
  {
    pattern:
      /\b(give|grant|giving|granting) (them |the partner )?less\b|\bless (access|rights|permissions|power)\b|\bfewer (roles|rights|permissions)\b/,
    expansion: 'least privilege',
  },
  {
    pattern:
      /\badd(ed|ing)?\b.{0,40}\bto (the|our|an?|that|this) (existing |current )?(gdap|relationship)\b|\b(gdap|relationship) (we|they) already have\b/,
    expansion: 'add role existing',
  },
  {
    pattern: /\b(when|while) we (do ?n'?t|do not) need them\b|\btemporar(y|ily)\b|\bnow and then\b|\bonly (sometimes|occasionally)\b/,
    expansion: 'temporarily restrict',
  },
  { pattern: /\b(trim|cut down|lower|shrink|tighten|scale back)\b/, expansion: 'reduce' },
  { pattern: /\b(look(ing)? after|take care of|taking care of)\b/, expansion: 'administer manage' },
  { pattern: /\bmix(ing|ed)? up\b|\bconfus\w*\b|\bwrong (customer|tenant|client)\b/, expansion: 'wrong customer' },
  {
    pattern:
      /\b(different|another|second|other|separate) (one|partner|csp|reseller|provider)\b|\b(two|several|multiple) (partners|csps|resellers|providers)\b/,
    expansion: 'multiple partners',
  },
  { pattern: /\bpartners? (page|list|tab|overview)\b|\blist of (our )?partners\b/, expansion: 'partner relationships page' },
  {
    pattern:
      /\b(there'?s|there is|theres) no\b|\bno (button|option)\b|\b(not there|not showing|isn'?t showing|doesn'?t show|greyed out|grayed out|don'?t see|dont see)\b/,
    expansion: 'missing not visible',
  },
  {
    pattern:
      /\b(cut ties|done with|part ways|break up|fire (the|our|this) partner|stop working with|get rid of (the|our|this) partner|(partner|msp|provider|vendor) (we|i) (just )?fired)\b/,
    expansion: 'end relationship',
  },
  { pattern: /\b(don'?t|do not|dont|doesn'?t|does not|not) want\b|\brefuse\b|\bdecline\b|\breject\b/, expansion: 'decline' },
  {
    pattern: /\b(partner|relationship) (types?|kinds?|categories)\b|\b(types?|kinds?|sorts?) of (partners?|relationships?)\b/,
    expansion: 'partner types',
  },
  { pattern: /\b(accountant|bookkeep(ing|er)|accounting)\b/, expansion: 'external accountant' },
  // A partner's people doing a customer's closing or books is accounting work ("can the consultant do our monthly
  // closing", "take over their month-end closing"), not using Business Central: it needs the External Accountant licence.
  {
    pattern:
      /\b(do|does|doing|take over|takes over|taking over|handle|handles|handling|run|runs|perform|performs|prepare|prepares|help with)( \w+){0,2}? (our|their|the|its|the customer'?s) (month-?end |monthly |year-?end |yearly |annual |quarterly |period )?(clos(e|es|ing)|books|bookkeeping|tax returns?|vat returns?)\b/,
    expansion: 'accounting services external accountant',
    requires: PARTNER_ACCESS,
  },
  { pattern: /\b(support tickets?|support cases?|tickets?)\b/, expansion: 'service request' },
  { pattern: /\b(user_|user_\w+|pseudonym)\b/, expansion: 'USER_ pseudonym delegated user' },
];

/** Every word the vocabulary's patterns know ("kill", "yank", "revoke"…): the spelling step leaves them as they are. */
export const VOCABULARY_WORDS: readonly string[] = [
  ...new Set(
    [WORKLOAD_ROLE, COORDINATED_WORKLOAD_ROLE, ...VOCABULARY.map((entry) => entry.pattern)].flatMap(
      (pattern) => pattern.source.match(/[a-z]{3,}/g) ?? [],
    ),
  ),
];

function normalize(question: string): string {
  return question.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
}

/**
 * A question after expansion. `concepts` groups the words that stand for one idea: an
 * abbreviation with its expansion ("bc", "business", "central") is one concept, every other word
 * is its own. Confidence counts concepts, so an expansion of three words weighs as one.
 */
export interface ExpandedQuestion {
  readonly text: string;
  readonly concepts: readonly Concept[];
}

/** One idea of the question: the words the asker wrote, and the words the vocabulary added. */
export interface Concept {
  readonly written: readonly string[];
  readonly added: readonly string[];
  /** True when the idea sets the scene (a step already done) rather than says what is asked. */
  readonly context?: boolean;
}

const WORD_SPLIT = /[^\p{L}\p{N}_]+/u;

function wordsOf(text: string): string[] {
  return text.split(WORD_SPLIT).filter((word) => word !== '');
}

/**
 * Appends the domain's words for every abbreviation or synonym found in the question.
 * Words already present are not repeated: a repeated query term would count twice in the score.
 */
export function expandQuestion(question: string): ExpandedQuestion {
  const text = normalize(question);
  const seen = new Set(wordsOf(text));
  let rest = text;
  let searched = text;
  const concepts: { start: number; end: number; written: string[]; added: string[]; context: boolean }[] = [];
  const additions: string[] = [];
  for (const entry of VOCABULARY) {
    if (entry.requires !== undefined && !entry.requires.test(text)) continue;
    // A replaced entry (a workload role) may occur twice: "Exchange Administrator … SharePoint Administrator".
    const matches =
      entry.replace === true
        ? [...text.matchAll(new RegExp(entry.pattern.source, 'g'))]
        : [entry.pattern.exec(text)].filter((found): found is RegExpExecArray => found !== null);
    for (const match of matches) {
      const expansion = wordsOf(entry.expansion);
      if (entry.replace === true) {
        searched = searched.replace(match[0], ' ');
        // A word replaced away is no longer in the question: its expansion may bring it back ("admin center").
        const left = new Set(wordsOf(searched));
        for (const word of wordsOf(match[0])) if (!left.has(word)) seen.delete(word);
      }
      additions.push(...expansion.filter((word) => !seen.has(word) && seen.add(word)));
      const start = match.index;
      const end = start + match[0].length;
      // Two entries may match overlapping text ("consume a license", "license"): one idea, one concept.
      const overlapping = concepts.find((concept) => concept.start < end && start < concept.end);
      if (overlapping === undefined) {
        concepts.push({ start, end, written: wordsOf(match[0]), added: expansion, context: entry.context === true });
      } else {
        overlapping.written.push(...wordsOf(match[0]).filter((word) => !overlapping.written.includes(word)));
        overlapping.added.push(...expansion);
        overlapping.start = Math.min(overlapping.start, start);
        overlapping.end = Math.max(overlapping.end, end);
        overlapping.context ||= entry.context === true;
      }
      rest = rest.replace(match[0], ' ');
    }
  }
  const single: Concept[] = wordsOf(rest).map((word) => ({ written: [word], added: [] }));
  return {
    text: additions.length === 0 ? searched : `${searched} ${additions.join(' ')}`,
    concepts: [...concepts.map(({ written, added, context }) => ({ written, added, ...(context ? { context } : {}) })), ...single],
  };
}

/** The question with the domain's words appended (see expandQuestion). */
export function expandQuery(question: string): string {
  return expandQuestion(question).text;
}
