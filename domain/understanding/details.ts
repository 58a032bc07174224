/**
 * The details a message names (customer, relationship, roles, role set, DAP, duration, auto-extend, group,
 * filter), read from the words with the asker's own names (customers or partners, groups, relationships).
 * Each found phrase is blanked out before the next kind is looked for, so "Fabrikam helpdesk 2026" is a
 * relationship and not also the helpdesk role set.
 */
import { ROLES_CATALOG } from '../roles/roles-catalog.ts';
import { editDistance } from './typos.ts';
import type { AskerSide, Details, IntentName, NameVocabulary, RoleSetId } from './intents.ts';

/** A working copy of the text in which found phrases are blanked out. */
class Text {
  value: string;
  /** What a found phrase becomes: blanks by default, or a placeholder word when masking names. */
  mask: string | undefined;
  constructor(text: string) {
    this.value = ` ${text.toLowerCase().replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ')} `;
  }
  /** Finds the first match and blanks it; returns the match or undefined. */
  take(pattern: RegExp): RegExpExecArray | undefined {
    const found = pattern.exec(this.value);
    if (!found) return undefined;
    const blank = this.mask === undefined ? ' '.repeat(found[0].length) : ` ${this.mask} `;
    this.value = this.value.slice(0, found.index) + blank + this.value.slice(found.index + found[0].length);
    return found;
  }
  test(pattern: RegExp): boolean {
    return pattern.test(this.value);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as a pattern: word boundaries, any spacing or hyphen between words, case-insensitive. */
function phrase(words: string): string {
  return words
    .trim()
    .toLowerCase()
    .split(/[\s-]+/)
    .map(escape)
    .join('[\\s-]*');
}

function bounded(body: string): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${body})(?![a-z0-9])`, 'i');
}

const NEGATION = String.raw`(?:no|not|non|without|leave out|leaving out|left out|minus the|w/o|don'?t|do not|doesn'?t|never|excluding|exclude|except|skip|minus|off|disable|disabled|stop|turn off|switch off|remove|drop|kill|cancel|no more|but no|nothing)`;

// ---- names: customers, partners, groups, relationships ----

interface Named {
  readonly canonical: string;
  readonly forms: readonly string[];
}

function tenantForms(tenant: { name: string; domain: string }): Named {
  const words = tenant.name.toLowerCase().split(/\s+/);
  const forms = new Set([tenant.name.toLowerCase(), tenant.domain.toLowerCase(), tenant.name.toLowerCase().replace(/\s+/g, '')]);
  // "Northwind Traders" is also "northwind"; "Woodgrove Partners" also "woodgrove"; "Litware CSP" also "litware".
  if (words.length > 1 && words[0] !== undefined && words[0].length >= 4) forms.add(words[0]);
  return { canonical: tenant.name, forms: [...forms] };
}

/** One exact form, compiled once: its pattern, and the form without spaces or hyphens (a quick test before the pattern). */
interface ExactForm {
  readonly n: Named;
  readonly squashed: string;
  readonly pattern: RegExp;
  /** Its place in the longest-first order. */
  readonly order: number;
}

/** Letters a form is found by, when it has that many (squashed). */
const WINDOW = 6;

/**
 * Exact forms in the longest-first order, each found by the run of WINDOW letters (squashed) that the fewest forms
 * share (shorter forms by their first three letters): a form can only match where all of its letters stand in the text,
 * so a message is checked against the few forms whose rarest run it holds, not all of them. (By first letters alone,
 * a partner whose 10,000 relationship names all begin with their customer's "Large Customer …" would have every name
 * checked against every message that names a customer.)
 */
class ExactForms {
  readonly #byWindow = new Map<string, ExactForm[]>();
  readonly #byStart = new Map<string, ExactForm[]>();
  readonly #short: ExactForm[] = [];
  constructor(forms: readonly ExactForm[]) {
    const shared = new Map<string, number>();
    const windowsOf = (squashed: string) => {
      const runs = new Set<string>();
      for (let i = 0; i + WINDOW <= squashed.length; i += 1) runs.add(squashed.slice(i, i + WINDOW));
      return runs;
    };
    for (const form of forms) for (const run of windowsOf(form.squashed)) shared.set(run, (shared.get(run) ?? 0) + 1);
    const add = (map: Map<string, ExactForm[]>, key: string, form: ExactForm) => {
      const list = map.get(key) ?? [];
      list.push(form);
      map.set(key, list);
    };
    for (const form of forms) {
      if (form.squashed.length < 3) this.#short.push(form);
      else if (form.squashed.length < WINDOW) add(this.#byStart, form.squashed.slice(0, 3), form);
      else {
        let rarest = '';
        let fewest = Number.POSITIVE_INFINITY;
        for (const run of windowsOf(form.squashed)) {
          const count = shared.get(run) ?? 0;
          if (count < fewest) [rarest, fewest] = [run, count];
        }
        add(this.#byWindow, rarest, form);
      }
    }
  }
  /** The forms that may match in `squashed` text, longest first. */
  candidates(squashed: string): ExactForm[] {
    const found = new Set<ExactForm>(this.#short);
    for (let i = 0; i + 3 <= squashed.length; i += 1) {
      for (const form of this.#byStart.get(squashed.slice(i, i + 3)) ?? []) found.add(form);
      if (i + WINDOW <= squashed.length) for (const form of this.#byWindow.get(squashed.slice(i, i + WINDOW)) ?? []) found.add(form);
    }
    return [...found].sort((a, b) => a.order - b.order);
  }
}

/** A list of names prepared for matching: exact forms longest first, and the one-word forms a misspelling may reach. */
interface PreparedNames {
  readonly exact: ExactForms;
  readonly fuzzy: readonly { readonly n: Named; readonly form: string; readonly limit: number }[];
}

function squash(text: string): string {
  return text.replace(/[\s-]+/g, '');
}

function prepareNames(names: readonly Named[]): PreparedNames {
  const exact = names
    .flatMap((n) => n.forms.map((form) => ({ n, form })))
    .sort((a, b) => b.form.length - a.form.length)
    .map(({ n, form }, order) => ({ n, squashed: squash(form), pattern: bounded(`${phrase(form)}(?:'s)?`), order }));
  const fuzzy = names.flatMap((n) =>
    n.forms
      .filter((form) => !form.includes(' ') && !form.includes('.'))
      .map((form) => ({ n, form, limit: form.length >= 7 ? 2 : form.length >= 5 ? 1 : 0 }))
      .filter((f) => f.limit > 0),
  );
  return { exact: new ExactForms(exact), fuzzy };
}

/**
 * Prepared lists kept between messages: the vocabulary is the same from one message to the next (a directory of
 * 2,000 customers and 10,000 relationship names would otherwise be compiled into patterns on every message).
 * A few lists are kept (a partner's and a customer's vocabularies alternate); a list is the same when its items are.
 */
class PreparedCache<T, P> {
  readonly #entries: { source: readonly T[]; items: readonly T[]; prepared: P }[] = [];
  readonly #same: (a: T, b: T) => boolean;
  readonly #prepare: (items: readonly T[]) => P;
  constructor(same: (a: T, b: T) => boolean, prepare: (items: readonly T[]) => P) {
    this.#same = same;
    this.#prepare = prepare;
  }
  get(items: readonly T[]): P {
    // The same list as last time (a caller that keeps its list between messages) is known without comparing its items.
    const found =
      this.#entries.find((e) => e.source === items && e.items.length === items.length) ??
      this.#entries.find((e) => e.items.length === items.length && e.items.every((item, i) => this.#same(item, items[i] as T)));
    if (found !== undefined) return found.prepared;
    const prepared = this.#prepare(items);
    this.#entries.unshift({ source: items, items: [...items], prepared });
    if (this.#entries.length > 16) this.#entries.pop();
    return prepared;
  }
}

type TenantName = { readonly name: string; readonly domain: string };
const tenantNames = new PreparedCache<TenantName, PreparedNames>(
  (a, b) => a === b || (a.name === b.name && a.domain === b.domain),
  (tenants) => prepareNames(tenants.map(tenantForms)),
);
const groupLists = new PreparedCache<string, PreparedNames>(
  (a, b) => a === b,
  (groups) => prepareNames(groupNames(groups)),
);

/** Finds a name: exact forms first (longest first), then (when `fuzzy`) one word close to a one-word form. */
function takeName(text: Text, names: PreparedNames, fuzzy = true): string | undefined {
  const squashed = squash(text.value);
  for (const { n, squashed: form, pattern } of names.exact.candidates(squashed)) {
    // A form can only match where its letters stand together once spaces and hyphens are gone.
    if (squashed.includes(form) && text.take(pattern)) return n.canonical;
  }
  if (!fuzzy) return undefined;
  const words = [...text.value.matchAll(/[a-z][a-z0-9-]{3,}/g)];
  for (const word of words) {
    const token = word[0].replace(/'s$/, '');
    for (const { n, form, limit } of names.fuzzy) {
      if (Math.abs(form.length - token.length) <= limit && editDistance(token, form, limit) <= limit) {
        text.take(bounded(escape(word[0])));
        return n.canonical;
      }
    }
  }
  return undefined;
}

const GROUP_ALIASES: Readonly<Record<string, readonly string[]>> = {
  'tier 1 support': ['tier 1', 'tier one', 'tier one support', 't1 support', 'tier1', 'first line support', 'tier-1'],
  'business central consultants': ['bc consultants', 'business central consultant', 'bc consultant', 'bc consultants group'],
  adminagents: ['admin agents', 'admin agent group', 'admin agents group'],
  helpdeskagents: ['helpdesk agents', 'help desk agents', 'helpdesk agent group', 'helpdesk group', 'help desk group'],
  salesagents: ['sales agents', 'sales agent group', 'sales group'],
};

function groupNames(groups: readonly string[]): Named[] {
  return groups.map((g) => ({ canonical: g, forms: [g.toLowerCase(), ...(GROUP_ALIASES[g.toLowerCase()] ?? [])] }));
}

/** Relationship names longest first, each compiled once (see PreparedCache and ExactForms). */
const relationshipLists = new PreparedCache<string, ExactForms>(
  (a, b) => a === b,
  (names) =>
    new ExactForms(
      [...names]
        .sort((a, b) => b.length - a.length)
        .map((name, order) => ({
          n: { canonical: name, forms: [name] },
          squashed: squash(name.toLowerCase()),
          pattern: bounded(phrase(name)),
          order,
        })),
    ),
);

function takeRelationship(text: Text, original: string, relationships: readonly string[]): string | undefined {
  const squashed = squash(text.value);
  for (const { n, squashed: form, pattern } of relationshipLists.get(relationships).candidates(squashed)) {
    if (squashed.includes(form) && text.take(pattern)) return n.canonical;
  }
  const quoted = /"([^"]{3,60})"/.exec(original.replace(/[“”]/g, '"'));
  if (quoted?.[1] !== undefined) {
    text.take(bounded(phrase(quoted[1])));
    return quoted[1].trim();
  }
  const called =
    /\brelationship\s+(?:called|named)\s+([\w][\w .&-]{1,50}?)(?=\s*(?:[,.;!?]|$|\s+(?:to|and|for|with|so|please|pls)\b))/i.exec(original);
  if (called?.[1] !== undefined) {
    text.take(bounded(phrase(called[1])));
    return called[1].trim();
  }
  return undefined;
}

// ---- roles and role sets ----

const ROLE_SET_WORDS: readonly (readonly [RoleSetId, string])[] = [
  ['business-central-support', String.raw`dynamics 365 business central|d365 bc|business[\s-]*central|bc|nav`],
  ['exchange-support', String.raw`exchange online|exchange|mailbox(?:es)?|mail ?flow|e-?mail|exo`],
  ['helpdesk', String.raw`help[\s-]*desk|support desk|first[\s-]line support|password resets?|reset(?:ting)? passwords`],
  ['licensing', String.raw`licen[cs](?:ing|es?)|license management`],
  ['security-monitoring', String.raw`security monitoring|monitor(?:ing)? security|security alerts|security`],
  ['user-management', String.raw`user management|manag(?:e|ing) users|users? and groups|user admin stuff|user accounts`],
  ['teams-support', String.raw`teams support|ms teams|microsoft teams|teams`],
  ['device-management', String.raw`device management|manag(?:e|ing) devices|devices|intune|endpoint management|endpoints`],
];

const ROLE_SUFFIX = String.raw`(?:administrator|admin|adm)s?`;

// Single words too loose to stand for a role on their own (a role set or other words take them).
const LOOSE_ALIASES = new Set([
  'global',
  'license',
  'licence',
  'licensing',
  'licenses',
  'exchange',
  'teams',
  'intune',
  'helpdesk',
  'help desk',
  'support desk',
  'groups',
  'reports',
  'bc',
  'business central',
  'security monitoring',
  'user management',
  'readonly',
  'invoices',
  'payments',
  'dynamics',
  'compliance',
  'exo',
  'soc',
  'password reset',
  'support tickets',
  'audit logs',
  'sign-in logs',
  'enterprise apps',
  'read directory',
  'conditional access',
  'power platform',
  'message center',
  'gr',
  'sharepoint',
  'd365 bc',
  'service support',
  'user account administrator',
]);

interface RoleForm {
  readonly name: string;
  readonly pattern: RegExp;
  readonly length: number;
}

const ROLE_FORMS: readonly RoleForm[] = (() => {
  const forms: RoleForm[] = [];
  for (const role of ROLES_CATALOG) {
    const texts = new Set<string>([role.name.toLowerCase()]);
    if (/ administrator$/i.test(role.name)) texts.add(role.name.toLowerCase().replace(/ administrator$/, ' admin'));
    for (const alias of role.aliases) if (!LOOSE_ALIASES.has(alias.toLowerCase())) texts.add(alias.toLowerCase());
    for (const text of texts) {
      const body =
        / admin$/.test(text) || / administrator$/.test(text)
          ? `${phrase(text.replace(/ (admin|administrator)$/, ''))}[\\s-]*${ROLE_SUFFIX}`
          : phrase(text);
      forms.push({ name: role.name, pattern: bounded(body), length: text.length });
    }
  }
  // Workloads named with "admin" are that workload's role: "bc admin", "exchange admin", "teams admin".
  forms.push({ name: 'Billing Administrator', pattern: bounded('billing'), length: 7 });
  forms.push({ name: 'SharePoint Administrator', pattern: bounded('sharepoint'), length: 10 });
  forms.push({ name: 'Compliance Administrator', pattern: bounded('compliance'), length: 10 });
  forms.push({ name: 'Power Platform Administrator', pattern: bounded(String.raw`power[\s-]*platform`), length: 14 });
  forms.push({ name: 'Message Center Reader', pattern: bounded(String.raw`message cent(?:er|re)`), length: 14 });
  forms.push({ name: 'Conditional Access Administrator', pattern: bounded('conditional access'), length: 18 });
  forms.push({ name: 'Dynamics 365 Administrator', pattern: bounded(String.raw`dynamics(?: 365)?(?! business)`), length: 8 });
  forms.push({ name: 'Service Support Administrator', pattern: bounded(String.raw`service support`), length: 15 });
  forms.push({ name: 'Global Reader', pattern: bounded(String.raw`read[\s-]*only(?: access)?`), length: 9 });
  return forms.sort((a, b) => b.length - a.length);
})();

function negatedBefore(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 24), index);
  return new RegExp(`(?:${NEGATION})\\s+(?:the\\s+|any\\s+|a\\s+)?(?:[a-z]+\\s+)?$`, 'i').test(before);
}

