import { describe, expect, it } from 'vitest';
import { agreementHint, partnerStartHint } from '#bot/tab/tab-api.ts';
import { loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { DEMO_DIRECTORY_FILE } from '#bot/config.ts';
import { resolveActor } from '#domain/actors/actor.ts';
import { DEMO } from '../support/demo-ids.ts';

/** The tab's hints follow the persona: each is told what they can do, or who can. */
describe('tab hints per persona', () => {
  it.each([
    { who: 'Adele (Admin agent)', tenant: DEMO.woodgrove, user: DEMO.adeleAdminAgent, says: '"invite a customer" or "new gdap"' },
    { who: 'Sam (Sales agent)', tenant: DEMO.woodgrove, user: DEMO.samSalesAgent, says: 'Start one in the chat: "invite a customer".' },
    {
      who: 'Hana (Helpdesk agent)',
      tenant: DEMO.woodgrove,
      user: DEMO.hanaHelpdeskAgent,
      says: 'An Admin agent or a Sales agent of your organization can start one.',
    },
  ])('partner, empty list: $who', async ({ tenant, user, says }) => {
    const actor = await resolveActor(await loadDirectoryFile(DEMO_DIRECTORY_FILE), tenant, user);
    expect(partnerStartHint(actor)).toContain(says);
  });

  it.each([
    { who: 'Megan (Global admin)', user: DEMO.meganContosoGa, canAccept: true },
    { who: 'Olive (no role)', user: DEMO.oliveContosoUser, canAccept: false },
  ])('customer, agreement not accepted: $who', async ({ user, canAccept }) => {
    const actor = await resolveActor(await loadDirectoryFile(DEMO_DIRECTORY_FILE), DEMO.contoso, user);
    expect(agreementHint(actor).includes('You can accept it')).toBe(canAccept);
  });
});
