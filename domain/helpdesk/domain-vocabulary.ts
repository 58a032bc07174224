/**
 * The domain vocabulary: abbreviations and synonyms people type, expanded to the words the
 * knowledge base uses, before the text is searched. Also the topics the sources do not cover.
 */

interface VocabularyEntry {
  /** Matched on whole words of the lower-cased question. */
  readonly pattern: RegExp;
  /** Appended to the question, so the original words still count. */
  readonly expansion: string;
}

// Each pattern is written against lower-case text; \b keeps "ga" from matching inside "garage".
const VOCABULARY: readonly VocabularyEntry[] = [
  { pattern: /\b(bc|d365 ?bc|dynamics 365 business central|busines+ cent(ral|er))\b/, expansion: 'business central' },
  { pattern: /\b(ga|global admins?|global adm|tenant admin|company admin(istrator)?)\b/, expansion: 'global administrator' },
  { pattern: /\b(gr|global readers?)\b/, expansion: 'global reader' },
  { pattern: /\bgdap\b|\bgranular\b/, expansion: 'gdap granular delegated admin' },
  { pattern: /\bdap\b/, expansion: 'dap delegated administration privileges' },
  { pattern: /\b(delegated|deleg) ?(admins?|administrators?|users?)\b|\bpartner (admins?|users?|staff|consultants?)\b/, expansion: 'delegated admin' },
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
  { pattern: /\b(m365|o365|office 365|microsoft 365) (admin )?(center|centre|portal)\b|\b(mac|admin portal)\b/, expansion: 'microsoft 365 admin center' },
  { pattern: /\bpartner cent(er|re)\b|\bpc portal\b/, expansion: 'partner center' },
  { pattern: /\bauto ?-?pilot\b/, expansion: 'autopilot' },
  { pattern: /\bauto ?-?(extend|extension|renew(al)?)\b/, expansion: 'auto extend' },
  { pattern: /\b(pw|pwd|passwd|passwords?)\b/, expansion: 'password' },
  { pattern: /\blicen[cs](e|es|ing)\b/, expansion: 'license' },
  { pattern: /\b(subs?|subscriptions?)\b/, expansion: 'subscription' },
  { pattern: /\b(log ?-?in|sign ?-?in|signin|log on|logon)\b/, expansion: 'sign in' },
  { pattern: /\b(can'?t|cannot|can not|unable|not able|(not|\w+n'?t) allowed|blocked)\b/, expansion: 'cannot' },
  { pattern: /\b(revoke|take away|kick out|strip|pull|removal)\b/, expansion: 'remove' },
  { pattern: /\b(accountant|bookkeep(ing|er)|accounting)\b/, expansion: 'external accountant' },
  { pattern: /\b(support tickets?|support cases?|tickets?)\b/, expansion: 'service request' },
  { pattern: /\b(user_|user_\w+|pseudonym)\b/, expansion: 'USER_ pseudonym delegated user' },
];

/**
 * Topics the sources do not cover although they share words with facts that they do: a price
 * question about Business Central licenses looks, word for word, like the license facts, so the
 * search score alone cannot tell them apart. Questions that name one of these are refused.
 */
const OUT_OF_SCOPE: readonly RegExp[] = [
  /\b(price|prices|pricing|cost|costs|how much|cheap|expensive|discount|margin|quote)\b/,
  /\bintune\b.*\b(polic(y|ies)|compliance|configuration profile)\b|\b(compliance|configuration) polic(y|ies)\b/,
  /\bexchange\b|\bmailbox(es)?\b|\bmail flow\b|\bshared mailbox\b|\bdistribution list\b/,
  /\bsharepoint\b|\bonedrive\b|\bteams (phone|calling|meeting)\b|\bcalling plan\b/,
  /\b(install|upgrade|update) (windows|office)\b|\bprinter\b|\bvpn\b/,
];

function normalize(question: string): string {
  return question.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
}

/**
 * Appends the domain's words for every abbreviation or synonym found in the question.
 * Words already present are not repeated: a repeated query term would count twice in the score.
 */
export function expandQuery(question: string): string {
  const text = normalize(question);
  const seen = new Set(text.split(/[^\p{L}\p{N}_]+/u));
  const additions = VOCABULARY.filter((entry) => entry.pattern.test(text))
    .flatMap((entry) => entry.expansion.split(' '))
    .filter((word) => !seen.has(word) && seen.add(word));
  return additions.length === 0 ? text : `${text} ${additions.join(' ')}`;
}

/** True when the question is about a topic the knowledge base deliberately does not cover. */
export function isOutOfScopeTopic(question: string): boolean {
  const text = normalize(question);
  return OUT_OF_SCOPE.some((pattern) => pattern.test(text));
}