function takeRoles(text: Text): string[] {
  const roles: string[] = [];
  for (const form of ROLE_FORMS) {
    const global = new RegExp(form.pattern.source, 'gi');
    let found: RegExpExecArray | null;
    while ((found = global.exec(text.value)) !== null) {
      const negated = negatedBefore(text.value, found.index);
      text.value = text.value.slice(0, found.index) + ' '.repeat(found[0].length) + text.value.slice(found.index + found[0].length);
      if (!negated && !roles.includes(form.name)) roles.push(form.name);
    }
  }
  return roles;
}

function takeRoleSet(text: Text): RoleSetId | undefined {
  for (const [id, body] of ROLE_SET_WORDS) {
    if (text.take(bounded(body))) return id;
  }
  return undefined;
}

// ---- durations, yes/no details ----

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  another: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  'twenty-four': 24,
  'twenty four': 24,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};

const NUMBER_WORD = String.raw`a|an|another|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty[\s-]four|thirty|sixty|ninety`;
const UNIT = String.raw`days?|weeks?|wks?|months?|mos?|mths?|years?|yrs?`;

function takeDuration(text: Text): number | undefined {
  if (text.take(bounded(String.raw`half a year|six-month|6-month`))) return 180;
  if (
    text.take(
      bounded(String.raw`(?:the )?max(?:imum)?(?: duration| length| term| time)?|as long as (?:possible|allowed)|longest(?: possible)?`),
    )
  )
    return 730;
  const found = text.take(bounded(String.raw`(\d{1,3})\s*(${UNIT}|d|y)`)) ?? text.take(bounded(`(${NUMBER_WORD})[\\s-]+(${UNIT})`));
  if (!found?.[1] || !found[2]) return undefined;
  const amount = /^\d+$/.test(found[1]) ? Number(found[1]) : (NUMBER_WORDS[found[1].replace(/-/, ' ')] ?? 0);
  const unit = found[2];
  if (/^d/.test(unit)) return amount;
  if (/^w/.test(unit)) return amount * 7;
  if (/^m/.test(unit)) return amount % 12 === 0 ? (amount / 12) * 365 : amount * 30;
  return amount * 365;
}

