import { createServer } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { DEMO_DIRECTORY_FILE } from '#bot/config.ts';
import { findPersona, writePlaygroundConfig } from '#scripts/playground/playground-config.ts';
import { startPlayground, type RunningProcess } from '#scripts/playground/launch.ts';

/** A free loopback port (the Playground silently picks a random one when asked for a taken port). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** One demo person in their own Playground (the Playground acts as one user of one tenant per run). */
export interface Persona {
  readonly email: string;
  readonly playground: RunningProcess;
  readonly page: Page;
  /** Sends a message and resolves with the bot's reply card that follows. */
  say(text: string): Promise<Locator>;
  /** The newest bot message in the personal chat. */
  lastMessage(): Locator;
  /** Clicks a button that makes the bot answer with a new message (Action.Submit), and resolves with it. */
  clickForReply(card: Locator, title: string): Promise<Locator>;
  /** Clicks a button that updates the card in place (Action.Execute) and waits until the card shows `expected`. */
  clickInPlace(card: Locator, title: string, expected: string | RegExp): Promise<void>;
  close(): Promise<void>;
}

/** Starts a Playground acting as the demo user `email` against the bot, and opens its page. */
export async function openPersona(browser: BrowserContext, botUrl: string, email: string): Promise<Persona> {
  const directory = await loadDirectoryFile(DEMO_DIRECTORY_FILE);
  const user = await findPersona(directory, email);
  if (!user) throw new Error(`No demo user ${email}`);
  const dir = await mkdtemp(join(tmpdir(), 'pa-playground-'));
  await writePlaygroundConfig(dir, directory, user, 'Partner Access');
  const playground = await startPlayground(dir, `${botUrl}/api/messages`, await freePort());
  const page = await browser.newPage();
  await page.goto(playground.url);
  await page.getByText('Connected.', { exact: true }).first().waitFor({ timeout: 60_000 });
  const messages = () => page.locator('.fai-OutputCard');

  const persona: Persona = {
    email,
    playground,
    page,
    lastMessage: () => messages().last(),
    async say(text) {
      const before = await messages().count();
      const box = page.locator('[role="textbox"]').first();
      await box.click();
      await box.fill(text);
      await page.keyboard.press('Enter');
      await waitForCount(messages(), before + 1);
      return messages().last();
    },
    async clickForReply(card, title) {
      const before = await messages().count();
      await card.getByRole('button', { name: title, exact: true }).first().click();
      await waitForCount(messages(), before + 1);
      return messages().last();
    },
    async clickInPlace(card, title, expected) {
      await card.getByRole('button', { name: title, exact: true }).first().click();
      await card.getByText(expected).first().waitFor({ state: 'visible', timeout: 30_000 });
    },
    async close() {
      await page.close();
      await playground.stop();
    },
  };
  return persona;
}

async function waitForCount(locator: Locator, count: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await locator.count()) < count) {
    if (Date.now() > deadline) throw new Error(`Expected at least ${count} bot messages, still ${await locator.count()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits for the element to show; fails the test with the locator's description when it does not. */
export async function expectVisible(locator: Locator, timeoutMs = 15_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** With GALLERY_DIR set (npm run gallery), saves a picture of the message as the Playground renders it. */
export async function snap(message: Locator, name: string): Promise<void> {
  const dir = process.env.GALLERY_DIR;
  if (!dir) return;
  // Let fonts and images settle; the picture is for people, not for assertions.
  await message.page().waitForTimeout(300);
  await message.screenshot({ path: join(dir, `${name}.png`) });
}
