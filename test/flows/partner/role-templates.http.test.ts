import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardTexts } from '#test/support/activities.ts';
import { startConnectorStub, type ConnectorStub } from '#test/support/connector-stub.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';
import { startTestApp, type RunningApp } from '#test/support/test-app.ts';
import { actionsOf, chat, GROUPS, invokeText, PEOPLE, ROLE_IDS, textOf } from '#test/support/partner-flow.ts';

const H = ROLE_IDS.helpdeskAdministrator;
const R = ROLE_IDS.globalReader;

describe('partner flows over HTTP: role templates', () => {
  let running: RunningApp;
  let stub: ConnectorStub;
  let c: ReturnType<typeof chat>;
  const adele = () => ({ ...PEOPLE.adele, serviceUrl: stub.serviceUrl });
  const megan = () => ({ ...PEOPLE.megan, serviceUrl: stub.serviceUrl });

  beforeAll(async () => {
    stub = await startConnectorStub();
    running = await startTestApp(
      {},
      {
        clock: new FixedClock('2026-11-25T12:00:00.000Z'),
        ids: new SequentialIds('tpl'),
        notificationRetry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
      },
    );
    c = chat(running);
    await c.say(adele(), 'help');
    await c.say(megan(), 'help');
  });
  afterAll(async () => {
    await running.app.services.notifier.idle();
    await running.close();
    await stub.close();
  });

  it('an Admin agent defines a template in chat: name and roles, then the groups of each role', async () => {
    expect(textOf(await c.say(adele(), 'new template'))).toContain('New role template');
    const groups = await c.submit(adele(), { name: 'Tier 1 support', roles: `${H},${R}` });
    expect(textOf(groups)).toContain('Which groups get each role of "Tier 1 support"?');
    expect(textOf(groups)).toContain('Helpdesk Administrator → Tier 1 Support');
    const saved = textOf(await c.submit(adele(), { grants: `${H}|${GROUPS.tier1},${R}|${GROUPS.tier1},${R}|${GROUPS.bcConsultants}` }));
    expect(saved).toContain('Role template "Tier 1 support" saved');
    expect(saved).toContain('Global Reader → Tier 1 Support, Business Central Consultants');
    const listed = await c.say(adele(), 'role templates');
    expect(actionsOf(listed).map((a) => a.data?.command)).toEqual(
      expect.arrayContaining(['new gdap from template Tier 1 support', 'edit template Tier 1 support', 'apply template Tier 1 support']),
    );
  });

  it('a Sales agent is told who can manage templates', async () => {
    const refused = textOf(await c.say(PEOPLE.sam, 'role templates'));
    expect(refused).toContain('To create, change or apply role templates you need the Admin agent role');
    expect(refused).not.toContain('Role templates');
  });

  it('a request from the template has its roles; once the customer accepts, the groups are assigned and the partner is told', async () => {
    expect(textOf(await c.say(adele(), 'new gdap from template tier 1 support for contoso'))).toContain('Name the relationship');
    expect(textOf(await c.submit(adele(), { displayName: 'Contoso tier 1' }))).toContain('For how long?');
    expect(textOf(await c.submit(adele(), { days: '180' }))).toContain('Extend automatically?');
    const confirm = textOf(await c.submit(adele(), { autoExtend: 'false' }));
    expect(confirm).toContain('Template: Tier 1 support (its groups are assigned once approved)');
    expect(confirm).toContain('Roles: Helpdesk Administrator, Global Reader');
    const done = await c.submit(adele(), { confirm: 'yes' });
    const send = actionsOf(done).find((a) => a.verb === 'partner.sendToCustomer');
    await c.click(adele(), 'partner.sendToCustomer', send?.data ?? {});
    await running.app.services.notifier.idle();
    const invitation = stub.posted.filter((p) => p.conversationId === `conv-${PEOPLE.megan.userId}`).at(-1);
    const accept = actionsOf([invitation?.activity as never]).find((a) => a.verb === 'invitation.accept');
    expect(accept).toBeDefined();
    const accepted = invokeText(await c.click(megan(), 'invitation.accept', { ...accept?.data, agreementRead: 'true' }));
    expect(accepted).toContain('You approved this request.');
    await running.app.services.notifier.idle();
    const notice = cardTexts([
      stub.posted.filter((p) => p.conversationId === `conv-${PEOPLE.adele.userId}`).at(-1)?.activity as never,
    ]).join('\n');
    expect(notice).toContain('Contoso accepted your GDAP relationship "Contoso tier 1"');
    expect(notice).toContain('Assigned from template "Tier 1 support": Tier 1 Support → Helpdesk Administrator, Global Reader');
    expect(notice).toContain('Assigned from template "Tier 1 support": Business Central Consultants → Global Reader');
  });

  it('apply to existing relationships previews first, then applies on confirmation', async () => {
    // Change the template: Business Central Consultants now also get Helpdesk Administrator.
    expect(textOf(await c.say(adele(), 'edit template tier 1 support'))).toContain('Change role template "Tier 1 support"');
    await c.submit(adele(), { name: 'Tier 1 support', roles: `${H},${R}` });
    expect(
      textOf(
        await c.submit(adele(), {
          grants: `${H}|${GROUPS.tier1},${H}|${GROUPS.bcConsultants},${R}|${GROUPS.tier1},${R}|${GROUPS.bcConsultants}`,
        }),
      ),
    ).toContain('saved');
    const preview = textOf(await c.say(adele(), 'apply template tier 1 support to existing relationships'));
    expect(preview).toContain('Apply "Tier 1 support" to existing relationships?');
    expect(preview).toContain('Contoso tier 1 (Contoso)');
    expect(preview).toContain('Business Central Consultants gains Helpdesk Administrator');
    const applied = textOf(await c.submit(adele(), { confirm: 'yes' }));
    expect(applied).toContain('"Tier 1 support" applied to 1: "Contoso tier 1" (Business Central Consultants)');
    expect(textOf(await c.say(adele(), 'apply template tier 1 support'))).toContain('Nothing to change');
  });
});