const AUTO_EXTEND = String.raw`auto[\s-]*(?:extend(?:s|ed|ing)?|extensions?|extention|renew(?:s|al|ing)?|ext)|autoextend\w*|autorenew\w*|extend(?:s|ing)? (?:itself )?automatically|renew(?:s|ing)? (?:itself )?automatically|automatic(?:ally)? (?:extension|renewal)`;

function takeAutoExtend(text: Text): boolean | undefined {
  const found = text.take(bounded(AUTO_EXTEND));
  if (!found) return undefined;
  const before = text.value.slice(Math.max(0, found.index - 30), found.index);
  const after = text.value.slice(found.index + found[0].length, found.index + found[0].length + 20);
  if (
    /\b(?:no|not|without|w\/o|don'?t|do not|never|disable|turn(?:ing)? (?:it )?off|switch(?:ing)? off|stop|cancel|kill|remove|drop|no more|deactivate|off)\s+(?:the\s+|any\s+|an?\s+|to\s+)?(?:[a-z]+\s+)?$/.test(
      before,
    )
  )
    return false;
  if (/^\s*(?:off|disabled|no|false|0)\b/.test(after) || /^\s*(?::|=|-)\s*(?:off|no|false)\b/.test(after)) return false;
  return true;
}

const DAP = String.raw`dap|delegated admin(?:istrat(?:ion|or|ive))?(?: (?:privileges?|rights|permissions|access|roles?))?|admin(?:istrat(?:ive|or))? (?:rights|privileges?|permissions|access|roles)|aobo`;

