import { z } from 'zod';

/** Algorithms the Bot Framework signs with; anything else (including "none") is refused outright. */
const SIGNED_ALGORITHMS = ['RS256', 'RS384', 'RS512'] as const;

const jwtHeaderSchema = z.looseObject({ alg: z.enum(SIGNED_ALGORITHMS), kid: z.string().min(1) });

/**
 * A cheap check before the adapter's full validation: a request without a signed JWT bearer token is
 * refused here, so junk tokens cost no fetch of the signing keys. The adapter still validates the rest.
 */
export function hasPlausibleBearerToken(authorization: string | undefined): boolean {
  const match = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization ?? '');
  if (!match?.[1]) return false;
  try {
    return jwtHeaderSchema.safeParse(JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'))).success;
  } catch {
    return false;
  }
}
