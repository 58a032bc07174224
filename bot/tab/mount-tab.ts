import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Directory } from '#domain/ports/directory.ts';
import { notifyPartnerOfRolesRemoved } from '../notifications/notify-partner.ts';
import { announceChange } from '../notifications/announce-change.ts';
import type { BotServices } from '../services.ts';
import { createEntraTokenVerifier } from './entra-token.ts';
import { identifyByLocalHeader, identifyByToken } from './tab-identity.ts';
import { mountTabApi } from './tab-api.ts';
import type { DemoUser, TabConfig } from './tab-contract.ts';
import { mountTabPage } from './tab-static.ts';

export interface TabDeps {
  readonly config: Config;
  readonly services: BotServices;
  readonly logger: Logger;
}

/**
 * The tab's routes. With an app id, callers are known only by a validated Entra token; without one
 * (local mode) the page's demo picker names them, and that header is accepted in that mode only.
 */
export function tabRoutes(deps: TabDeps): (server: Server) => void {
  const auth = deps.config.auth;
  const { services } = deps;
  const identify = auth
    ? identifyByToken(
        createEntraTokenVerifier({
          appId: auth.appId,
          publicHost: deps.config.publicHost,
          signingKeysUrl: deps.config.signingKeysUrl,
          clock: services.clock,
        }),
      )
    : identifyByLocalHeader();
  const pageConfig = async (): Promise<TabConfig> => ({
    mode: auth ? 'entra' : 'local',
    botAppId: auth?.appId ?? null,
    botName: deps.config.botName,
    demoUsers: auth ? [] : await demoUsers(services.directory),
  });
  return (server) => {
    mountTabPage(server);
    mountTabApi(server, {
      domain: services.domain,
      directory: services.directory,
      clock: services.clock,
      identify,
      pageConfig,
      logger: deps.logger,
      notifyRolesRemoved: (outcome, customer) => notifyPartnerOfRolesRemoved(services, outcome, customer),
      announce: (change) => announceChange(services, change),
    });
  };
}

async function demoUsers(directory: Directory): Promise<DemoUser[]> {
  const users: DemoUser[] = [];
  for (const tenant of await directory.listTenants()) {
    const groups = await directory.listGroups(tenant.id);
    for (const user of await directory.listUsers(tenant.id)) {
      const roles =
        tenant.partnerId !== undefined
          ? groups
              .filter((g) => g.members.includes(user.id) && /^(Admin|Sales|Helpdesk)Agents$/.test(g.name))
              .map((g) => g.name.replace(/Agents$/, ' agent'))
          : user.roles;
      users.push({ tenantId: tenant.id, userId: user.id, name: user.name, tenantName: tenant.name, roles: roles.join(', ') || 'no role' });
    }
  }
  return users;
}
