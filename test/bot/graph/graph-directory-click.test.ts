/**
 * Graph mode: finding who clicked shares the click's one budget. A person read before is served from the cache even
 * past its time (read again in the background, outside the click); a person not read yet gets only what is left of the
 * click's budget, charged to it, then the directory is "unavailable" (the click's plain answer: nothing changed).
 * Time is asserted by the deadlines each Graph call was given, never by the wall clock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '#bot/config.ts';
import { GdapApi } from '#bot/graph/gdap-api.ts';
import type { z } from 'zod';
import { ANSWER_RESERVE_MS, CLICK_DEADLINE_MS, GraphClient, type GraphCallOptions, type GraphRequest } from '#bot/graph/graph-client.ts';
import { GraphDirectory } from '#bot/graph/graph-directory.ts';
import { runWithinBudget } from '#bot/storage/deadline.store.ts';
import { DirectoryUnavailableError } from '#domain/ports/directory.ts';
import { GraphStandIn } from '#test/support/graph-stand-in/graph-stand-in.ts';
import { demoStandInOptions, standInTenantsFromDirectory, TEST_CLIENT_SECRET } from '#test/support/graph-stand-in/stand-in-tenants.ts';

const WOODGROVE = '4f1c2a9e-6b7d-4e21-9a3f-5c8d7e6f1a01';
const ADELE = 'a1e5c7d9-3b2f-4e6a-8c1d-0f9e8d7c6b11';
const BUDGET_MS = 1_500;
const MINUTE = 60_000;

/** The Graph client as the directory uses it, recording what each call was given. */
class WatchedGraphClient extends GraphClient {
  readonly calls: { path: string; deadlineMs: number | undefined; charged: boolean }[] = [];
  override send<T>(tenantId: string, request: GraphRequest<T>, options?: GraphCallOptions) {
    this.#note(request.path, options);
    return super.send(tenantId, request, options);
  }
  override listAll<T>(
    tenantId: string,
    path: string,
    itemSchema: z.ZodType<T>,
    query?: Readonly<Record<string, string>>,
    options?: GraphCallOptions,
  ) {
    this.#note(path, options);
    return super.listAll(tenantId, path, itemSchema, query, options);
  }
  #note(path: string, options: GraphCallOptions | undefined): void {
    this.calls.push({ path, deadlineMs: options?.deadlineMs, charged: options?.charged === true });
  }
}

let stand: GraphStandIn;
let clock = 0;

function directory(): { directory: GraphDirectory; graph: WatchedGraphClient } {
  const config = loadConfig({ ...stand.environment, GRAPH_CLIENT_SECRET: TEST_CLIENT_SECRET, GRAPH_DIRECTORY_CACHE_MINUTES: '5' });
  if (!config.graph) throw new Error('graph settings expected');
  const graph = new WatchedGraphClient(config.graph);
  return { directory: new GraphDirectory(graph, new GdapApi(graph), { cacheMs: config.graph.directoryCacheMs, now: () => clock }), graph };
}

/** A read as a card click makes it: within the click's one budget. */
function inClick<T>(work: () => Promise<T>): Promise<T> {
  return runWithinBudget(BUDGET_MS, work).result;
}

beforeAll(async () => {
  stand = await GraphStandIn.start(demoStandInOptions({ tenants: standInTenantsFromDirectory() }));
});
beforeEach(() => {
  stand.clearFaults();
  clock = 0;
});
afterAll(async () => {
  await stand.close();
});

describe('graph directory: who clicked, within the click', () => {
  it('a person read before is served at once past the cache time; read again in the background, on its own deadline', async () => {
    const { directory: d, graph } = directory();
    const first = await d.findUser(WOODGROVE, ADELE);
    expect(first?.roles.length).toBeGreaterThan(0);
    clock += 6 * MINUTE;
    // Microsoft is slow now: the click does not wait on it.
    stand.fail({ path: /^\/(users|directoryRoles)/ }, { delayMs: 3_000 });
    const calls = graph.calls.length;
    expect(await inClick(() => d.findUser(WOODGROVE, ADELE))).toEqual(first);
    // The read again is not the click's: its own deadline, never charged to the click.
    const again = graph.calls.slice(calls);
    expect(again.length).toBeGreaterThan(0);
    for (const call of again) expect(call, call.path).toMatchObject({ deadlineMs: CLICK_DEADLINE_MS, charged: false });
    // Served once more while that read is under way: no second read started.
    expect(await inClick(() => d.findUser(WOODGROVE, ADELE))).toEqual(first);
    expect(graph.calls.slice(calls).filter((c) => c.path.startsWith('/users/'))).toHaveLength(1);
    // Once read, it is fresh again: no Graph call for the next click.
    stand.clearFaults();
    await expect
      .poll(
        async () => {
          const before = graph.calls.length;
          await d.findUser(WOODGROVE, ADELE);
          return graph.calls.length - before;
        },
        { timeout: 10_000 },
      )
      .toBe(0);
  });

  it('past the cache time, outside a click (the sweep, the tab): read again before answering, as before', async () => {
    const { directory: d, graph } = directory();
    await d.findUser(WOODGROVE, ADELE);
    clock += 6 * MINUTE;
    const calls = graph.calls.length;
    await d.findUser(WOODGROVE, ADELE);
    const again = graph.calls.slice(calls);
    expect(again.some((c) => c.path.startsWith('/users/'))).toBe(true);
    for (const call of again) expect(call.charged).toBe(false);
  });

  it('past the stale limit, a click reads again within its budget', async () => {
    const { directory: d, graph } = directory();
    await d.findUser(WOODGROVE, ADELE);
    clock += 5 * MINUTE + 11 * MINUTE;
    const calls = graph.calls.length;
    await inClick(() => d.findUser(WOODGROVE, ADELE));
    const again = graph.calls.slice(calls);
    expect(again.some((c) => c.path.startsWith('/users/'))).toBe(true);
    for (const call of again) expect(call.charged, call.path).toBe(true);
  });

  it('a person not read yet: only what is left of the click, charged to it; Microsoft slower than that: unavailable', async () => {
    const { directory: d, graph } = directory();
    stand.fail({ path: /^\/users\// }, { delayMs: 3_000 });
    const error = await inClick(() => d.findUser(WOODGROVE, ADELE)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DirectoryUnavailableError);
    expect((error as DirectoryUnavailableError).reason).toBe('unavailable');
    expect(graph.calls.length).toBeGreaterThan(0);
    for (const call of graph.calls) {
      expect(call.charged, call.path).toBe(true);
      expect(call.deadlineMs ?? Infinity, call.path).toBeLessThanOrEqual(BUDGET_MS - ANSWER_RESERVE_MS);
    }
    // Not kept: the next click reads again (and Microsoft answering, finds her).
    stand.clearFaults();
    expect((await inClick(() => d.findUser(WOODGROVE, ADELE)))?.id).toBe(ADELE);
  });
});
