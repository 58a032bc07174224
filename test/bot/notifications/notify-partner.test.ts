import { pino } from 'pino';
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { partnerRecipients } from '#bot/notifications/notify-partner.ts';
import { outboxRenderer } from '#bot/notifications/outbox-messages.ts';
import type { OutboxRecord } from '#domain/notifications/outbox.ts';
import { OUTBOX_COLLECTION, OUTBOX_INDEX, OUTBOX_PENDING } from '#domain/notifications/outbox.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { createCustomerWorld, expectOk } from '#test/support/customer-world.ts';
import { reviewShownNow } from '#test/support/removal-review.ts';

const HANA = 'c3a7e9f1-5d4b-4a8c-8e3f-2b1a0f9e8d13';

async function servicesWith(reachable: readonly string[]) {
  const world = await createCustomerWorld();
  const conversations = {
    remember: async () => {},
    forgetUnused: async () => 0,
    find: async (_tenantId: string, userId: string) => (reachable.includes(userId) ? { channelId: 'msteams' } : undefined),
  };
  const services = {
    domain: world.access,
    directory: world.directory,
    conversations,
    clock: world.clock,
    logger: pino({ level: 'silent' }),
  };
  return { world, services };
}

function cardText(message: Partial<Activity> | undefined): string {
  return JSON.stringify(message?.attachments?.[0]?.content ?? {});
}

async function pendingOutbox(world: Awaited<ReturnType<typeof createCustomerWorld>>): Promise<OutboxRecord[]> {
  return (await world.store.list<OutboxRecord>(OUTBOX_COLLECTION, OUTBOX_INDEX.due, OUTBOX_PENDING)).map((r) => r.value);
}

describe('partner notifications', () => {
  it.each([
    {
      name: 'requester and Admin agents, each once',
      reachable: [DEMO.adeleAdminAgent, HANA],
      requester: HANA,
      expected: [HANA, DEMO.adeleAdminAgent],
    },
    { name: 'nobody who never talked to the bot', reachable: [], requester: HANA, expected: [] },
    {
      name: 'an Admin agent who is also the requester, once',
      reachable: [DEMO.adeleAdminAgent],
      requester: DEMO.adeleAdminAgent,
      expected: [DEMO.adeleAdminAgent],
    },
    {
      name: 'not a Sales agent who did not ask',
      reachable: [DEMO.samSalesAgent, DEMO.adeleAdminAgent],
      requester: undefined,
      expected: [DEMO.adeleAdminAgent],
    },
  ])('reach $name', async ({ reachable, requester, expected }) => {
    const { services } = await servicesWith(reachable);
    const recipients = await partnerRecipients(services, DEMO.woodgrove, requester);
    expect(recipients).toEqual(expected.map((userId) => ({ tenantId: DEMO.woodgrove, userId })));
  });

  it.each(['accepted', 'declined'] as const)(
    "the customer's answer (%s) puts the partner's notice into the outbox with it, rendered from the template",
    async (decision) => {
      const { world, services } = await servicesWith([DEMO.adeleAdminAgent]);
      const gdap = await world.pendingGdap();
      expect(await pendingOutbox(world)).toEqual([]);
      const megan = await world.actor(DEMO.contoso, DEMO.meganContosoGa);
      const ref = { kind: 'gdap' as const, id: gdap.id, version: gdap.version };
      expectOk(
        decision === 'accepted' ? await world.access.approveRelationship(megan, ref) : await world.access.declineRelationship(megan, ref),
      );
      const [record, ...others] = await pendingOutbox(world);
      expect(others).toEqual([]);
      expect(record?.message).toMatchObject({ type: 'partner-decision', decision });
      // The partner hears who by role only: no name of the customer's people in the record or the card.
      expect(JSON.stringify(record)).not.toContain('Megan');
      const rendered = await outboxRenderer(services)(
        record?.message ?? { type: 'undelivered-notice', about: 'reminder', recipients: [], origin: null },
        record as OutboxRecord,
      );
      expect(rendered?.recipients).toEqual([{ tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent }]);
      const text = cardText(await rendered?.render({ tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent }));
      expect(text).toContain(`Contoso ${decision} your GDAP relationship`);
      expect(text).toContain(`A Global admin of Contoso ${decision} it.`);
      expect(text).not.toContain('Megan');
      expect(text).not.toContain('${');
    },
  );

  it("removing the partner's roles queues one notice for the whole removal, listing what ended", async () => {
    const { world, services } = await servicesWith([DEMO.adeleAdminAgent]);
    const megan = await world.actor(DEMO.contoso, DEMO.meganContosoGa);
    const gdap = await world.pendingGdap();
    expectOk(await world.access.approveRelationship(megan, { kind: 'gdap', id: gdap.id, version: gdap.version }));
    for (const record of await pendingOutbox(world)) await world.store.remove(OUTBOX_COLLECTION, record.id, '*');
    expectOk(
      await world.access.removePartnerRoles(megan, {
        customerTenantId: DEMO.contoso,
        partnerTenantId: DEMO.woodgrove,
        shown: await reviewShownNow(world.access, megan, DEMO.contoso, DEMO.woodgrove),
      }),
    );
    const records = await pendingOutbox(world);
    expect(records.map((r) => r.message.type)).toEqual(['partner-roles-removed']);
    const rendered = await outboxRenderer(services)(
      records[0]?.message ?? { type: 'undelivered-notice', about: 'reminder', recipients: [], origin: null },
      records[0] as OutboxRecord,
    );
    const text = cardText(await rendered?.render({ tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent }));
    expect(text).toContain('Contoso removed your admin roles');
    expect(text).toContain('GDAP relationship \\"Woodgrove support');
    expect(text).toContain('A Global admin of Contoso removed');
    expect(text).not.toContain('Megan');
  });
});
