import { isLoopbackHost } from '../config.ts';

/**
 * Where the bot may send replies and notifications: the activity's `serviceUrl` is chosen by whoever sent it, so it is
 * checked on the way in and again before every proactive send. Authenticated: `https` to the Bot Framework and Teams
 * connector hosts only. Local mode: loopback only (Agents Playground, Emulator, tests on this machine). Never other schemes.
 */
export type ServiceUrlMode = 'authenticated' | 'local';

/** The Bot Framework / Teams connector hosts (public cloud, GCC, GCC High, DoD) and their subdomains. */
const CONNECTOR_HOSTS = [
  'smba.trafficmanager.net',
  'botframework.com',
  'botframework.azure.us',
  'teams.microsoft.com',
  'teams.microsoft.us',
];

/** The reason a service URL is refused, or undefined when the bot may call it. */
export function serviceUrlProblem(raw: unknown, mode: ServiceUrlMode): string | undefined {
  if (typeof raw !== 'string' || raw.length > 2048) return 'serviceUrl is missing or too long';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'serviceUrl is not a URL';
  }
  if (url.username !== '' || url.password !== '') return 'serviceUrl must not carry credentials';
  if (mode === 'local') {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'serviceUrl must be http(s)';
    return isLoopbackHost(url.hostname) ? undefined : 'in local mode the bot only talks to this machine (a loopback serviceUrl)';
  }
  if (url.protocol !== 'https:') return 'serviceUrl must be https';
  if (url.port !== '' && url.port !== '443') return 'serviceUrl must use the standard https port';
  const host = url.hostname.toLowerCase();
  const known = CONNECTOR_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
  return known ? undefined : 'serviceUrl is not a Bot Framework or Teams connector';
}