function takeDap(text: Text): boolean | undefined {
  if (text.take(bounded(String.raw`(?:just|only) (?:a |the )?reseller|reseller[\s-]only|plain reseller|only resell`))) return false;
  const found = text.take(bounded(DAP));
  if (!found) return undefined;
  const before = text.value.slice(Math.max(0, found.index - 30), found.index);
  if (
    new RegExp(
      `\\b${NEGATION}\\s+(?:the\\s+|any\\s+|an?\\s+|include\\s+|including\\s+|giving\\s+|give\\s+|us\\s+|me\\s+)*(?:[a-z]+\\s+)?$`,
    ).test(before)
  )
    return false;
  return true;
}

function takeFilter(text: Text): 'expiring' | 'pending' | undefined {
  if (
    text.take(
      bounded(
        String.raw`expir\w*|ending soon|end(?:ing|s)? soon|about to (?:end|expire|run out)|run(?:s|ning)? out|due to end|close to (?:the )?end|renewals? due|lapsing`,
      ),
    )
  )
    return 'expiring';
  if (
    text.take(
      bounded(
        String.raw`pending|waiting|awaiting|not (?:yet )?(?:approved|accepted)|unapproved|outstanding|open requests|in approval|haven'?t (?:approved|accepted)`,
      ),
    )
  )
    return 'pending';
  return undefined;
}

