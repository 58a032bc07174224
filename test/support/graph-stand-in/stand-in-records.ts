/**
 * GDAP records in graph mode over the Microsoft Graph stand-in, configured exactly as a deployment is (from the
 * environment, pointing at the stand-in's https endpoints), on a recording store: what the graph-mode tests build on.
 */
import pino from 'pino';
import { loadConfig, type GraphSettings } from '#bot/config.ts';
import { GdapApi } from '#bot/graph/gdap-api.ts';
import { createGraphGdapRecords } from '#bot/graph/graph-gdap-records.ts';
import { GraphClient } from '#bot/graph/graph-client.ts';
import type { Clock } from '#domain/ports/clock.ts';
import { createGdapRelationshipRepository } from '#domain/relationships/relationship.repository.ts';
import { RecordingDocumentStore } from '../recording-store.ts';
import type { GraphStandIn } from './graph-stand-in.ts';
import { TEST_CLIENT_SECRET } from './stand-in-tenants.ts';

export function graphRecordsOnStandIn(
  stand: GraphStandIn,
  { clock, clickBudgetMs }: { readonly clock: Clock; readonly clickBudgetMs?: number },
) {
  const config = loadConfig({ ...stand.environment, GRAPH_CLIENT_SECRET: TEST_CLIENT_SECRET, LOG_LEVEL: 'silent' });
  if (config.graph === undefined) throw new Error('graph settings expected');
  const graph: GraphSettings = config.graph;
  const api = new GdapApi(new GraphClient(graph));
  const store = new RecordingDocumentStore();
  const repository = createGdapRelationshipRepository(store);
  const records = createGraphGdapRecords({
    api,
    repository,
    store,
    clock,
    logger: pino({ level: 'silent' }),
    ...(clickBudgetMs === undefined ? {} : { clickBudgetMs }),
  });
  return { graph, api, store, repository, records };
}
