/**
 * The fresh batch of tuning questions (fresh-batch.json), written from the source documents only,
 * before its writer read the knowledge base, the tuning set or the helpdesk code. Each case is
 * labelled here by its topic, against the knowledge base, after the questions were committed:
 * the expected fact ids, each slot listing the facts that answer it equally well (a question
 * that is honestly ambiguous between two facts accepts either), or null for a near miss to decline.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { answerQuestion } from '#domain/helpdesk/answer-question.ts';
import { askerOfPersona } from './heldout.ts';
import type { MeaningOf } from './meanings.ts';

const FRESH_FILE = new URL('./fresh-batch.json', import.meta.url);

const FreshQuestion = z.object({
  question: z.string().min(1),
  side: z.enum(['partner', 'customer']),
  topic: z.string().min(1),
  inScope: z.boolean(),
});
const FreshFile = z.object({ about: z.string(), cases: z.array(FreshQuestion) });

/** One slot of an answer: the fact ids that answer it (any one of them is right). */
export type Slot = readonly string[];

export interface FreshCase {
  readonly question: string;
  readonly side: 'partner' | 'customer';
  readonly topic: string;
  /** One slot (the first fact given must be one of its ids), two for a two-part question, or null to decline. */
  readonly expected: readonly Slot[] | null;
}

/** The fact(s) a topic's questions expect, by the writer's topic label. */
const BY_TOPIC: Readonly<Record<string, Slot>> = {
  'who-requests-reseller': ['reseller-request-who'],
  'reseller-invite-steps': ['reseller-request-steps'],
  'keep-link': ['reseller-invitation-link'],
  'who-accepts-reseller': ['relationship-accept-who'],
  'dap-checkbox': ['dap-checkbox'],
  'after-accept': ['reseller-after-acceptance'],
  'administer-steps': ['administer-customer-services', 'reseller-after-acceptance'],
  'service-request-after-removal': ['remove-roles-service-requests'],
  'azure-existing': ['azure-existing-subscriptions'],
  'azure-new-owner': ['azure-new-subscription-owner'],
  'azure-after-removal': ['remove-roles-azure-owner'],
  'see-partners': ['view-partner-relationships'],
  'remove-roles-steps': ['remove-roles-steps'],
  'remove-roles-keeps': ['remove-roles-keeps-reseller'],
  'entra-no-partners': ['view-partner-relationships', 'partner-roles-not-in-entra-tools'],
  'dap-groups-roles': ['dap-group-role-mapping'],
  'after-removal-lose': ['remove-roles-effects'],
  'subscription-after-removal': ['remove-roles-effects', 'remove-roles-keeps-reseller'],
  'autopilot-reseller': ['autopilot-without-dap'],
  'autopilot-customer-devices': ['autopilot-without-dap', 'autopilot-customer-devices'],
  'autopilot-change': ['autopilot-changes'],
  'reseller-vs-gdap': ['reseller-vs-gdap'],
  'who-accepts-gdap': ['gdap-approval-link', 'relationship-accept-who'],
  'assign-groups': ['gdap-security-groups'],
  'bc-role': ['bc-least-privileged-role'],
  'url-tip': ['bc-sign-in-url'],
  'bc-user-created': ['bc-delegated-user-created'],
  'bc-user-id': ['bc-find-person-behind-user'],
  'license-config': ['bc-license-configurations'],
  'perm-change': ['bc-change-default-permissions'],
  'track-names': ['bc-partner-track-user-names'],
  'job-queue': ['bc-job-queue-scheduled'],
  'run-once': ['bc-job-queue-run-once'],
  webhooks: ['bc-web-hooks'],
  'external-accountant': ['bc-external-accountant-guide'],
  'accounting-services': ['bc-accounting-services'],
  'multi-partner': ['bc-several-partners'],
  'partner-access-settings': ['bc-environment-partner-access'],
  'mfa-ca': ['bc-conditional-access'],
  'limit-access': ['bc-limit-partner-access'],
  'short-lived': ['bc-limit-partner-access', 'gdap-temporary-access', 'gdap-duration', 'gdap-auto-extend'],
  'disable-gdap': ['gdap-terminate', 'ending-relationship'],
  cleanup: ['bc-cleanup-after-partner'],
  'partner-types': ['partner-types-list'],
  advisor: ['partner-type-advisor'],
  lob: ['partner-type-lob'],
  mpsa: ['partner-type-mpsa'],
  oem: ['partner-type-oem'],
  isv: ['partner-type-isv'],
  indirect: ['partner-type-reseller'],
  'partner-type-account': ['partner-type-partner-account'],
  'partner-with-gdap': ['partner-type-gdap'],
  'legacy-dap-type': ['partner-types-older-names'],
  'find-partner': ['find-a-partner'],
  'accept-invite': ['reseller-accept-steps'],
  'mca-required': ['mca-required'],
  'mca-steps': ['mca-accept-steps'],
  'who-mca': ['mca-who-accepts'],
  'decline-roles': ['decline-admin-roles'],
  'gdap-customizable': ['gdap-what-it-grants', 'decline-admin-roles'],
  'no-remove-option': ['remove-roles-option-missing'],
  'aobo-pages': ['aobo-billing-pages'],
  'domain-subs': ['aobo-domain-subscriptions'],
  'admin-vs-helpdesk-bc': ['bc-admin-vs-helpdesk-agent'],
  'no-license': ['partner-users-no-license'],
  'delegated-admin-def': ['delegated-administration-meaning'],
  'partner-center-perms': ['partner-center-roles'],
  'reseller-roles': ['partner-center-roles', 'admin-agent-vs-helpdesk-agent'],
  'gdap-def': ['gdap-meaning'],
  'gdap-duration': ['gdap-duration'],
  'gdap-expiry-request': ['gdap-request-expiry'],
  'auto-extend': ['gdap-auto-extend'],
  'add-roles': ['gdap-add-roles'],
  'change-after': ['gdap-what-can-change', 'gdap-add-roles'],
  'gdap-statuses': ['gdap-statuses'],
  'delete-terminate': ['gdap-delete-vs-terminate'],
  'approval-link': ['gdap-approval-link'],
  'assignment-active': ['gdap-security-groups'],
  ea: ['gdap-enterprise-agreement'],
  'dap-retiring': ['dap-retirement'],
  'no-reject': ['gdap-request-expiry'],
  'who-sees-list': ['view-partner-relationships-who'],
  'link-format': ['reseller-invitation-link'],
  'display-name': ['gdap-relationship-name'],
  'partner-center-use': ['partner-center-purpose'],
  'what-grants': ['gdap-what-it-grants', 'dap-group-role-mapping'],
};

