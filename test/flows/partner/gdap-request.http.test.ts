import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { actionsOf, chat, PEOPLE, ROLE_IDS, textOf } from '#test/support/partner-flow.ts';

describe('partner flows over HTTP: GDAP request', () => {
  let running: RunningApp;
  let c: ReturnType<typeof chat>;
  beforeAll(async () => {
    running = await startTestApp({}, { clock: new FixedClock('2026-11-25T12:00:00.000Z'), ids: new SequentialIds('gdap') });
    c = chat(running);
  });
  afterAll(async () => {
    await running.close();
  });

  it('an Admin agent walks "new gdap for contoso" to the approval link; the relationship is stored, locked and audited', async () => {
    expect(textOf(await c.say(PEOPLE.adele, 'new gdap for contoso'))).toContain('Name the relationship');
    expect(textOf(await c.submit(PEOPLE.adele, { displayName: 'Contoso helpdesk' }))).toContain('Which roles?');
    expect(textOf(await c.submit(PEOPLE.adele, { roleSet: 'helpdesk' }))).toContain('For how long?');
    expect(textOf(await c.submit(PEOPLE.adele, { days: '365' }))).toContain('Extend automatically?');
    const confirm = textOf(await c.submit(PEOPLE.adele, { autoExtend: 'true' }));
    expect(confirm).toContain('Send this request for approval?');
    expect(confirm).toContain('Roles: Helpdesk Administrator, Service Support Administrator, Global Reader, Directory Readers');
    const done = await c.submit(PEOPLE.adele, { confirm: 'yes' });
    const text = textOf(done);
    expect(text).toContain('GDAP request for Contoso: Contoso helpdesk');
    expect(text).toMatch(/https:\/\/admin\.microsoft\.com\/AdminPortal\/Home#\/partners\/invitation\/granularAdminRelationships\//);
    expect(text).toContain("Send the e-mail to whoever administers Contoso's tenant, and send it to Contoso's Global admins in Teams.");
    const actions = actionsOf(done);
    expect(actions.find((a) => a.title === 'Open in e-mail')?.url).toMatch(/^mailto:\?subject=/);
    // Offered whenever the customer has a Global admin: whether any of them uses the bot is not the partner's to learn.
    expect(actions.some((a) => a.verb === 'partner.sendToCustomer')).toBe(true);

    const adele = await c.actor(PEOPLE.adele);
    const listed = await running.app.services.domain.listCustomersOfPartner(adele, { partnerTenantId: DEMO.woodgrove });
    if (!listed.ok) throw new Error(listed.message);
    const gdap = listed.value.flatMap((x) => x.gdapRelationships).find((g) => g.displayName === 'Contoso helpdesk');
    expect(gdap?.status).toBe('approvalPending');
    expect(gdap?.relationship.duration).toBe('P365D');
    expect(gdap?.relationship.autoExtendDuration).toBe('P180D');
    expect(gdap?.roles.map((r) => r.id)).toEqual([
      ROLE_IDS.helpdeskAdministrator,
      ROLE_IDS.serviceSupportAdministrator,
      ROLE_IDS.globalReader,
      ROLE_IDS.directoryReaders,
    ]);
    const trail = await running.app.services.domain.readAuditTrail(adele, { tenantId: DEMO.woodgrove, limit: 200 });
    if (!trail.ok) throw new Error(trail.message);
    const mine = trail.value.events.filter((e) => e.target.id === gdap?.id);
    expect(mine.map((e) => [e.action, e.actor.userId])).toEqual([
      ['gdap.requested', DEMO.adeleAdminAgent],
      ['gdap.lockedForApproval', DEMO.adeleAdminAgent],
    ]);
  });
});
