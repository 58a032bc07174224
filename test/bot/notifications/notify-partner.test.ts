import { pino } from 'pino';
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import {
  notifyPartnerOfDecision,
  notifyPartnerOfRolesRemoved,
  notifyPartnerOfTermination,
  partnerRecipients,
} from '#bot/notifications/notify-partner.ts';
import type { Notifier, Recipient } from '#bot/proactive/notifier.ts';
import type { RemovePartnerRolesOutcome } from '#domain/use-cases/remove-partner-roles.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { createCustomerWorld } from '#test/support/customer-world.ts';

const HANA = 'c3a7e9f1-5d4b-4a8c-8e3f-2b1a0f9e8d13';

function recordingNotifier() {
  const sent: { recipients: readonly Recipient[]; message: Partial<Activity>; what: string }[] = [];
  const notifier: Notifier = {
    send: async () => [],
    dispatch: (recipients, message, what) => {
      sent.push({ recipients, message, what });
    },
    idle: async () => {},
  };
  return { notifier, sent };
}

async function servicesWith(reachable: readonly string[], failLookups = false) {
  const world = await createCustomerWorld();
  const { notifier, sent } = recordingNotifier();
  const conversations = {
    remember: async () => {},
    find: async (_tenantId: string, userId: string) => {
      if (failLookups) throw new Error('store down');
      return reachable.includes(userId) ? { channelId: 'msteams' } : undefined;
    },
  };
  return {
    world,
    sent,
    services: { directory: world.directory, conversations, notifier, clock: world.clock, logger: pino({ level: 'silent' }) },
  };
}

function cardText(message: Partial<Activity> | undefined): string {
  return JSON.stringify(message?.attachments?.[0]?.content ?? {});
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

  it.each(['accepted', 'declined'] as const)('tells the partner the invitation was %s, with a card from the template', async (decision) => {
    const { world, services, sent } = await servicesWith([DEMO.adeleAdminAgent]);
    const gdap = await world.pendingGdap();
    await notifyPartnerOfDecision(services, gdap, decision);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.what).toBe(`invitation.${decision}`);
    const text = cardText(sent[0]?.message);
    expect(text).toContain(`Contoso ${decision} your GDAP relationship`);
    expect(text).toContain(`A Global admin of Contoso ${decision} it.`);
    expect(text).not.toContain('Megan');
    expect(text).not.toContain('${');
  });

  it('tells the partner its roles were removed and its relationship terminated', async () => {
    const { services, sent, world } = await servicesWith([DEMO.adeleAdminAgent]);
    const outcome: RemovePartnerRolesOutcome = {
      partner: { tenantId: DEMO.woodgrove, name: 'Woodgrove Partners' },
      dapRemoved: true,
      endedRelationships: [{ id: 'r1', displayName: 'Woodgrove helpdesk' }],
      remains: [],
      lost: [],
    };
    await notifyPartnerOfRolesRemoved(services, outcome, 'Contoso');
    const gdap = await world.pendingGdap();
    await notifyPartnerOfTermination(services, { ...gdap, kind: 'gdap' }, 'Megan Bowen');
    expect(sent.map((s) => s.what)).toEqual(['partner.rolesRemoved', 'gdap.terminated']);
    expect(cardText(sent[0]?.message)).toContain('GDAP relationship \\"Woodgrove helpdesk\\" ended');
    expect(cardText(sent[0]?.message)).toContain('A Global admin of Contoso removed');
    expect(cardText(sent[0]?.message)).not.toContain('Megan');
    expect(cardText(sent[1]?.message)).toContain('with Contoso ended');
  });

  it('never rejects, even when finding recipients fails', async () => {
    const { world, services, sent } = await servicesWith([], true);
    const gdap = await world.pendingGdap();
    await expect(notifyPartnerOfDecision(services, gdap, 'accepted')).resolves.toBeUndefined();
    expect(sent).toEqual([]);
  });
});
