import { afterAll, beforeAll, describe, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { startBot, type RunningProcess } from '#scripts/playground/launch.ts';
import { chromiumAvailability, launchChromium } from '../support/chromium.ts';
import { expectVisible, freePort, openPersona, type Persona } from '../support/playground-session.ts';

const chromium = chromiumAvailability();
if (!chromium.available) console.warn(`Skipping the end-to-end suite: ${chromium.reason}`);

describe.skipIf(!chromium.available)('the welcome card in the Agents Playground', () => {
  let bot: RunningProcess;
  let browser: BrowserContext;
  let adele: Persona;

  beforeAll(async () => {
    bot = await startBot(await freePort(), { STORAGE_URL: 'memory://', LOG_LEVEL: 'warn' });
    browser = await launchChromium();
    adele = await openPersona(browser, bot.url, 'adele@woodgrovepartners.com');
  });

  afterAll(async () => {
    await adele?.close();
    await browser?.close();
    await bot?.stop();
  });

  it('greets the partner Admin agent by name, with her roles and tasks', async () => {
    const card = adele.lastMessage().locator('.ac-adaptiveCard');
    await expectVisible(card.getByText('Adele Vance', { exact: true }));
    await expectVisible(card.getByText('Woodgrove Partners (woodgrovepartners.com)'));
    await expectVisible(card.getByText('Admin agent', { exact: true }));
    await expectVisible(card.getByRole('button', { name: 'Request GDAP' }));
  });

  it('answers "help" with the same card, typed into the chat', async () => {
    const reply = await adele.say('help');
    await expectVisible(reply.getByText('What you can do'));
  });
});
