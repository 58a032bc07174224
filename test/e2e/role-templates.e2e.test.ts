import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startBot, type RunningProcess } from '#scripts/playground/launch.ts';
import { chromiumAvailability, launchChromium } from '../support/chromium.ts';
import { expectVisible, freePort, openPersona, snap, type Persona } from '../support/playground-session.ts';

const chromium = chromiumAvailability();
if (!chromium.available) console.warn(`Skipping the role templates end-to-end test: ${chromium.reason}`);

/**
 * A role template from definition to assignment, as people do it: Adele (Woodgrove's Admin agent) defines
 * "Tier 1 support" in chat, requests GDAP for Contoso from it and sends it to Contoso's admins; Megan (Contoso's
 * Global admin) accepts it; Adele is told that the template's group was assigned, without assigning anything herself.
 */
describe.skipIf(!chromium.available)('a GDAP request from a role template, in the Agents Playground', () => {
  let bot: RunningProcess;
  let browser: BrowserContext;
  let adele: Persona;
  let megan: Persona;

  beforeAll(async () => {
    bot = await startBot(await freePort(), { STORAGE_URL: 'memory://', LOG_LEVEL: 'warn' });
    browser = await launchChromium();
    megan = await openPersona(browser, bot.url, 'megan@contoso.com');
    adele = await openPersona(browser, bot.url, 'adele@woodgrovepartners.com');
    for (const persona of [adele, megan]) await persona.page.setViewportSize({ width: 1100, height: 4200 });
  });

  afterAll(async () => {
    await adele?.close();
    await megan?.close();
    await browser?.close();
    await bot?.stop();
  });

  it('Adele defines the "Tier 1 support" template: Helpdesk Administrator for Tier 1 Support', async () => {
    const rolesStep = await adele.say('new template');
    await expectVisible(rolesStep.getByText('New role template'));
    await rolesStep.getByRole('textbox', { name: 'Template name' }).fill('Tier 1 support');
    await rolesStep.getByRole('checkbox', { name: 'Helpdesk Administrator' }).check();
    await snap(rolesStep, 'partner-template-1-roles');

    const groupsStep = await adele.clickForReply(rolesStep, 'Next');
    await expectVisible(groupsStep.getByText('Which groups get each role of "Tier 1 support"?'));
    await groupsStep.getByRole('checkbox', { name: 'Helpdesk Administrator → Tier 1 Support' }).check();
    await snap(groupsStep, 'partner-template-2-groups');

    const saved = await adele.clickForReply(groupsStep, 'Save template');
    await expectVisible(saved.getByText('Role template "Tier 1 support" saved'));
    await expectVisible(saved.getByText('Helpdesk Administrator → Tier 1 Support', { exact: false }));
    await snap(saved, 'partner-template-3-saved');
  });

  it('Adele requests GDAP for Contoso from the template and sends it to Contoso in Teams', async () => {
    const nameStep = await adele.say('new gdap for contoso');
    await expectVisible(nameStep.getByText('Name the relationship'));
    const rolesStep = await adele.clickForReply(nameStep, 'Next');
    await expectVisible(rolesStep.getByText('Template: Tier 1 support'));
    const durationStep = await adele.clickForReply(rolesStep, 'Use template Tier 1 support');
    await expectVisible(durationStep.getByText('For how long?'));
    const autoExtendStep = await adele.clickForReply(durationStep, 'Next');
    const confirmStep = await adele.clickForReply(autoExtendStep, 'Next');
    await expectVisible(confirmStep.getByText('Tier 1 support (its groups are assigned once approved)'));
    await snap(confirmStep, 'partner-template-4-confirm');
    const result = await adele.clickForReply(confirmStep, 'Send for approval');
    await expectVisible(result.getByText("Waiting for the customer's approval"));
    await adele.clickInPlace(result, "Send to the customer's admins in Teams", 'Sent to 1 Global admin of Contoso in Teams.');
  });

  it('Megan accepts; the template group is assigned and Adele is told what was assigned', async () => {
    await expect.poll(() => megan.page.locator('.fai-OutputCard').count(), { timeout: 30_000 }).toBeGreaterThan(1);
    const invitation = megan.lastMessage();
    await expectVisible(invitation.getByText('Woodgrove Partners asks for admin roles (GDAP)'));
    await invitation.getByRole('checkbox').first().check();
    await megan.clickInPlace(invitation, 'Approve', 'Status: Active');

    await expectVisible(adele.page.getByText('Contoso accepted your GDAP relationship', { exact: false }), 30_000);
    const notice = adele.lastMessage();
    await expectVisible(
      notice.getByText('Assigned from template "Tier 1 support": Tier 1 Support → Helpdesk Administrator', { exact: false }),
    );
    await snap(notice, 'partner-template-5-assigned');

    // Nothing left to assign by hand: the relationship already gives Tier 1 Support its role.
    const customers = await adele.say('my customers');
    await expectVisible(customers.getByText('Tier 1 Support', { exact: false }));
  });
});
