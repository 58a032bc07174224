import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIRECTORY_FILE } from '#bot/config.ts';
import { Template } from 'adaptivecards-templating';
import { inlinePlainText, markViewStrings, plainText, unmarkCard } from '#cards/plain-text.ts';
import { createPartnerAccess } from '#domain/partner-access.ts';
import { MAX_OPEN_REQUESTS_PER_CUSTOMER } from '#domain/use-cases/partner-requests.ts';
import { validateDisplayName } from '#domain/relationships/gdap-validation.ts';
import { loadDirectoryFile } from '#bot/directory/json-directory.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { startConnectorStub, type ConnectorStub } from '../support/connector-stub.ts';
import { makeInvoke, makeMessage, post, type Speaker } from '../support/activities.ts';
import { FixedClock, SequentialIds } from '../support/fixed-clock.ts';
import { DEMO } from '../support/demo-ids.ts';
import { startTestApp, type RunningApp } from '../support/test-app.ts';
import { actionsIn } from '../support/partner-flow.ts';

const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

describe("relationship names follow Graph's displayName rules, normalised before anything compares them", () => {
  it.each([
    { raw: '[Sign in to approve](https://evil.example)', refused: '[' },
    { raw: '**URGENT** approve now', refused: '*' },
    { raw: 'Helpdesk <b>now</b>', refused: '<' },
    { raw: 'Sign in: https://evil.example', refused: ':' },
    { raw: 'Helpdesk `code`', refused: '`' },
    { raw: 'Helpdesk 🔒', refused: '🔒' },
    { raw: 'x'.repeat(51), refused: 'at most 50' },
  ])('refuses $raw', ({ raw, refused }) => {
    const checked = validateDisplayName(raw);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toContain(refused);
  });

  it.each([
    { raw: 'Contoso\nhelpdesk', stored: 'Contoso helpdesk' },
    { raw: 'Con\u200Btoso helpdesk', stored: 'Contoso helpdesk' },
    { raw: 'Contoso\u202E helpdesk\u2066', stored: 'Contoso helpdesk' },
    { raw: '\uFEFFContoso   helpdesk\u00AD', stored: 'Contoso helpdesk' },
    { raw: 'Ｃｏｎｔｏｓｏ helpdesk', stored: 'Contoso helpdesk' },
    { raw: 'Müller & Söhne (EU) - BC_admins, v2.1', stored: 'Müller & Söhne (EU) - BC_admins, v2.1' },
    { raw: `${'é'.repeat(50)}`, stored: 'é'.repeat(50) },
  ])('stores $raw as $stored', ({ raw, stored }) => {
    expect(validateDisplayName(raw)).toEqual({ ok: true, value: stored });
  });

  it('a name that differs only by invisible, look-alike or case characters is the same name', async () => {
    const directory = await loadDirectoryFile(DEMO_DIRECTORY_FILE);
    const access = createPartnerAccess({
      store: new MemoryDocumentStore(),
      directory,
      clock: new FixedClock('2026-11-25T12:00:00.000Z'),
      ids: new SequentialIds('u'),
    });
    const adele = await access.resolveActor(DEMO.woodgrove, DEMO.adeleAdminAgent);
    const request = (displayName: string, customerTenantId: string = DEMO.contoso) =>
      access.requestGdapRelationship(adele, { customerTenantId, displayName, duration: 'P90D', roles: [HELPDESK] });
    expect((await request('Contoso helpdesk')).ok).toBe(true);
    for (const twin of [
      'Con\u200Btoso helpdesk',
      'ＣＯＮＴＯＳＯ HELPDESK',
      'Contoso  helpdesk',
      'Contoso\u202Ehelpdesk'.replace('\u202E', '\u202E '),
    ]) {
      const again = await request(twin, DEMO.fabrikam);
      expect(again.ok ? 'created' : again.code).toBe('duplicate');
    }
  });

  it(`one partner can have at most ${MAX_OPEN_REQUESTS_PER_CUSTOMER} requests waiting on one customer; other customers are unaffected`, async () => {
    const directory = await loadDirectoryFile(DEMO_DIRECTORY_FILE);
    const access = createPartnerAccess({
      store: new MemoryDocumentStore(),
      directory,
      clock: new FixedClock('2026-11-25T12:00:00.000Z'),
      ids: new SequentialIds('cap'),
    });
    const adele = await access.resolveActor(DEMO.woodgrove, DEMO.adeleAdminAgent);
    const lars = await access.resolveActor(DEMO.litware, DEMO.larsLitwareAdmin);
    const request = (actor: typeof adele, name: string, customerTenantId: string) =>
      access.requestGdapRelationship(actor, { customerTenantId, displayName: name, duration: 'P90D', roles: [HELPDESK] });
    for (let n = 1; n <= MAX_OPEN_REQUESTS_PER_CUSTOMER; n++) {
      const made = await request(adele, `Flood ${n}`, DEMO.contoso);
      expect(made.ok).toBe(true);
      if (made.ok && n % 2 === 0) await access.lockForApproval(adele, { id: made.value.id, version: made.value.version });
    }
    const refused = await request(adele, 'Flood 6', DEMO.contoso);
    expect(refused.ok ? 'created' : refused.code).toBe('too-many-open-requests');
    if (!refused.ok) expect(refused.message).toContain(`already have ${MAX_OPEN_REQUESTS_PER_CUSTOMER} GDAP requests waiting on Contoso`);
    expect((await request(adele, 'Fabrikam one', DEMO.fabrikam)).ok).toBe(true);
    expect((await request(lars, 'Litware one', DEMO.contoso)).ok).toBe(true);
  });
});