const GLOBAL_ADMIN = String.raw`global[\s-]*admin(?:istrator)?s?|\bga\b|global`;

function takeRemoveGlobalAdmin(text: Text): boolean {
  const pattern = new RegExp(
    `(?:remove|drop|take (?:off|out|away)|strip|get rid of|delete|revoke|pull|without|no more|ditch)\\s+(?:the\\s+)?(?:[a-z]+\\s+){0,3}?(?:${GLOBAL_ADMIN})`,
    'i',
  );
  const found = text.take(pattern);
  if (found) return true;
  const reverse = new RegExp(`(?:${GLOBAL_ADMIN})\\s+(?:role\\s+)?(?:removed|dropped|gone|off|out)`, 'i');
  if (text.take(reverse) !== undefined) return true;
  // "…global administrator in the contoso relationship anymore, take it out": named first, then taken out as "it".
  const named = new RegExp(
    `(?:${GLOBAL_ADMIN})(?:\\s+\\S+){0,10}?\\s+(?:take|remove|drop|strip|pull|get rid of)\\s+(?:it|that|this)\\b`,
    'i',
  );
  return text.take(named) !== undefined;
}

/**
 * The text with the names it uses replaced by what they are ("invite contoso.com" → "invite customer"), so the
 * classifier learns from the words around names, not from the names, and works for any tenant in the directory.
 */
