import { describe, expect, it } from 'vitest';
import type { CampaignInvitationsSummary } from '#domain/use-cases/campaign-invitations.ts';
import { campaignUndeliveredText } from '#presenters/partner/campaign.presenter.ts';

const customers = (n: number, reachedSome = false) =>
  Array.from({ length: n }, (_, i) => ({ customerTenantId: `t-${i}`, customerName: `Customer ${i + 1}`, reachedSome }));

const summary = (undelivered: CampaignInvitationsSummary['undelivered'], invitations: number): CampaignInvitationsSummary => ({
  campaignId: 'c-1',
  campaignName: 'Tier 1 for 300 customers',
  invitations,
  round: 1,
  undelivered,
});

describe("the notice of a campaign's undelivered invitations", () => {
  it.each([
    [
      'one of one',
      summary(customers(1), 1),
      '1 of 1 invitation of the campaign "Tier 1 for 300 customers" could not be delivered in Teams: Customer 1. ',
    ],
    [
      'five named, the rest counted',
      summary(customers(300), 300),
      '300 of 300 invitations of the campaign "Tier 1 for 300 customers" could not be delivered in Teams: Customer 1, Customer 2, Customer 3, Customer 4, Customer 5 and 295 more. ',
    ],
    [
      'some reached part of their admins',
      summary([...customers(1, true), ...customers(2).slice(1)], 7),
      '2 of 7 invitations of the campaign "Tier 1 for 300 customers" could not be delivered in Teams: Customer 1, Customer 2 (1 of them reached some of the customer\'s Global admins, not all). ',
    ],
  ])('%s', (_case, input, start) => {
    const text = campaignUndeliveredText(input);
    expect(text.startsWith(start)).toBe(true);
    // What the bot offers, and nothing it does not.
    expect(text).toContain('"Refresh progress"');
    expect(text).toContain('"my customers pending"');
    expect(text).toContain('"Send a reminder in Teams"');
  });
});
