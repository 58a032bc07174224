import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startBot, type RunningProcess } from '#scripts/playground/launch.ts';
import { chromiumAvailability, launchChromium } from '../support/chromium.ts';
import { expectVisible, freePort, openPersona, snap, type Persona } from '../support/playground-session.ts';

const chromium = chromiumAvailability();
if (!chromium.available) console.warn(`Skipping the end-to-end suite: ${chromium.reason}`);

/**
 * The whole journey as people do it, one Playground per person (the Playground acts as one user per run):
 * Adele (Woodgrove's Admin agent) requests GDAP for Contoso through the cards and sends it to Contoso's
 * admins in Teams; Megan (Contoso's Global admin) accepts it on the card she receives; Adele assigns a
 * security group; Megan removes Woodgrove's roles. Each step checks what the page shows.
 */
describe.skipIf(!chromium.available)('delegated access from request to removal, in the Agents Playground', () => {
  let bot: RunningProcess;
  let browser: BrowserContext;
  let adele: Persona;
  let megan: Persona;

  beforeAll(async () => {
    bot = await startBot(await freePort(), { STORAGE_URL: 'memory://', LOG_LEVEL: 'warn' });
    browser = await launchChromium();
    // Megan opens her chat first: the bot can only reach people who have talked to it.
    megan = await openPersona(browser, bot.url, 'megan@contoso.com');
    adele = await openPersona(browser, bot.url, 'adele@woodgrovepartners.com');
    for (const persona of [adele, megan]) await persona.page.setViewportSize({ width: 1100, height: 4200 });
    await snap(adele.lastMessage(), 'welcome-partner-admin-agent');
    await snap(megan.lastMessage(), 'welcome-customer-global-admin');
  });

  afterAll(async () => {
    await adele?.close();
    await megan?.close();
    await browser?.close();
    await bot?.stop();
  });

  it('Adele requests a GDAP relationship for Contoso through the cards', async () => {
    const nameStep = await adele.say('new gdap for contoso');
    await expectVisible(nameStep.getByText('Name the relationship'));
    await snap(nameStep, 'partner-gdap-1-name');

    const rolesStep = await adele.clickForReply(nameStep, 'Next');
    await expectVisible(rolesStep.getByText('Which roles?'));
    await snap(rolesStep, 'partner-gdap-2-roles');

    const durationStep = await adele.clickForReply(rolesStep, 'Use the Helpdesk set');
    await expectVisible(durationStep.getByText('For how long?'));
    await expectVisible(durationStep.getByText('Helpdesk Administrator, Service Support Administrator, Global Reader, Directory Readers'));
    await snap(durationStep, 'partner-gdap-3-duration');

    const autoExtendStep = await adele.clickForReply(durationStep, 'Next');
    await expectVisible(autoExtendStep.getByText('Extend automatically?'));
    await snap(autoExtendStep, 'partner-gdap-4-auto-extend');

    const confirmStep = await adele.clickForReply(autoExtendStep, 'Next');
    await expectVisible(confirmStep.getByText('Send this request for approval?'));
    await snap(confirmStep, 'partner-gdap-5-confirm');

    const result = await adele.clickForReply(confirmStep, 'Send for approval');
    await expectVisible(result.getByText("Waiting for the customer's approval"));
    await expectVisible(result.getByText('admin.microsoft.com', { exact: false }));
    await snap(result, 'partner-gdap-6-sent-for-approval');
  });

  it("sends the invitation to Contoso's Global admin in Teams, where Megan accepts it", async () => {
    const result = adele.lastMessage();
    const meganMessages = await megan.page.locator('.fai-OutputCard').count();
    // The click only queues; the card then updates in place once the outbox delivered it (either may be seen first).
    await adele.clickInPlace(
      result,
      "Send to the customer's admins in Teams",
      /On its way to 1 Global admin of Contoso in Teams|Delivered to 1 Global admin of Contoso/,
    );

    await expect.poll(() => megan.page.locator('.fai-OutputCard').count(), { timeout: 30_000 }).toBeGreaterThan(meganMessages);
    const invitation = megan.lastMessage();
    await expectVisible(invitation.getByText('Woodgrove Partners asks for admin roles (GDAP)'));
    await snap(invitation, 'customer-invitation');

    // Approving needs the acknowledgement: without it nothing changes (the card itself asks for the tick first).
    await invitation.getByRole('button', { name: 'Approve' }).click();
    // (The card asks before sending, where the client checks required inputs; else the bot answers the same.)
    await expectVisible(
      invitation.getByText(/Tick this first: nothing changes until you do|Tick "I have reviewed the roles above" before you approve/),
    );
    await expectVisible(invitation.getByText("Status: Waiting for the customer's approval"));

    // Decline asks first, with the safe choice first; "No, keep it" changes nothing.
    await megan.clickInPlace(invitation, 'Decline', "Decline Woodgrove Partners' request?");
    await snap(invitation, 'customer-invitation-decline-confirm');
    await megan.clickInPlace(invitation, 'No, keep it', /I have reviewed the roles above/);

    await invitation.getByRole('checkbox').first().check();
    await megan.clickInPlace(invitation, 'Approve', 'Status: Active');
    await expectVisible(invitation.getByText('You approved this request.', { exact: false }));
    await snap(invitation, 'customer-invitation-accepted');

    await expectVisible(adele.page.getByText('Contoso accepted your GDAP relationship', { exact: false }), 30_000);
    await snap(adele.lastMessage(), 'partner-notice-accepted');
  });

  it('Adele assigns Tier 1 Support to Helpdesk Administrator', async () => {
    const pick = await adele.say('assign groups');
    await expectVisible(pick.getByText('Which relationship?'));
    await snap(pick, 'partner-assign-1-relationship');

    const groupStep = await adele.clickForReply(pick, 'Choose');
    await expectVisible(groupStep.getByText('Which security group?'));
    await snap(groupStep, 'partner-assign-2-group');

    const rolesStep = await adele.clickForReply(groupStep, 'Choose Tier 1 Support');
    await expectVisible(rolesStep.getByText('Roles for Tier 1 Support'));
    await rolesStep.getByRole('checkbox', { name: 'Helpdesk Administrator' }).check();
    await snap(rolesStep, 'partner-assign-3-roles');

    const assigned = await adele.clickForReply(rolesStep, 'Assign');
    await expectVisible(assigned.getByText('Tier 1 Support'));
    await expectVisible(assigned.getByText('Helpdesk Administrator', { exact: false }));
    await snap(assigned, 'partner-assign-4-result');
  });

  it("Megan removes Woodgrove's roles, told first what changes and what does not", async () => {
    const choose = await megan.say('remove roles');
    await expectVisible(choose.getByText('Woodgrove Partners', { exact: false }));
    await snap(choose, 'customer-remove-roles-1-choose');
    const review = await megan.say('Woodgrove Partners');
    await expectVisible(review.getByText('What will not change'));
    await expectVisible(review.getByText(/Azure subscription role assignments are separate/));
    await snap(review, 'customer-remove-roles-2-review');

    await megan.clickInPlace(review, 'Yes, remove', 'What remains');
    await expectVisible(review.getByText('What the partner can no longer do'));
    await expectVisible(review.getByText(/Azure/));
    await snap(review, 'customer-remove-roles-3-result');

    // The partner hears of it in Teams.
    await expectVisible(
      adele.page
        .locator('.fai-OutputCard')
        .last()
        .getByText(/removed/i),
      30_000,
    );
    await snap(adele.lastMessage(), 'partner-notice-roles-removed');

    // And the partner's view agrees: nothing active at Contoso any more.
    const customers = await adele.say('my customers');
    await expectVisible(customers.getByText('Contoso', { exact: false }));
    await snap(customers, 'partner-my-customers');
  });

  it('Adele invites Fabrikam to a reseller relationship, without DAP by default', async () => {
    const invite = await adele.say('invite fabrikam');
    await expectVisible(invite.getByText('Invite Fabrikam'));
    await expectVisible(invite.getByText(/Microsoft is retiring DAP/));
    await snap(invite, 'partner-invite-1-dap-choice');
    const result = await adele.clickForReply(invite, 'Create the invitation');
    await expectVisible(result.getByText(/invType=ResellerRelationship/));
    await expectVisible(result.getByText(/DAP=false/));
    await snap(result, 'partner-invite-2-invitation');
  });

  it('Megan accepts the Microsoft Customer Agreement, which needs the acknowledgement', async () => {
    const agreement = await megan.say('customer agreement');
    await expectVisible(agreement.getByText('Status: Not accepted yet.'));
    await snap(agreement, 'customer-agreement');
    await agreement.getByRole('checkbox', { name: 'I have read the Microsoft Customer Agreement' }).check();
    await megan.clickInPlace(agreement, 'Accept', /Accepted by Megan Bowen/);
    await snap(agreement, 'customer-agreement-accepted');
  });

  it("Megan's partner list and a helpdesk answer with feedback", async () => {
    const partners = await megan.say('my partners');
    await expectVisible(partners.getByText('Partners of Contoso'));
    await snap(partners, 'customer-my-partners');

    const answer = await adele.say('can a delegated admin run job queues in BC?');
    await expectVisible(answer.getByText(/licensed user of the customer/));
    await expectVisible(answer.getByText(/^Source: /));
    await snap(answer, 'helpdesk-answer');
    await adele.clickInPlace(answer, 'Yes', /glad it helped/);
  });
});
