/**
 * Scoring the understanding step on an utterance set (the format of eval/heldout/nlu.heldout.json), shared by
 * npm run eval:nlu and the floor test. The names a message may use are those the set's writers were given
 * (eval/nlu-schema.md): the demo tenants, Woodgrove's security groups, and three relationships.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { INTENTS, type AskerSide, type Details, type NameVocabulary } from '#domain/understanding/intents.ts';
import { routeOf } from '#domain/understanding/route.ts';
import type { UnderstandingEngine } from '#domain/understanding/understand.ts';

const Case = z.object({
  id: z.string(),
  asker: z.enum(['partner-admin', 'partner-sales', 'partner-helpdesk', 'customer-global', 'customer-billing']),
  text: z.string().min(1),
  intent: z.enum(INTENTS),
  details: z.record(z.string(), z.unknown()),
});
const NluSet = z.object({ description: z.string(), cases: z.array(Case) });
export type NluCase = z.infer<typeof Case>;

export function loadNluSet(path: string): NluCase[] {
  return NluSet.parse(JSON.parse(readFileSync(path, 'utf8'))).cases;
}

export const SCHEMA_NAMES: NameVocabulary = {
  customers: [
    { name: 'Contoso', domain: 'contoso.com' },
    { name: 'Fabrikam', domain: 'fabrikam.com' },
    { name: 'Northwind Traders', domain: 'northwindtraders.com' },
  ],
  partners: [
    { name: 'Woodgrove Partners', domain: 'woodgrovepartners.com' },
    { name: 'Litware CSP', domain: 'litwarecsp.com' },
  ],
  groups: ['Tier 1 Support', 'Business Central Consultants', 'AdminAgents', 'HelpdeskAgents', 'SalesAgents'],
  relationships: ['Contoso BC support', 'Fabrikam helpdesk 2026', 'Northwind security'],
};

export function sideOf(asker: NluCase['asker']): AskerSide {
  return asker.startsWith('partner') ? 'partner' : 'customer';
}

function same(key: string, expected: unknown, actual: unknown): boolean {
  if (key === 'relationship' && typeof expected === 'string' && typeof actual === 'string')
    return expected.trim().toLowerCase() === actual.trim().toLowerCase();
  if (Array.isArray(expected) && Array.isArray(actual))
    return expected.length === actual.length && expected.every((e) => actual.includes(e));
  return expected === actual;
}

export interface NluScore {
  readonly total: number;
  readonly intentRight: number;
  readonly detailsRight: number;
  readonly fieldsRight: number;
  readonly fieldsTotal: number;
  readonly taskMessages: number;
  /** Messages whose intent is a task that could end at a bare helpdesk refusal (no task offered even as a fallback). */
  readonly tasksDeadEnded: number;
  /** Messages whose intent is a task that is neither started nor offered as a button (even as a fallback). */
  readonly tasksNotOffered: number;
  readonly misses: readonly string[];
}

export async function scoreNluSet(engine: UnderstandingEngine, cases: readonly NluCase[]): Promise<NluScore> {
  let intentRight = 0,
    detailsRight = 0,
    fieldsRight = 0,
    fieldsTotal = 0,
    taskMessages = 0,
    tasksDeadEnded = 0,
    tasksNotOffered = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const got = await engine.understand({ text: c.text, side: sideOf(c.asker), names: SCHEMA_NAMES });
    const details: Details = got.details;
    const actual = details as Record<string, unknown>;
    const keys = new Set([...Object.keys(c.details), ...Object.keys(actual)]);
    let allSame = true;
    for (const key of keys) {
      fieldsTotal += 1;
      if (same(key, c.details[key], actual[key])) fieldsRight += 1;
      else allSame = false;
    }
    if (got.intent === c.intent) intentRight += 1;
    if (allSame) detailsRight += 1;
    const route = routeOf(got);
    if (!['question', 'help', 'chitchat'].includes(c.intent)) {
      taskMessages += 1;
      if (route.kind === 'question' && route.fallback.length === 0) tasksDeadEnded += 1;
      const reachable =
        route.kind === 'task' ? [route.intent] : route.kind === 'offer' ? route.tasks : route.kind === 'question' ? route.fallback : [];
      if (!(reachable as readonly string[]).includes(c.intent)) tasksNotOffered += 1;
    }
    if (got.intent !== c.intent || !allSame) {
      misses.push(
        `${c.id} [${c.asker}] "${c.text}" → ${got.intent} ${got.confidence.toFixed(2)} ${JSON.stringify(details)}` +
          `${got.intent === c.intent ? '' : ` (want ${c.intent})`}${allSame ? '' : ` (want ${JSON.stringify(c.details)})`}`,
      );
    }
  }
  return {
    total: cases.length,
    intentRight,
    detailsRight,
    fieldsRight,
    fieldsTotal,
    taskMessages,
    tasksDeadEnded,
    tasksNotOffered,
    misses,
  };
}
