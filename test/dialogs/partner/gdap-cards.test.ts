import { describe, expect, it } from 'vitest';
import { confirmQuestion, rolesQuestion } from '#dialogs/partner/gdap-cards.ts';
import { cardTexts } from '#test/support/activities.ts';
import { ROLE_IDS } from '#test/support/partner-flow.ts';

const customer = { tenantId: 't', name: 'Contoso', domain: 'contoso.com' };
const textsOf = (activity: ReturnType<typeof confirmQuestion>) =>
  cardTexts([
    { type: 'message', attachments: (activity.attachments ?? []).map((a) => ({ contentType: a.contentType, content: a.content })) },
  ]).join('\n');

describe('GDAP request cards', () => {
  it.each([
    { roles: [ROLE_IDS.globalAdministrator, ROLE_IDS.helpdeskAdministrator], warned: true },
    { roles: [ROLE_IDS.helpdeskAdministrator, ROLE_IDS.globalReader], warned: false },
  ])('the confirmation warns about least privilege only with Global Administrator ($warned)', ({ roles, warned }) => {
    const text = textsOf(
      confirmQuestion({ customer, displayName: 'Contoso support', roleIds: roles, days: 90, autoExtend: false }, warned),
    );
    expect(text.includes('this goes beyond least privilege, and the customer may object or decline')).toBe(warned);
    expect(text.includes('cannot extend itself automatically') || text.includes('cannot auto-extend')).toBe(warned);
  });

  it('the roles step is one compact multi-select with what each role permits beside its name', () => {
    const card = JSON.stringify(rolesQuestion({ customer, displayName: 'Contoso support' }).attachments?.[0]?.content);
    expect(card).toContain('"style":"compact"');
    expect(card).toContain('"isMultiSelect":true');
    expect(card).toContain('Helpdesk Administrator: Resets passwords');
    expect(card).not.toContain('What each role permits');
  });
});
