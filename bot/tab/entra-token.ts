import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Clock } from '../../domain/ports/clock.ts';

/** Who a validated token says the caller is: their tenant and Entra object id, nothing else. */
export interface TokenIdentity {
  readonly tenantId: string;
  readonly userId: string;
}

export type TokenCheck = { readonly ok: true; readonly identity: TokenIdentity } | { readonly ok: false; readonly reason: string };

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
});

// Entra lets a few minutes of clock skew pass; a token is valid for about an hour anyway.
const CLOCK_TOLERANCE_SECONDS = 300;

/**
 * Signature from the published keys, then audience and expiry (jose), then an issuer that names the
 * token's own tenant: a multi-tenant app cannot list issuers, but it can insist that `iss` and `tid` agree.
 */
export function createEntraTokenVerifier(settings: EntraTokenSettings): TokenVerifier {
  const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(settings.signingKeysUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 });
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
      const { tid, oid, iss } = claims.data;
      if (!issuerMatchesTenant(iss, tid)) return { ok: false, reason: 'The token was not issued by Microsoft Entra for its tenant.' };
      return { ok: true, identity: { tenantId: tid.toLowerCase(), userId: oid.toLowerCase() } };
    } catch (error) {
      return { ok: false, reason: reasonFor(error) };
    }
  };
}

/** True for `https://login.microsoftonline.com/<tid>/v2.0` (v2) and `https://sts.windows.net/<tid>/` (v1). */
export function issuerMatchesTenant(issuer: string, tenantId: string): boolean {
  const tid = tenantId.toLowerCase();
  return issuer.toLowerCase() === `https://login.microsoftonline.com/${tid}/v2.0` || issuer.toLowerCase() === `https://sts.windows.net/${tid}/`;
}

// Short and generic on purpose: a caller learns which check failed, never a key, a claim value or a stack.
function reasonFor(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') return 'The token is not meant for this app.';
  if (error instanceof errors.JWTClaimValidationFailed) return 'The token is not valid yet or lacks a required claim.';
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'The token signature is not valid.';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError) return 'The token could not be validated.';
  return 'The token could not be validated.';
}
