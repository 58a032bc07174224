import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startBot, type RunningProcess } from '#scripts/playground/launch.ts';
import { chromiumAvailability, launchChromium } from '../support/chromium.ts';
import { expectVisible, freePort, newPlace, openPersona, snap, type Persona, type PersonaPlace } from '../support/playground-session.ts';

const chromium = chromiumAvailability();
if (!chromium.available) console.warn(`Skipping the end-to-end suite: ${chromium.reason}`);

/**
 * A delivery that fails, as people meet it: Megan (Contoso's Global admin) has talked to the bot, then her Teams is
 * gone (her Playground stopped). Adele sends her an invitation: the card says it was not delivered, never that it
 * was. Megan comes back where she was: the same button sends it, and it arrives in her chat.
 */
describe.skipIf(!chromium.available)('a failed delivery, in the Agents Playground', () => {
  let bot: RunningProcess;
  let browser: BrowserContext;
  let adele: Persona;
  let megan: Persona | undefined;
  let meganPlace: PersonaPlace;

  beforeAll(async () => {
    bot = await startBot(await freePort(), { STORAGE_URL: 'memory://', LOG_LEVEL: 'warn' });
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

  it('says the invitation was not delivered while Megan cannot be reached, and sends it once she is back', async () => {
    const invite = await adele.say('invite contoso');
    const result = await adele.clickForReply(invite, 'Create the invitation');
    await expectVisible(result.getByText(/invType=ResellerRelationship/));

    const send = "Send to the customer's admins in Teams";
    await adele.clickInPlace(result, send, /No Global admin of Contoso could be reached in Teams/);
    expect((await result.textContent()) ?? '').not.toMatch(/Sent to \d/);
    await snap(result, 'partner-invite-3-not-delivered');

    // Megan comes back (her Teams where it was): the same button now sends it, and it arrives in her chat.
    megan = await openPersona(browser, bot.url, 'megan@contoso.com', meganPlace);
    const before = await megan.page.locator('.fai-OutputCard').count();
    await adele.clickInPlace(result, send, 'Sent to 1 Global admin of Contoso in Teams.');
    await snap(result, 'partner-invite-4-delivered');
    await expect.poll(() => megan?.page.locator('.fai-OutputCard').count() ?? 0, { timeout: 30_000 }).toBeGreaterThan(before);
    await expectVisible(megan.lastMessage().getByText('Woodgrove Partners invites you to a reseller relationship'));
  });
});
