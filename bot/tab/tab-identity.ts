import type { IncomingHttpHeaders } from 'node:http';
import type { TokenIdentity, TokenVerifier } from './entra-token.ts';

/** The header the local demo page sends: `<tenant id>/<user id>` of a demo directory user. */
export const LOCAL_IDENTITY_HEADER = 'x-partner-access-demo-user';

export type IdentityCheck =
  { readonly ok: true; readonly identity: TokenIdentity } | { readonly ok: false; readonly status: 401 | 503; readonly reason: string };

/** Finds out who calls the tab's API: a validated Entra token in production, the demo picker only in local mode. */
export type IdentifyCaller = (headers: IncomingHttpHeaders) => Promise<IdentityCheck>;

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;
const LOCAL = /^([0-9a-f-]{36})\/([0-9a-f-]{36})$/i;

/** Production mode: only a bearer token that the verifier accepts; the local header is ignored. */
export function identifyByToken(verify: TokenVerifier): IdentifyCaller {
  return async (headers) => {
    const match = BEARER.exec(headers.authorization ?? '');
    if (match?.[1] === undefined) return refuse('Sign-in required: open this tab in Microsoft Teams.');
    const checked = await verify(match[1]);
    if (checked.ok) return checked;
    return checked.unavailable === true ? { ok: false, status: 503, reason: checked.reason } : refuse(checked.reason);
  };
}

/** Local mode (no app id): the demo user the page picked. Never used when an app id is configured. */
export function identifyByLocalHeader(): IdentifyCaller {
  return (headers) => {
    const raw = headers[LOCAL_IDENTITY_HEADER];
    const match = LOCAL.exec(typeof raw === 'string' ? raw.trim() : '');
    if (match?.[1] === undefined || match[2] === undefined) return Promise.resolve(refuse('Pick a demo user first.'));
    return Promise.resolve({ ok: true, identity: { tenantId: match[1].toLowerCase(), userId: match[2].toLowerCase() } });
  };
}

function refuse(reason: string): IdentityCheck {
  return { ok: false, status: 401, reason };
}
