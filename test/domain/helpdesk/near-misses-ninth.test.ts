/**
 * Our own questions (never the evaluation sets'), ninth session, first declines piece: neighbouring topics the facts do not
 * cover, asked with the knowledge base's words beside them (GDAP, partner, tenant, Business Central, licences), must be
 * declined as what they are about: Business Central on-premises, merging tenants and moving domains, Azure custom roles,
 * moving an environment to another region, guest and emergency accounts, what is cheaper, markups and bonuses, support
 * around the clock, group-based licensing, resetting a user's MFA. A question only a little nearer in meaning to a topic
 * than to any fact is declined too, unless its words clearly name one fact. In-scope questions that name the same
 * workloads or write the invitation in Outlook are still answered. Each answered as the bot answers it.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '#domain/helpdesk/answer-question.ts';
import { DECOY_TOPICS } from '#domain/helpdesk/decoy-topics.ts';
import { askerOfPersona } from '#eval/helpdesk/heldout.ts';
import { encodedMeanings } from '#eval/helpdesk/meanings.ts';
import { answersAsTheBot } from '#test/support/helpdesk-asking.ts';

/** Who asks, what, and the near-miss topic the decline must name. */
const DECLINED_AS: readonly (readonly [persona: string, question: string, topic: string])[] = [
  ['partner-helpdesk', 'we run business central on-premises for one customer, does gdap cover that server too', 'bc-on-premises'],
  ['customer-global', 'how do we bring in a new licence file for our on-prem business central', 'bc-on-premises'],
  ['partner-sales', 'can a csp partner sell perpetual business central licences', 'bc-on-premises'],
  // Dynamics NAV by its versions: "nav" on its own is also chat for "navigate" (below).
  ['customer-global', 'our partner looks after nav 2016 for us, does gdap cover it', 'bc-on-premises'],
  ['customer-global', "after the merger we need to fold the other company's tenant into ours, how", 'tenant-setup'],
  ['partner-helpdesk', 'how do we shift a verified domain over to a different customer tenant', 'tenant-setup'],
  ['partner-admin', 'our customer was bought by a competitor, how do we combine the two tenants after the acquisition', 'tenant-setup'],
  ['partner-admin', "can we make a custom role in azure for our engineers on the customer's subscriptions", 'azure-how-to'],
  ['customer-global', 'the partner wants to move our business central to a different region, how is that done', 'bc-environments'],
  ['partner-helpdesk', 'how do we clean up guest accounts that have not signed in for a year', 'identity-governance'],
  ['customer-global', 'we need an emergency access account in case mfa breaks, how do we set it up', 'identity-governance'],
  ['customer-billing', 'would licences be cheaper if we bought them straight from microsoft', 'pricing'],
  ['partner-sales', 'what markup can we put on top of csp prices', 'pricing'],
  ['partner-admin', 'is there a bonus from microsoft for every customer we move to gdap', 'payouts'],
  ['customer-global', 'is our partner obliged to answer support calls at night and on weekends', 'support-plans'],
  ['partner-helpdesk', "does advanced support for partners cover our customers' business central cases", 'support-plans'],
  ['customer-global', 'how do we hand out licences through group based licensing instead of one by one', 'subscriptions'],
  ['partner-helpdesk', 'a customer user got a new phone, can we reset mfa for them with our gdap roles', 'user-mfa'],
];

describe('near misses are declined as the topic they are about', async () => {
  const meaningOf = await encodedMeanings(DECLINED_AS.map(([, question]) => question));
  it.each(DECLINED_AS)('%s: %s → declined as %s', (persona, question, topic) => {
    const answer = answerQuestion(question, askerOfPersona(persona), meaningOf(question));
    const about = DECOY_TOPICS.find((decoy) => decoy.id === topic)?.about;
    expect(about).toBeDefined();
    expect(answer.kind === 'declined' ? answer.about : answer.kind).toBe(about);
  });
});

answersAsTheBot('in-scope questions naming the same workloads, or Outlook as where the invitation is written, are answered', [
  ['partner-sales', 'can i edit the reseller invitation in outlook before sending it', ['reseller-invitation-link']],
  ['partner-sales', 'the customer thinks our invitation e-mail is spam, can i remove the link', ['reseller-invitation-link']],
  ['customer-global', "can we require the partner's admins to use mfa", ['bc-conditional-access']],
  ['customer-billing', "can we drop the partner's admin roles and keep them as our reseller", ['remove-roles-keeps-reseller']],
  [
    'partner-admin',
    'which azure role does a partner get on a new subscription it creates for a customer',
    ['azure-new-subscription-owner'],
  ],
  ['customer-global', 'can the partner see our business central environments in the admin center', ['bc-environment-partner-access']],
  // "nav" as chat for "navigate" is not Dynamics NAV.
  ['customer-global', 'how do i nav to the partner relationships page in the admin center', ['view-partner-relationships']],
]);
