import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startBot, type RunningProcess } from '#scripts/playground/launch.ts';
import { chromiumAvailability, launchChromium } from '../support/chromium.ts';
import { expectVisible, freePort, newPlace, openPersona, snap, type Persona, type PersonaPlace } from '../support/playground-session.ts';

const chromium = chromiumAvailability();
if (!chromium.available) console.warn(`Skipping the end-to-end suite: ${chromium.reason}`);

/**
 * A delivery that fails, as people meet it: Megan (Contoso's Global admin) has talked to the bot, then her Teams is
 * gone (her Playground stopped). Adele sends her an invitation: it only queues, and Adele then learns it was not
 * delivered (her card, or a message in her chat), never that it was. Megan comes back where she was: the outbox (or
 * the same button) delivers it, and it arrives in her chat.
 */
describe.skipIf(!chromium.available)('a failed delivery, in the Agents Playground', () => {
  let bot: RunningProcess;
  let browser: BrowserContext;
  let adele: Persona;
  let megan: Persona | undefined;
  let meganPlace: PersonaPlace;

  beforeAll(async () => {
    // Retries come soon in this test (the outbox's default first retry is 30 s).
    bot = await startBot(await freePort(), { STORAGE_URL: 'memory://', LOG_LEVEL: 'warn', OUTBOX_INTERVAL_SECONDS: '2' });
    browser = await launchChromium();
    meganPlace = await newPlace();
    megan = await openPersona(browser, bot.url, 'megan@contoso.com', meganPlace);
    adele = await openPersona(browser, bot.url, 'adele@woodgrovepartners.com');
    await adele.page.setViewportSize({ width: 1100, height: 4200 });
    // Megan has talked to the bot (her chat is known); now her Teams goes away.
    await megan.close();
    megan = undefined;
  });

  afterAll(async () => {
    await megan?.close();
    await adele?.close();
    await browser?.close();
    await bot?.stop();
  });

  it('says the invitation was not delivered while Megan cannot be reached, and delivers it once she is back', async () => {
    const invite = await adele.say('invite contoso');
    const result = await adele.clickForReply(invite, 'Create the invitation');
    await expectVisible(result.getByText(/invType=ResellerRelationship/));

    const send = "Send to the customer's admins in Teams";
    // Not delivered: Adele's card says so in place, or her chat tells her; never "Delivered".
    const notDelivered =
      /Could not be delivered to 1 Global admin of Contoso|Not delivered yet to 1 Global admin of Contoso|I could not deliver the invitation/;
    // The click only queues; the card may already show the failed try when it is looked at.
    await adele.clickInPlace(result, send, new RegExp(`On its way to 1 Global admin of Contoso in Teams|${notDelivered.source}`));
    const pageText = async () => (await adele.page.locator('body').textContent()) ?? '';
    const started = Date.now();
    let asked = false;
    while (!notDelivered.test(await pageText())) {
      if (Date.now() - started > 60_000) throw new Error('Adele was never told that the invitation was not delivered');
      // Where a client does not update the card in place, the same button shows where the send stands.
      if (!asked && Date.now() - started > 15_000) {
        await result.getByRole('button', { name: send, exact: true }).first().click();
        asked = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    expect((await result.textContent()) ?? '').not.toMatch(/Delivered to \d/);
    await snap(result, 'partner-invite-3-not-delivered');

    // Megan comes back (her Teams where it was): the retry (or the same button, after a final failure) delivers it.
    megan = await openPersona(browser, bot.url, 'megan@contoso.com', meganPlace);
    await adele.clickInPlace(result, send, /On its way to 1 Global admin of Contoso in Teams|already on its way/);
    // Waits for the invitation itself, not for any new card: her client may show another message first (a welcome).
    const invitation = megan.page
      .locator('.fai-OutputCard')
      .filter({ hasText: 'Woodgrove Partners invites you to a reseller relationship' });
    await expect.poll(() => invitation.count(), { timeout: 90_000 }).toBeGreaterThan(0);
    await snap(result, 'partner-invite-4-delivered');
  }, 240_000);
});
