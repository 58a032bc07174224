import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startBot, type RunningProcess } from '#scripts/playground/launch.ts';
import { chromiumAvailability, launchChromium } from '../support/chromium.ts';
import { expectVisible, freePort, openPersona, snap, type Persona } from '../support/playground-session.ts';

const chromium = chromiumAvailability();
if (!chromium.available) console.warn(`Skipping the natural-sentence end-to-end test: ${chromium.reason}`);

/**
 * A task typed in one sentence, as a new user would, in the Agents Playground: Adele asks for GDAP at Fabrikam
 * "to administer Business Central for 6 months, no auto-extend"; only the name is asked, the confirmation and then
 * the result card carry the customer, the Business Central role, the duration and auto-extend she typed.
 */
describe.skipIf(!chromium.available)('a GDAP request from one natural sentence, in the Agents Playground', () => {
  let bot: RunningProcess;
  let browser: BrowserContext;
  let adele: Persona;

  beforeAll(async () => {
    bot = await startBot(await freePort(), { STORAGE_URL: 'memory://', LOG_LEVEL: 'warn' });
    browser = await launchChromium();
    adele = await openPersona(browser, bot.url, 'adele@woodgrovepartners.com');
    await adele.page.setViewportSize({ width: 1100, height: 4200 });
  });

  afterAll(async () => {
    await adele?.close();
    await browser?.close();
    await bot?.stop();
  });

  it('carries the details of the sentence to the confirmation and the result card', async () => {
    const nameStep = await adele.say('hi, I need gdap at fabrikam to administer Business Central for 6 months, no auto-extend pls');
    await expectVisible(nameStep.getByText('Name the relationship'));
    await expectVisible(nameStep.getByText('Fabrikam (fabrikam.com)'));
    await snap(nameStep, 'partner-natural-1-name');

    const confirm = await adele.clickForReply(nameStep, 'Next');
    await expectVisible(confirm.getByText('Send this request for approval?'));
    await expectVisible(confirm.getByText('Dynamics 365 Business Central Administrator'));
    await expectVisible(confirm.getByText('180 days'));
    await expectVisible(confirm.getByText('No', { exact: true }));
    await snap(confirm, 'partner-natural-2-confirm');

    const result = await adele.clickForReply(confirm, 'Send for approval');
    await expectVisible(result.getByText("Waiting for the customer's approval"));
    await expectVisible(result.getByText('Fabrikam', { exact: false }));
    await expectVisible(result.getByText('Dynamics 365 Business Central Administrator', { exact: false }));
    await expectVisible(result.getByText(/180 days|6 months/));
    await snap(result, 'partner-natural-3-result');
  });

  it('a new request typed while a question waits leaves the flow, says so, and is done', async () => {
    const customer = await adele.say('new gdap');
    await expectVisible(customer.getByText('Which customer do you need admin access at?'));
    await adele.say('show me my customers');
    await expectVisible(adele.page.getByText('I left "Request GDAP" (nothing was changed) to do what you just asked.'));
    await expectVisible(adele.lastMessage().getByText('My customers'));
    await snap(adele.lastMessage(), 'partner-natural-4-left-flow');
  });

  it('"did you mean" buttons are Action.Execute: a click replaces the card and starts the task', async () => {
    await adele.say('customers pls');
    // A helpdesk answer may come first: the offer is the card titled "Did you mean…" (shown as "Did you mean...").
    const offer = adele.page.locator('.fai-OutputCard').filter({ hasText: 'Did you mean' }).last();
    await expectVisible(offer);
    const before = await adele.page.locator('.fai-OutputCard').count();
    await adele.clickInPlace(offer, 'My customers', 'You chose: My customers.');
    await expect.poll(() => adele.page.locator('.fai-OutputCard').count(), { timeout: 30_000 }).toBeGreaterThan(before);
    await expectVisible(adele.lastMessage().getByText('My customers'));
  });
});
