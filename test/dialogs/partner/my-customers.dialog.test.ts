import { DialogTurnStatus } from 'botbuilder-dialogs';
import { describe, expect, it } from 'vitest';
import { MyCustomersDialog } from '#dialogs/partner/my-customers.dialog.ts';
import { DEMO } from '#test/support/demo-ids.ts';
import { PEOPLE } from '#test/support/partner-flow.ts';
import { clientFor, createDialogServices, turn } from '#test/support/dialog-harness.ts';

describe('MyCustomersDialog', () => {
  it.each([
    {
      filter: undefined,
      speaker: PEOPLE.hana,
      expected: ['My customers', '1 relationship · page 1 of 1', '**Fabrikam**: Reseller', 'Invited: not a customer until they accept'],
    },
    {
      filter: 'pending',
      speaker: PEOPLE.adele,
      expected: ['My customers: waiting for the customer', '[Send a reminder in Teams]'],
    },
    // Whether anyone at the customer uses the bot is not the partner's to learn: the reminder is offered all the same.
    {
      filter: 'pending',
      speaker: PEOPLE.adele,
      expected: ['Next: waiting for a Global admin of Fabrikam to accept: send a reminder.', '[Send a reminder in Teams]'],
    },
    { filter: 'expiring', speaker: PEOPLE.adele, expected: ['No relationship is expiring soon.'] },
    {
      filter: undefined,
      speaker: PEOPLE.lars,
      expected: ['You have no customer relationships yet. Type "invite a customer" or "new gdap" to start one.'],
    },
  ])('shows one card and ends ($filter, $speaker.name)', async ({ filter, speaker, expected }) => {
    const services = await createDialogServices();
    await services.domain.requestResellerRelationship(await services.domain.resolveActor(PEOPLE.sam.tenantId, PEOPLE.sam.userId), {
      customerTenantId: DEMO.fabrikam,
    });
    const client = await clientFor(services, new MyCustomersDialog(services), speaker, filter === undefined ? {} : { filter });
    const texts = await turn(client, 'my customers');
    for (const text of expected) expect(texts).toContain(text);
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });
});