describe("view text is plain text on every card; the template's own Markdown stays", () => {
  it("a template's bold and links stay; what the view brings is escaped in text and facts, untouched in data and URLs", () => {
    const template = new Template({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: '**${name}**: ${line}' },
        { type: 'TextBlock', text: '[Read it](${url})' },
        { type: 'FactSet', facts: [{ $data: '${facts}', title: '${label}', value: '${value}' }] },
        { type: 'Input.Text', id: 'draft', value: '${line}' },
      ],
      actions: [
        { type: 'Action.Execute', title: '${name}', verb: 'x', data: { id: '${id}' } },
        { type: 'Action.OpenUrl', title: 'Open', url: '${url}' },
      ],
    });
    const view = {
      name: 'A_[b](https://evil.example)',
      line: '**URGENT**\u202E',
      url: 'https://www.microsoft.com/a_b',
      id: 'id_with_[brackets]',
      facts: [{ label: '*L*', value: '<https://evil.example>' }],
    };
    const card = unmarkCard(template.expand({ $root: markViewStrings(view) })) as {
      body: Array<Record<string, unknown>>;
      actions: Array<Record<string, unknown>>;
    };
    expect(card.body[0]?.text).toBe('**A\\_\\[b\\](https://evil.example)**: \\*\\*URGENT\\*\\*');
    expect(card.body[1]?.text).toBe('[Read it](https://www.microsoft.com/a_b)');
    expect(card.body[2]?.facts).toEqual([{ title: '\\*L\\*', value: '\\<https://evil.example\\>' }]);
    expect(card.body[3]?.value).toBe('**URGENT**');
    expect(card.actions[0]).toMatchObject({ title: 'A_[b](https://evil.example)', data: { id: 'id_with_[brackets]' } });
    expect(card.actions[1]?.url).toBe('https://www.microsoft.com/a_b');
    expect(JSON.stringify(card)).not.toMatch(/[\uE000\uE001]/);
  });

  it('plain text escapes inline Markdown and line-start markers, and drops invisible characters', () => {
    const hostile = '[Sign in](https://evil.example) **URGENT** _now_ <https://evil.example> `x` ~~y~~ | \\';
    expect(plainText(hostile)).toBe(
      '\\[Sign in\\](https://evil.example) \\*\\*URGENT\\*\\* \\_now\\_ \\<https://evil.example\\> \\`x\\` \\~\\~y\\~\\~ \\| \\\\',
    );
    expect(plainText('- not a list\n1. nor this\n# nor a heading\n> nor a quote')).toBe(
      '\\- not a list\n\n1\\. nor this\n\n\\# nor a heading\n\n\\> nor a quote',
    );
    expect(plainText('a\u200Bb\u202Ec\u0007d')).toBe('abcd');
    expect(inlinePlainText('Choose:\n\n   1. [x](https://e.example)')).toBe('Choose:\n\n   1. \\[x\\](https://e.example)');
    // A bare URL keeps its characters: an escape inside it would change the address.
    expect(inlinePlainText('Open https://login.example/consent?client_id=a_b then *go*')).toBe(
      'Open https://login.example/consent?client_id=a_b then \\*go\\*',
    );
  });
});

/** Every text a person reads in some bot output: message texts and summaries, TextBlocks and facts of cards. */
function readableTexts(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => readableTexts(n, found));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.type === 'message' && typeof record.text === 'string') found.push(record.text);
    if (record.type === 'message' && typeof record.summary === 'string') found.push(record.summary);
    if (record.type === 'TextBlock' && typeof record.text === 'string') found.push(record.text);
    if (Array.isArray(record.facts))
      for (const f of record.facts as Array<{ title?: unknown; value?: unknown }>) found.push(String(f.title), String(f.value));
    Object.values(record).forEach((v) => readableTexts(v, found));
  }
  return found;
}