export function maskNames(original: string, side: AskerSide, names: NameVocabulary): string {
  const text = new Text(original);
  // The side's own kind of tenant first (a close misspelling goes to it), then the other kind, by exact name only.
  const own = tenantNames.get(side === 'partner' ? names.customers : names.partners);
  const other = tenantNames.get(side === 'partner' ? names.partners : names.customers);
  const groups = groupLists.get(names.groups);
  for (let i = 0; i < 3; i += 1) {
    text.mask = 'xrelationship';
    takeRelationship(text, '', names.relationships);
    text.mask = 'xgroup';
    takeName(text, groups);
    text.mask = side === 'partner' ? 'xcustomer' : 'xpartner';
    takeName(text, own);
    text.mask = side === 'partner' ? 'xpartner' : 'xcustomer';
    takeName(text, other, false);
  }
  return text.value.replace(/\s+/g, ' ').trim();
}

// ---- all together ----

// Questions keep only the names they mention (customer, partner, group): the helpdesk reads the rest itself.
const ROLE_INTENTS: readonly IntentName[] = ['requestGdap', 'addRole', 'renewRelationship', 'assignGroups', 'manageRelationship'];
const GROUP_INTENTS: readonly IntentName[] = ['assignGroups', 'question'];
const TERM_INTENTS: readonly IntentName[] = ['requestGdap', 'renewRelationship', 'manageRelationship'];
const ROLE_SET_INTENTS: readonly IntentName[] = ['requestGdap', 'addRole', 'renewRelationship'];

/**
 * The details of a message for an intent. `original` keeps dots, quotes and case; `corrected` is the text after
 * typo correction (command words such as "auto extnd" fixed).
 */
