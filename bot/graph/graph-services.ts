import type { GraphSettings } from '../config.ts';
import { GdapApi } from './gdap-api.ts';
import { GraphClient } from './graph-client.ts';
import { GraphDirectory } from './graph-directory.ts';

/** Everything that talks to Microsoft in graph mode, built from the configuration once, at start. */
export interface GraphServices {
  readonly client: GraphClient;
  readonly gdap: GdapApi;
  readonly directory: GraphDirectory;
}

export function createGraphServices(settings: GraphSettings): GraphServices {
  const client = new GraphClient(settings);
  const gdap = new GdapApi(client);
  const directory = new GraphDirectory(client, gdap, { partnerId: settings.partnerId, cacheMs: settings.directoryCacheMs });
  return { client, gdap, directory };
}