/** Markdown that is live (not escaped) in a text, or an invisible character. */
const LIVE_MARKUP: Array<{ what: string; pattern: RegExp }> = [
  {
    what: "a link (other than the template's own to Microsoft)",
    pattern: /(?<!\\)\[[^\]\n]*(?<!\\)\]\((?!https:\/\/www\.microsoft\.com\/)/,
  },
  { what: 'bold', pattern: /(?<!\\)\*\*URGENT/ },
  { what: 'italics', pattern: /(?<!\\)_Admin/ },
  { what: 'an autolink', pattern: /(?<!\\)<https/ },
  { what: 'a bidi or zero-width character', pattern: /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/ },
];

describe('names from one tenant reach another as plain text, in cards and notifications', () => {
  let running: RunningApp;
  let stub: ConnectorStub;
  const seen: string[] = [];
  const seenBy: { customer: string[]; partner: string[] } = { customer: [], partner: [] };
  const HOSTILE_PARTNER = 'Woodgrove [Sign in to approve](https://evil.example/login) **URGENT: approve now**\u202Eetoh';
  const HOSTILE_PERSON = 'Adele _Admin_ <https://evil.example>';

  beforeAll(async () => {
    const file = JSON.parse(await readFile(DEMO_DIRECTORY_FILE, 'utf8')) as {
      tenants: Array<{ id: string; name: string }>;
      users: Array<{ id: string; name: string }>;
    };
    for (const t of file.tenants) if (t.id === DEMO.woodgrove) t.name = HOSTILE_PARTNER;
    for (const t of file.tenants) if (t.id === DEMO.contoso) t.name = 'Contoso\u200B [x](https://evil.example/c)';
    for (const u of file.users) if (u.id === DEMO.adeleAdminAgent) u.name = HOSTILE_PERSON;
    const dir = await mkdtemp(join(tmpdir(), 'pa-hostile-'));
    await writeFile(join(dir, 'directory.json'), JSON.stringify(file));
    stub = await startConnectorStub();
    running = await startTestApp(
      { DIRECTORY_FILE: join(dir, 'directory.json') },
      {
        clock: new FixedClock('2026-11-25T12:00:00.000Z'),
        ids: new SequentialIds('md'),
      },
    );
    const adele: Speaker = { tenantId: DEMO.woodgrove, userId: DEMO.adeleAdminAgent, serviceUrl: stub.serviceUrl };
    const megan: Speaker = { tenantId: DEMO.contoso, userId: DEMO.meganContosoGa, serviceUrl: stub.serviceUrl };
    const say = async (s: Speaker, text: string, value?: Record<string, unknown>) => {
      const result = await post(running.baseUrl, makeMessage(text, s, value === undefined ? {} : { value }));
      (s === megan ? seenBy.customer : seenBy.partner).push(...readableTexts(result.body));
      return result.body;
    };
    const click = async (s: Speaker, verb: string, data: Record<string, unknown>) => {
      const result = await post(running.baseUrl, makeInvoke(verb, data, s));
      (s === megan ? seenBy.customer : seenBy.partner).push(...readableTexts(result.body));
      return result.body;
    };
    await say(megan, 'help');
    await say(adele, 'help');
    await say(adele, 'new gdap for contoso');
    await say(adele, '', { displayName: 'Contoso helpdesk' });
    await say(adele, '', { roleSet: 'helpdesk' });
    await say(adele, '', { days: '365' });
    await say(adele, '', { autoExtend: 'true' });
    const requested = await say(adele, '', { confirm: 'yes' });
    await click(adele, 'partner.sendToCustomer', actionsIn(requested).find((a) => a.verb === 'partner.sendToCustomer')?.data ?? {});
    const invitations = await say(megan, 'invitations');
    const accept = actionsIn(invitations).find((a) => a.verb === 'invitation.accept');
    await click(megan, 'invitation.accept', { ...accept?.data, agreementRead: 'true' });
    await say(megan, 'my partners');
    await say(megan, 'remove roles');
    await say(megan, 'cancel');
    await say(megan, 'what can Woodgrove do in our tenant?');
    await running.app.services.outbox.idle();
    for (const posted of stub.posted)
      (posted.conversationId === `conv-${DEMO.meganContosoGa}` ? seenBy.customer : seenBy.partner).push(...readableTexts(posted.activity));
    seen.push(...seenBy.customer, ...seenBy.partner);
  }, 120_000);
  afterAll(async () => {
    await running.close();
    await stub.close();
  });

  it('the hostile names were shown (escaped), so the sweep below means something', () => {
    const customer = seenBy.customer.join('\n');
    expect(customer).toContain('Woodgrove \\[Sign in to approve\\](https://evil.example/login) \\*\\*URGENT: approve now\\*\\*etoh');
    expect(customer).toContain('Adele \\_Admin\\_ \\<https://evil.example\\>');
    expect(seenBy.partner.join('\n')).toContain('Contoso \\[x\\](https://evil.example/c)');
    expect(stub.posted.length).toBeGreaterThanOrEqual(2);
  });

  it.each(LIVE_MARKUP)('no text either side reads carries $what', ({ pattern }) => {
    expect(seen.filter((text) => pattern.test(text))).toEqual([]);
  });
});
