import { describe, expect, it } from 'vitest';
import { isOnlyDetails } from '#domain/understanding/details.ts';
import { mergeFollowUp, type Details, type TaskIntent, type Understanding } from '#domain/understanding/intents.ts';
import { leavesFlow } from '#domain/understanding/route.ts';
import { SCHEMA_NAMES } from '#eval/nlu/nlu-eval.ts';

function understanding(intent: Understanding['intent'], certainty: Understanding['certainty'], followUp = false): Understanding {
  return { intent, confidence: 0.9, certainty, details: {}, alternatives: [], closestTasks: [], corrected: '', spelled: '', followUp };
}

describe('leaving a flow that waits for an answer', () => {
  it.each<{ case: string; u: Understanding; inHand: TaskIntent; onlyDetails: boolean; leaves: boolean }>([
    { case: 'another task, sure', u: understanding('myCustomers', 'sure'), inHand: 'requestGdap', onlyDetails: false, leaves: true },
    { case: 'a question, sure', u: understanding('question', 'sure'), inHand: 'requestGdap', onlyDetails: false, leaves: true },
    { case: 'the menu, sure', u: understanding('help', 'sure'), inHand: 'inviteCustomer', onlyDetails: false, leaves: true },
    { case: 'another task, unsure', u: understanding('myCustomers', 'unsure'), inHand: 'requestGdap', onlyDetails: false, leaves: false },
    { case: 'a question, unsure', u: understanding('question', 'unsure'), inHand: 'requestGdap', onlyDetails: false, leaves: false },
    { case: 'the same task', u: understanding('requestGdap', 'sure'), inHand: 'requestGdap', onlyDetails: false, leaves: false },
    { case: 'only details', u: understanding('inviteCustomer', 'sure'), inHand: 'requestGdap', onlyDetails: true, leaves: false },
    { case: 'a follow-up', u: understanding('inviteCustomer', 'sure', true), inHand: 'requestGdap', onlyDetails: false, leaves: false },
    { case: 'small talk', u: understanding('chitchat', 'sure'), inHand: 'requestGdap', onlyDetails: false, leaves: false },
  ])('$case → leaves: $leaves', ({ u, inHand, onlyDetails, leaves }) => {
    expect(leavesFlow(u, inHand, onlyDetails)).toBe(leaves);
  });

  it.each<[string, 'partner' | 'customer', boolean]>([
    ['fabrikam', 'partner', true],
    ['northwindtraders.com', 'partner', true],
    ['helpdesk admin and password admin, please', 'partner', true],
    ['Contoso BC support', 'partner', true],
    ['6 months, no auto-extend', 'partner', true],
    ['the tier 1 group', 'partner', true],
    ['woodgrove', 'customer', true],
    ['show me my customers', 'partner', false],
    ['how long can gdap last?', 'partner', false],
    ['invite fabrikam instead', 'partner', false],
    ['which partners do we have', 'customer', false],
  ])('"%s" (%s) is only details: %s', (text, side, only) => {
    expect(isOnlyDetails(text, side, SCHEMA_NAMES)).toBe(only);
  });
});

describe('a follow-up changes the task in hand', () => {
  it.each<{ intent: TaskIntent; current: Details; change: Details; merged: Details }>([
    {
      intent: 'assignGroups',
      current: { relationship: 'Contoso BC support', customer: 'Contoso', group: 'Tier 1 Support', roles: ['Helpdesk Administrator'] },
      change: { customer: 'Fabrikam' },
      merged: { customer: 'Fabrikam', group: 'Tier 1 Support', roles: ['Helpdesk Administrator'] },
    },
    {
      intent: 'assignGroups',
      current: { relationship: 'Contoso BC support', customer: 'Contoso', group: 'Tier 1 Support' },
      change: { group: 'HelpdeskAgents' },
      merged: { relationship: 'Contoso BC support', customer: 'Contoso', group: 'HelpdeskAgents' },
    },
    {
      intent: 'manageRelationship',
      current: { relationship: 'Contoso BC support', customer: 'Contoso', autoExtend: false },
      change: { relationship: 'Northwind security' },
      merged: { relationship: 'Northwind security', autoExtend: false },
    },
    {
      // A GDAP request's relationship is the new name: it stays for another customer.
      intent: 'requestGdap',
      current: { customer: 'Contoso', relationship: 'BC support', roleSet: 'business-central-support' },
      change: { customer: 'Fabrikam' },
      merged: { customer: 'Fabrikam', relationship: 'BC support', roleSet: 'business-central-support' },
    },
  ])('$intent: $change', ({ intent, current, change, merged }) => {
    expect(mergeFollowUp(intent, current, change)).toEqual(merged);
  });
});
