import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../support/demo-ids.ts';
import { startTestApp, type RunningApp } from '../support/test-app.ts';
import { MovableClock, SequentialIds, seedRelationships } from '../support/seed-relationships.ts';
import { TAB_APP_ID, TAB_HOST, startSigningKeys, type SigningKeys } from '../support/token-fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
/** Pictures are written only by `npm run gallery` (GALLERY_DIR), so a test run leaves the tree clean. */
const GALLERY = process.env.GALLERY_DIR ? `${process.env.GALLERY_DIR.replace(/\/$/, '')}/` : undefined;

async function picture(page: Page, name: string): Promise<void> {
  if (GALLERY) await page.screenshot({ path: `${GALLERY}${name}.png` });
}
const HOST_PAGE = '/__teams-host__';
const NOW = Date.parse('2026-02-10T09:00:00.000Z') / 1000;
/** Waits for the page (the first load builds the view after the host's answers and two API calls). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });
const RUNTIME = {
  apiVersion: 4,
  isLegacyTeams: false,
  supports: { app: {}, appEntity: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} }, teamsCore: {} },
};

interface Persona {
  readonly tenantId: string;
  readonly userId: string;
  readonly name: string;
  readonly upn: string;
}
const ADELE: Persona = { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent, name: 'Adele Vance', upn: 'adele@woodgrovepartners.com' };
const MEGAN: Persona = { tenantId: DEMO.contoso, userId: DEMO.meganContosoGa, name: 'Megan Bowen', upn: 'megan@contoso.com' };

describe.skipIf(!HAS_CHROMIUM && process.env.CI !== 'true')(
  `the tab in a browser, framed by a stand-in Teams host${HAS_CHROMIUM ? '' : ' (SKIPPED: /usr/bin/chromium is missing; apt-get install chromium)'}`,
  { timeout: 90_000 },
  () => {
    let keys: SigningKeys;
    let running: RunningApp;
    let browser: BrowserContext;
    let userDataDir: string;
    let hostTemplate: string;

    beforeAll(async () => {
      if (!HAS_CHROMIUM) throw new Error(`${CHROMIUM} is missing, and CI=true requires the browser test to run.`);
      hostTemplate = await readFile(new URL('./fixtures/teams-host.html', import.meta.url), 'utf8');
      keys = await startSigningKeys();
      const clock = new MovableClock('2026-01-05T09:00:00.000Z');
      running = await startTestApp(
        { MicrosoftAppId: TAB_APP_ID, MicrosoftAppPassword: 'unused', PUBLIC_HOST: TAB_HOST, TAB_SIGNING_KEYS_URL: keys.url },
        { clock, ids: new SequentialIds() },
      );
      await seedRelationships(running.app.services.domain, clock);
      if (GALLERY) await mkdir(GALLERY, { recursive: true });
      userDataDir = await mkdtemp(join(tmpdir(), 'tab-chromium-'));
      // A fresh user-data-dir per run: launchPersistentContext is how Playwright takes one.
      browser = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
        viewport: { width: 1280, height: 860 },
        deviceScaleFactor: 1,
      });
      // A stuck step fails with its own name, well before the test's timeout.
      browser.setDefaultTimeout(20_000);
    });
    afterAll(async () => {
      await browser?.close();
      await running?.close();
      await keys?.close();
      if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    });

    /** Opens the host page as the persona: same origin as the tab, so teams-js accepts its messages. */
    async function openAs(persona: Persona): Promise<Page> {
      const token = await keys.sign({ tid: persona.tenantId, oid: persona.userId, iat: NOW - 300, exp: NOW + 3300 });
      const context = {
        locale: 'en-GB',
        theme: 'default',
        userObjectId: persona.userId,
        tid: persona.tenantId,
        userPrincipalName: persona.upn,
        userDisplayName: persona.name,
        hostClientType: 'web',
        frameContext: 'content',
        entityId: 'relationships',
        appSessionId: 'test-session',
      };
      const page = await browser.newPage();
      await page.route('**/*', async (route) => {
        const url = route.request().url();
        if (url === `${running.baseUrl}${HOST_PAGE}`) {
          await route.fulfill({
            contentType: 'text/html',
            body: hostTemplate.replace('__HOST_SETTINGS__', JSON.stringify({ runtime: RUNTIME, context, token })),
          });
        } else if (url.startsWith(running.baseUrl)) {
          await route.continue();
        } else {
          await route.abort(); // nothing leaves the machine (teams-js's origin list falls back to its built-in one)
        }
      });
      await page.goto(`${running.baseUrl}${HOST_PAGE}`);
      return page;
    }

    it('shows a partner Admin agent their rows, filters them, draws the timeline, opens details and follows the dark theme', async () => {
      const page = await openAs(ADELE);
      const tab = page.frameLocator('#tab');
      const rows = tab.locator('table[aria-label="Relationships"] tbody tr');
      await poll(() => rows.count()).toBe(5);
      await poll(() => tab.locator('#who').textContent()).toBe('Adele Vance · Woodgrove Partners · Admin agent');
      expect(await rows.first().textContent()).toContain('Contoso billing');
      expect(await rows.first().textContent()).toContain('Active, ends in 24 days');
      expect(await tab.locator('.count').textContent()).toBe('5 of 5 relationships');

      // The server filters and sorts: each change is a new request, so the rows are awaited.
      await tab.getByLabel('Status').selectOption('expiring');
      await poll(() => rows.allTextContents()).toEqual([expect.stringContaining('Contoso billing')]);
      expect(await tab.locator('.count').textContent()).toBe('1 of 5 relationships');
      await tab.getByLabel('Status').selectOption('all');
      await poll(() => rows.count()).toBe(5);
      await tab.getByLabel('Search customers').fill('fabri');
      await poll(() => rows.allTextContents()).toEqual([expect.stringContaining('Fabrikam Business Central')]);
      await tab.getByLabel('Search customers').fill('');
      await poll(() => rows.count()).toBe(5);
      await tab.getByLabel('Expiring within days').fill('30');
      await poll(() => rows.allTextContents()).toEqual([expect.stringContaining('Contoso billing')]);
      await tab.getByLabel('Expiring within days').fill('');
      await poll(() => rows.count()).toBe(5);
      await tab.getByRole('button', { name: 'Customer' }).click();
      await poll(() => rows.locator('td:first-child').allTextContents()).toEqual([
        'Contoso',
        'Contoso',
        'Contoso',
        'Fabrikam',
        'Northwind Traders',
      ]);
      await tab.getByRole('button', { name: 'Customer' }).click();
      await poll(() => rows.locator('td:first-child').allTextContents()).toEqual([
        'Northwind Traders',
        'Fabrikam',
        'Contoso',
        'Contoso',
        'Contoso',
      ]);
      await tab.getByRole('button', { name: 'End date' }).click();
      await poll(() => rows.first().textContent()).toContain('Contoso billing');
      const relationshipsHead = tab.locator('table[aria-label="Relationships"] thead th');
      expect(await relationshipsHead.evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-sort')))).toEqual([
        'none',
        'none',
        'none',
        'none',
        null,
        null,
        'ascending',
        'none',
        null,
      ]);

      // The posture findings sort the same way, in the page (their buttons named apart from the relationships table's).
      const findings = tab.locator('table[aria-label="Posture findings"] tbody tr');
      const customerHead = tab.locator('table[aria-label="Posture findings"] thead th').first();
      await poll(() => findings.count()).toBeGreaterThan(1);
      expect(await customerHead.getAttribute('aria-sort')).toBe('ascending');
      const tenants = () => findings.locator('td:first-child').allTextContents();
      const ascending = await tenants();
      expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
      await tab.getByRole('button', { name: 'Sort findings by tenant' }).click();
      await poll(() => customerHead.getAttribute('aria-sort')).toBe('descending');
      expect(await tenants()).toEqual([...ascending].reverse());
      // Back to the top of the page, where the picture below is taken.
      await customerHead.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
      expect(await tab.getByRole('navigation', { name: 'Pages' }).isHidden()).toBe(true);

      // At 1024 px (a Teams window beside the rail), every column fits: the table needs no sideways scrolling.
      await page.setViewportSize({ width: 1024, height: 860 });
      const overflow = await tab.locator('.table-card').evaluate((element) => {
        const box = element as unknown as { scrollWidth: number; clientWidth: number };
        return box.scrollWidth - box.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 860 });

      // Counted in the page; typed loosely because the test project has no DOM types.
      const chartPixels = await tab.locator('canvas[aria-label="Timeline of end dates"]').evaluate((element) => {
        const canvas = element as unknown as {
          width: number;
          height: number;
          getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
        };
        const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted += 1;
        return { width: canvas.width, painted };
      });
      expect(chartPixels.width).toBeGreaterThan(600);
      expect(chartPixels.painted).toBeGreaterThan(5000);

      await rows.filter({ hasText: 'Contoso helpdesk' }).click();
      const details = tab.getByRole('dialog', { name: 'Relationship details' });
      expect(await details.textContent()).toMatch(
        /Security groupsTier 1 Support \(Helpdesk Administrator\)[\s\S]*Accepted bya Global admin of Contoso/,
      );
      await details.getByRole('button', { name: 'Assign groups in chat' }).click();
      await poll(() => page.evaluate(() => (globalThis as unknown as { deepLinks: string[] }).deepLinks)).toEqual([
        `https://teams.microsoft.com/l/chat/0/0?users=28:${TAB_APP_ID}&message=assign%20groups`,
      ]);
      await details.getByRole('button', { name: 'Close' }).click();
      await page.mouse.move(0, 0); // no hover highlight in the picture
      await picture(page, 'tab-partner-light');

      await page.evaluate(() => (globalThis as unknown as { changeTheme(t: string): void }).changeTheme('dark'));
      await poll(() => tab.locator('html').getAttribute('data-theme')).toBe('dark');
      await poll(() => rows.count()).toBe(5);
      expect(
        await tab
          .locator('body')
          .evaluate(
            (b) =>
              (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(b).backgroundColor,
          ),
      ).toBe('rgb(31, 31, 31)');
      await picture(page, 'tab-partner-dark');
      const calls = await page.evaluate(() => (globalThis as unknown as { hostCalls: string[] }).hostCalls);
      expect(calls).toEqual(expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken', 'executeDeepLink']));
      await page.close();
    });

    it('outside Teams, says to open it in Teams (production mode: no sign-in, no demo picker)', async () => {
      const page = await browser.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith(running.baseUrl) ? route.continue() : route.abort()));
      await page.goto(`${running.baseUrl}/tab`);
      await poll(() => page.getByRole('alert').textContent()).toMatch(/^Open this page in Microsoft Teams/);
      expect(await page.locator('.banner').count()).toBe(0);
      await page.close();
    });

    it('in local mode outside Teams, offers the demo users under a visible "Local demo" banner', async () => {
      const local = await startTestApp({}, { clock: new MovableClock('2026-02-10T09:00:00.000Z') });
      try {
        const page = await browser.newPage();
        await page.setViewportSize({ width: 1280, height: 420 });
        await page.route('**/*', (route) => (route.request().url().startsWith(local.baseUrl) ? route.continue() : route.abort()));
        await page.goto(`${local.baseUrl}/tab`);
        await poll(() => page.locator('.banner').textContent()).toMatch(/^Local demo/);
        await page.getByLabel('Demo user').selectOption({ label: 'Megan Bowen (Global Administrator)' });
        await poll(() => page.locator('#who').textContent()).toBe('Megan Bowen · Contoso · Global Administrator');
        await poll(() => page.locator('table[aria-label="Partners"] tbody').textContent()).toBe(
          'No partner has a relationship with your organization.',
        );
        await picture(page, 'tab-local-demo');
        await page.close();
      } finally {
        await local.close();
      }
    });

    it('shows a customer Global admin their partners and removes roles only after the confirmation', async () => {
      const page = await openAs(MEGAN);
      await page.setViewportSize({ width: 1280, height: 620 });
      const tab = page.frameLocator('#tab');
      const rows = tab.locator('table[aria-label="Partners"] tbody tr');
      await poll(() => rows.count()).toBe(2);
      expect(await rows.nth(1).textContent()).toMatch(/Litware CSP.*Partner with GDAP access.*Security Reader/);
      const row = await rows.first().textContent();
      expect(row).toMatch(/Woodgrove Partners.*Reseller & delegated administrator.*Partner with GDAP access/);
      expect(row).toContain('accepted by Megan Bowen');
      expect(await tab.getByRole('region', { name: 'Microsoft Customer Agreement' }).textContent()).toMatch(
        /Accepted \(MCA-2024-10\) by Megan Bowen/,
      );
      await picture(page, 'tab-customer-light');

      await page.evaluate(() => (globalThis as unknown as { changeTheme(t: string): void }).changeTheme('dark'));
      await poll(() => tab.locator('html').getAttribute('data-theme')).toBe('dark');
      await poll(() => rows.count()).toBe(2);
      await picture(page, 'tab-customer-dark');

      await tab.getByRole('button', { name: 'Remove roles' }).first().click();
      const confirm = tab.getByRole('dialog', { name: 'Remove roles' });
      expect(await confirm.textContent()).toMatch(
        /Remove Woodgrove Partners' admin roles[\s\S]*What changes[\s\S]*"Contoso helpdesk"[\s\S]*What does not change[\s\S]*The reseller relationship stays/,
      );
      await picture(page, 'tab-customer-remove-roles-dark');
      await confirm.getByRole('button', { name: 'Yes, remove roles' }).click();
      await poll(() => tab.locator('#toast').textContent()).toContain("Woodgrove Partners' admin roles are removed.");
      await poll(() => rows.first().textContent()).toContain('No admin roles');
      expect(await rows.nth(1).textContent()).toContain('Security Reader');
      await page.close();
    });
  },
);