/** Questions whose answer is not their topic's usual fact (the label is the question's, not the topic's). */
const BY_QUESTION: Readonly<Record<string, readonly Slot[]>> = {
  "what is left after removing a partner's admin roles?": [['remove-roles-effects', 'remove-roles-keeps-reseller']],
  'we want to stop working with a partner completely, how do we end the relationship': [['ending-relationship']],
  'how do i end the relationship entirely, not just the roles': [['ending-relationship']],
  'what is left after removing roles as far as azure is concerned': [['remove-roles-azure-owner']],
  'what does accepting DAP give the partner exactly': [['dap-group-role-mapping', 'gdap-what-it-grants']],
  'why is there a weird user in our business central that we never created': [['bc-delegated-user-names', 'bc-delegated-user-created']],
  'are delegated admins visible in our entra user list?': [['bc-delegated-not-in-entra']],
  "can we manage the partner's admin users in our own directory": [['bc-delegated-not-in-entra']],
  'who is USER_1A2B3C4D5E6F in our change log': [['bc-find-person-behind-user', 'bc-delegated-user-names']],
  "the email of the delegated user doesn't work, why": [['bc-delegated-user-email']],
  'why does my name show as USER_ something in the customers BC': [['bc-delegated-user-names']],
  "what are these USER_ accounts with the partner's domain": [['bc-delegated-user-names']],
  'can i take permissions away from a partner user in BC': [['bc-change-default-permissions', 'bc-strip-license-configuration']],
  "what can't a delegated admin do in business central": [['bc-delegated-admin-limitations']],
  'limitations of delegated admins in bc?': [['bc-delegated-admin-limitations']],
  'how do we add our external accountant to business central': [['bc-external-accountant-guide', 'bc-accounting-services']],
  'we have several BC environments each with a different partner, how does that work': [
    ['bc-environment-partner-access', 'bc-several-partners'],
  ],
  'how do i disable one delegated admin user in business central': [['bc-disable-delegated-user']],
  "can i reject a partner's request": [['decline-admin-roles', 'gdap-request-expiry']],
  'admin agent vs helpdesk agent?': [['admin-agent-vs-helpdesk-agent', 'bc-admin-vs-helpdesk-agent']],
  'is there a limit on how many of our people can access a customer': [['partner-users-unlimited']],
  'why should we use gdap instead of dap': [['gdap-meaning', 'dap-retirement', 'gdap-what-it-grants', 'dap-vs-gdap']],
  'can i remove global admin from an active relationship': [['gdap-remove-global-admin']],
  'my relationship says expiring, what now': [['gdap-statuses', 'gdap-auto-extend', 'gdap-duration']],
  'who can terminate a gdap relationship': [['gdap-terminate']],
  'should new invites include DAP': [['dap-retirement', 'dap-checkbox']],
  'who can accept the MCA and how do i do it': [['mca-who-accepts'], ['mca-accept-steps']],
  'who can request a reseller relationship and how do i send it': [['reseller-request-who'], ['reseller-request-steps']],
  'how do i remove partner roles and what do they keep afterwards': [
    ['remove-roles-steps'],
    ['remove-roles-effects', 'remove-roles-keeps-reseller'],
  ],
  'what does a delegated admin get in BC by default and can the customer change it': [
    ['bc-license-configurations'],
    ['bc-change-default-permissions'],
  ],
  'how do i see my partners and remove one of them': [['view-partner-relationships'], ['remove-roles-steps']],
  'how do i remoev partnr roles': [['remove-roles-steps']],
  'wher can i see my partnrs': [['view-partner-relationships']],
  'hwo do i invte a custmer': [['reseller-request-steps']],
  'acept the mcsa agrement': [['mca-accept-steps']],
  'gdpa max duraton?': [['gdap-duration']],
  'cx wants to revoke our GA, can they?': [
    ['remove-roles-steps', 'gdap-terminate', 'remove-roles-keeps-reseller', 'gdap-remove-global-admin'],
  ],
  'partner still has GA on our tenant, how do we nuke it': [['remove-roles-steps']],
  'can HD agents get into BC too': [['bc-admin-vs-helpdesk-agent']],
  'DAP vs GDAP tl;dr': [['gdap-meaning', 'gdap-what-it-grants', 'dap-retirement', 'delegated-administration-meaning', 'dap-vs-gdap']],
  'our MSP wants global admin, do we have to give it': [['decline-admin-roles', 'gdap-what-it-grants', 'bc-least-privileged-role']],
};

