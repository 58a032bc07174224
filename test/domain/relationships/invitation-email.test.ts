import { describe, expect, it } from 'vitest';
import { checkInvitationEmail, EMAIL_BODY_MAX_LENGTH } from '#domain/relationships/invitation-email.ts';
import { draftInvitationEmail, resellerInvitationLink } from '#domain/relationships/reseller-relationship.ts';
import { createHarness, expectOk } from '#test/support/domain-harness.ts';
import { TENANTS } from '#test/support/test-directory.ts';

const PARTNER = '0f8a4b2c-1d3e-4f5a-9b6c-7d8e9f0a1b2c';
const link = resellerInvitationLink(PARTNER, false);
const draft = draftInvitationEmail('Woodgrove Partners', 'Contoso', link, false);

type Expect = 'kept' | 'link-missing' | 'link-changed' | 'invalid';

/** Edits a partner might make to the draft, and whether the personalized link survives them. */
const EDITS: readonly { name: string; body: string; subject?: string; expected: Expect }[] = [
  { name: 'unchanged', body: draft.body, expected: 'kept' },
  {
    name: 'reworded, link kept',
    body: draft.body.replace('Hello Contoso,', 'Dear Megan,\n\nThanks for the call today.'),
    expected: 'kept',
  },
  { name: 'link moved to the top', body: `${link}\n\n${draft.body.replace(link, '(see the link above)')}`, expected: 'kept' },
  { name: 'link moved into a sentence, followed by a full stop', body: `Please open ${link}. Thank you!`, expected: 'kept' },
  { name: 'link in angle brackets', body: `Open <${link}> to accept.`, expected: 'kept' },
  { name: 'link deleted', body: draft.body.replace(link, ''), expected: 'link-missing' },
  { name: 'everything deleted', body: '', expected: 'link-missing' },
  { name: 'link altered: DAP turned on', body: draft.body.replace('DAP=false', 'DAP=true'), expected: 'link-changed' },
  {
    name: 'link altered: another partner id',
    body: draft.body.replace(PARTNER, '11111111-2222-4333-8444-555555555555'),
    expected: 'link-changed',
  },
  { name: 'link cut short', body: draft.body.replace('#/BillingAccounts/partner-invitation', ''), expected: 'link-changed' },
  {
    name: 'link kept, an altered copy beside it',
    body: `${draft.body}\nor ${link.replace('msppId=0', 'msppId=42')}`,
    expected: 'link-changed',
  },
  { name: 'link replaced by another site', body: draft.body.replace(link, 'https://example.com/accept'), expected: 'link-missing' },
  { name: 'link broken by a space', body: draft.body.replace('Home?', 'Home ?'), expected: 'link-changed' },
  { name: 'no subject', body: draft.body, subject: '   ', expected: 'invalid' },
  { name: 'far too long', body: `${draft.body}\n${'x'.repeat(EMAIL_BODY_MAX_LENGTH)}`, expected: 'invalid' },
];

function outcome(result: ReturnType<typeof checkInvitationEmail>): Expect {
  if (result.ok) return 'kept';
  if (/changed/.test(result.message)) return 'link-changed';
  if (/no longer contains the invitation link/.test(result.message)) return 'link-missing';
  return 'invalid';
}

describe('the invitation e-mail may be edited, but its personalized link is guarded', () => {
  it.each(EDITS)('$name → $expected', ({ body, subject, expected }) => {
    const result = checkInvitationEmail(link, { subject: subject ?? draft.subject, body });
    expect(outcome(result)).toBe(expected);
    if (!result.ok && expected !== 'invalid') expect(result.message).toMatch(/connect/);
  });

  it('keeps the text as written, with its paragraph breaks (Windows line ends made plain)', () => {
    const result = expectOk(checkInvitationEmail(link, { subject: ' Hello ', body: `Line one\r\n\r\n${link}\r\n` }));
    expect(result).toEqual({ subject: 'Hello', body: `Line one\n\n${link}` });
  });
});

describe('editInvitationEmail (use case)', () => {
  it('saves an edit that keeps the link, refuses one that drops it, and refuses once the customer answered', async () => {
    const h = createHarness();
    const invited = expectOk(
      await h.access.requestResellerRelationship(await h.actor('salesAgent'), { customerTenantId: TENANTS.customer }),
    );
    const { link: own, emailSubject, emailBody } = invited.relationship.invitation;
    const edited = expectOk(
      await h.access.editInvitationEmail(await h.actor('salesAgent'), {
        id: invited.id,
        version: invited.version,
        subject: emailSubject,
        body: `Hi Grace,\n\nAs discussed: ${own}`,
      }),
    );
    expect(edited.relationship.invitation.emailBody).toBe(`Hi Grace,\n\nAs discussed: ${own}`);
    expect(edited.relationship.invitation.link).toBe(own);

    const dropped = await h.access.editInvitationEmail(await h.actor('salesAgent'), {
      id: invited.id,
      version: edited.version,
      subject: emailSubject,
      body: 'Hi Grace',
    });
    expect(dropped).toMatchObject({ ok: false, code: 'invalid' });
    expect(expectOk(await h.access.getRelationship(await h.actor('salesAgent'), { kind: 'reseller', id: invited.id })).version).toBe(
      edited.version,
    );

    expect(
      await h.access.editInvitationEmail(await h.actor('helpdeskAgent'), {
        id: invited.id,
        version: edited.version,
        subject: emailSubject,
        body: emailBody,
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(
      await h.access.editInvitationEmail(await h.actor('salesAgent'), {
        id: invited.id,
        version: invited.version,
        subject: emailSubject,
        body: emailBody,
      }),
    ).toMatchObject({ ok: false, code: 'conflict' });

    const accepted = expectOk(
      await h.access.approveRelationship(await h.actor('customerGlobalAdmin'), {
        kind: 'reseller',
        id: invited.id,
        version: edited.version,
      }),
    );
    expect(
      await h.access.editInvitationEmail(await h.actor('salesAgent'), {
        id: invited.id,
        version: accepted.version,
        subject: emailSubject,
        body: emailBody,
      }),
    ).toMatchObject({ ok: false, code: 'invalid-transition' });
  });
});
