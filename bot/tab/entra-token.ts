import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Clock } from '#domain/ports/clock.ts';

/** Who a validated token says the caller is: their tenant and Entra object id, nothing else. */
export interface TokenIdentity {
  readonly tenantId: string;
  readonly userId: string;
}

/** A refusal; `unavailable` when Microsoft's signing keys could not be fetched (try again later), not the token's fault. */
export type TokenCheck =
  { readonly ok: true; readonly identity: TokenIdentity } | { readonly ok: false; readonly reason: string; readonly unavailable?: true };

/** The delegated scope the tab's API exposes (Application ID URI `api://<host>/<app id>`, scope `access_as_user`). */
export const TAB_API_SCOPE = 'access_as_user';

/** After the signing keys could not be fetched, how long to answer "unavailable" before trying again. */
export const KEYS_RETRY_AFTER_MS = 30_000;

/** The signing keys could not be fetched (network, timeout, not a key set): a 503, and no refetch for a while. */
class SigningKeysUnavailable extends Error {
  override name = 'SigningKeysUnavailable';
}

export interface EntraTokenSettings {
  readonly appId: string;
  readonly publicHost: string;
  readonly signingKeysUrl: string;
  readonly clock: Clock;
}

/** Validates a bearer token from teams-js SSO; the only way the tab's API learns who is calling in production. */
export type TokenVerifier = (token: string) => Promise<TokenCheck>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const claimsSchema = z.object({
  tid: z.string().regex(GUID),
  oid: z.string().regex(GUID),
  iss: z.string(),
  // Delegated (user) tokens carry the scopes the user consented to; app-only tokens carry `roles` instead.
  scp: z.string().optional(),
  idtyp: z.string().optional(),
});

// Entra lets a few minutes of clock skew pass; a token is valid for about an hour anyway.
const CLOCK_TOLERANCE_SECONDS = 300;

/**
 * Signature from the published keys, then audience and expiry (jose), then an issuer that names the
 * token's own tenant: a multi-tenant app cannot list issuers, but it can insist that `iss` and `tid` agree.
 */
export function createEntraTokenVerifier(settings: EntraTokenSettings, remoteKeys?: JWTVerifyGetKey): TokenVerifier {
  const keys = remembersUnavailability(
    remoteKeys ?? createRemoteJWKSet(new URL(settings.signingKeysUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 }),
    settings.clock,
  );
  // v1 tokens carry the Application ID URI; v2 tokens carry the app id itself. Both name this app and nothing else.
  const audience = [`api://${settings.publicHost}/${settings.appId}`, settings.appId];
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        audience,
        algorithms: ['RS256'],
        currentDate: settings.clock.now(),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
      });
      const claims = claimsSchema.safeParse(payload);
      if (!claims.success) return { ok: false, reason: 'The token does not name a user and tenant.' };
      const { tid, oid, iss, scp, idtyp } = claims.data;
      if (!issuerMatchesTenant(iss, tid)) return { ok: false, reason: 'The token was not issued by Microsoft Entra for its tenant.' };
      if (idtyp === 'app' || !(scp ?? '').split(' ').includes(TAB_API_SCOPE)) {
        return { ok: false, reason: "The token is not a signed-in user's token for this app." };
      }
      return { ok: true, identity: { tenantId: tid.toLowerCase(), userId: oid.toLowerCase() } };
    } catch (error) {
      if (error instanceof SigningKeysUnavailable)
        return { ok: false, reason: 'Sign-in cannot be checked right now; try again in a minute.', unavailable: true };
      return { ok: false, reason: reasonFor(error) };
    }
  };
}

/**
 * The remote key set, except that a failed fetch is remembered: for KEYS_RETRY_AFTER_MS every token is answered
 * "unavailable" at once, instead of each request waiting on (and hammering) a key endpoint that is down.
 * A key set that was fetched but lacks the token's key is the token's problem, and passes through.
 */
function remembersUnavailability(keys: JWTVerifyGetKey, clock: Clock): JWTVerifyGetKey {
  let unavailableUntil = 0;
  return async (header, token) => {
    if (clock.now().getTime() < unavailableUntil) throw new SigningKeysUnavailable();
    try {
      return await keys(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      unavailableUntil = clock.now().getTime() + KEYS_RETRY_AFTER_MS;
      throw new SigningKeysUnavailable();
    }
  };
}

/** True for `https://login.microsoftonline.com/<tid>/v2.0` (v2) and `https://sts.windows.net/<tid>/` (v1). */
export function issuerMatchesTenant(issuer: string, tenantId: string): boolean {
  const tid = tenantId.toLowerCase();
  return (
    issuer.toLowerCase() === `https://login.microsoftonline.com/${tid}/v2.0` || issuer.toLowerCase() === `https://sts.windows.net/${tid}/`
  );
}

// Short and generic on purpose: a caller learns which check failed, never a key, a claim value or a stack.
function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') return 'The token is not meant for this app.';
  if (error instanceof errors.JWTClaimValidationFailed) return 'The token is not valid yet or lacks a required claim.';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey)
    return 'The token signature is not valid.';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError) return 'The token could not be validated.';
  return 'The token could not be validated.';
}