function expectedOf(question: string, topic: string, inScope: boolean): readonly Slot[] | null {
  if (!inScope) return null;
  const own = BY_QUESTION[question];
  if (own !== undefined) return own;
  const slot = BY_TOPIC[topic];
  if (slot === undefined) throw new Error(`fresh-set: no label for topic ${topic} ("${question}")`);
  return [slot];
}

export function loadFreshSet(): readonly FreshCase[] {
  const { cases } = FreshFile.parse(JSON.parse(readFileSync(FRESH_FILE, 'utf8')));
  const asked = new Set(cases.map((fresh) => fresh.question));
  const stray = Object.keys(BY_QUESTION).filter((question) => !asked.has(question));
  if (stray.length > 0) throw new Error(`fresh-set: labels for questions not in the batch: ${stray.join(' | ')}`);
  return cases.map(({ question, side, topic, inScope }) => ({ question, side, topic, expected: expectedOf(question, topic, inScope) }));
}

export interface FreshMiss {
  readonly question: string;
  readonly expected: readonly Slot[] | null;
  /** The fact ids given (joined with " + "), or null when the bot declined. */
  readonly got: string | null;
}

export interface FreshReport {
  readonly inScope: number;
  readonly inScopeRight: number;
  readonly outOfScope: number;
  readonly outOfScopeDeclined: number;
  readonly misses: readonly FreshMiss[];
}

/**
 * Judges the fresh batch: one slot, the first fact given is one of its ids (a second fact composed
 * for a two-part reading may follow); two slots, both facts given in order; null, declined.
 */
export function evaluateFresh(cases: readonly FreshCase[] = loadFreshSet(), meaningOf: MeaningOf = () => undefined): FreshReport {
  const misses: FreshMiss[] = [];
  let inScope = 0;
  let inScopeRight = 0;
  let outOfScope = 0;
  let outOfScopeDeclined = 0;
  for (const { question, side, expected } of cases) {
    const answer = answerQuestion(question, askerOfPersona(side), meaningOf(question));
    const ids = answer.kind === 'fact' ? answer.facts.map((fact) => fact.id) : null;
    const right =
      expected === null
        ? ids === null
        : ids !== null &&
          (expected.length === 1 ? (expected[0] ?? []).includes(ids[0] ?? '') : expected.every((slot, i) => slot.includes(ids[i] ?? '')));
    if (expected === null) {
      outOfScope += 1;
      if (right) outOfScopeDeclined += 1;
    } else {
      inScope += 1;
      if (right) inScopeRight += 1;
    }
    if (!right) misses.push({ question, expected, got: ids === null ? null : ids.join(' + ') });
  }
  return { inScope, inScopeRight, outOfScope, outOfScopeDeclined, misses };
}