export function extractDetails(original: string, corrected: string, intent: IntentName, side: AskerSide, names: NameVocabulary): Details {
  const details: Details = {};
  const text = new Text(original);
  const relationship = takeRelationship(text, original, names.relationships);
  if (relationship !== undefined) details.relationship = relationship;
  if (side === 'partner') {
    // A group is a detail of assigning (or asking about) it; elsewhere "tier 1" is only who will use the access.
    const group = takeName(text, groupLists.get(names.groups));
    if (group !== undefined && GROUP_INTENTS.includes(intent)) details.group = group;
    const customer = takeName(text, tenantNames.get(names.customers));
    if (customer !== undefined && !(relationship !== undefined && relationship.toLowerCase().includes(customer.toLowerCase())))
      details.customer = customer;
  } else {
    const partner = takeName(text, tenantNames.get(names.partners));
    if (partner !== undefined) details.partner = partner;
  }
  // Keywords may be misspelt ("auto extnd"): what the original words do not say is also read in the corrected words.
  const keywords = text;
  if (intent === 'manageRelationship' && takeRemoveGlobalAdmin(keywords)) details.removeGlobalAdmin = true;
  if (TERM_INTENTS.includes(intent)) {
    const duration = takeDuration(keywords);
    if (duration !== undefined && duration > 0) details.durationDays = duration;
    const autoExtend = takeAutoExtend(keywords) ?? takeAutoExtend(new Text(corrected));
    if (autoExtend !== undefined) details.autoExtend = autoExtend;
  }
  if (intent === 'inviteCustomer') {
    const dap = takeDap(keywords);
    if (dap !== undefined) details.dap = dap;
  }
  if (intent === 'myCustomers') {
    const filter = takeFilter(keywords);
    if (filter !== undefined) details.filter = filter;
  }
  if (ROLE_INTENTS.includes(intent)) {
    const roles = takeRoles(keywords);
    if (roles.length > 0) details.roles = roles;
    if (ROLE_SET_INTENTS.includes(intent) && roles.length === 0) {
      const roleSet = takeRoleSet(keywords);
      if (roleSet !== undefined) details.roleSet = roleSet;
    }
  }
  return details;
}

/** The catalog roles a phrase names ("helpdesk admin and global reader"), by names, abbreviations and aliases. */
export function rolesNamedIn(words: string): string[] {
  return takeRoles(new Text(words));
}

// Words that carry no request of their own around details ("helpdesk admin and password admin, please").
const FILLER = new Set(
  'a an the and or also plus with for at in on of to as just only please pls plz thanks role roles group groups admin admins administrator administrators all both same too it that this one is'.split(
    ' ',
  ),
);

// Words that point at a relationship without naming it ("renew it", "manage the relationship", "our gdap").
const POINTING = new Set('relationship relationships gdap dap one ones my our their them its'.split(' '));

/**
 * True when the words name no relationship or customer at all: only filler, pointing words and details that are not
 * names ("the relationship", "it for 6 months"), as a command's words may be ("renew it for 6 months").
 */
export function namesNothing(original: string): boolean {
  const text = new Text(original);
  takeRoles(text);
  takeDuration(text);
  takeAutoExtend(text);
  takeDap(text);
  takeFilter(text);
  return text.value
    .replace(/[^a-z0-9' ]/g, ' ')
    .split(/\s+/)
    .every((w) => w === '' || FILLER.has(w) || POINTING.has(w));
}

/**
 * True when the words are only details (names, roles, role sets, durations, auto-extend, DAP, a filter) and filler:
 * the answer to a question a flow asked ("fabrikam", "helpdesk admin and password admin", "6 months"), never a new request.
 */
export function isOnlyDetails(original: string, side: AskerSide, names: NameVocabulary): boolean {
  const text = new Text(original);
  takeRelationship(text, original, names.relationships);
  takeName(text, groupLists.get(names.groups));
  takeName(text, tenantNames.get(side === 'partner' ? names.customers : names.partners));
  takeName(text, tenantNames.get(side === 'partner' ? names.partners : names.customers), false);
  takeRoles(text);
  takeRoleSet(text);
  takeDuration(text);
  takeAutoExtend(text);
  takeDap(text);
  takeFilter(text);
  const rest = text.value
    .replace(/[^a-z0-9' ]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !FILLER.has(w));
  return rest.length <= 1;
}
