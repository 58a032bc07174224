import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';

export const TAB_APP_ID = '3f0e3a5c-1111-4222-8333-444455556666';
export const TAB_HOST = 'tab.example.com';
export const TAB_AUDIENCE = `api://${TAB_HOST}/${TAB_APP_ID}`;

export interface SigningKeys {
  readonly url: string;
  sign(claims: TokenClaims): Promise<string>;
  /** Signs with a key that the keys document does not publish. */
  signWithStrangerKey(claims: TokenClaims): Promise<string>;
  close(): Promise<void>;
}

export interface TokenClaims {
  readonly tid: string;
  readonly oid: string;
  readonly aud?: string;
  readonly iss?: string;
  /** Seconds since the epoch. */
  readonly iat: number;
  readonly exp: number;
  /** Absent: `access_as_user`. `null`: no `scp` claim at all (as in an app-only token). */
  readonly scp?: string | null;
  /** Extra claims an app-only token carries (`roles`, `idtyp`). */
  readonly extra?: Record<string, unknown>;
}

async function signWith(key: CryptoKey, kid: string, c: TokenClaims): Promise<string> {
  const scope = c.scp === null ? {} : { scp: c.scp ?? 'access_as_user' };
  return new SignJWT({ tid: c.tid, oid: c.oid, ...scope, ver: '2.0', ...c.extra })
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .setIssuer(c.iss ?? `https://login.microsoftonline.com/${c.tid}/v2.0`)
    .setAudience(c.aud ?? TAB_AUDIENCE)
    .setIssuedAt(c.iat)
    .setNotBefore(c.iat)
    .setExpirationTime(c.exp)
    .sign(key);
}

/** A test key pair whose public JWK a local server publishes as the signing-keys document. */
export async function startSigningKeys(): Promise<SigningKeys> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', use: 'sig', alg: 'RS256' };
  const server: Server = createServer((req, res) => {
    if (req.url !== '/keys') {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/keys`,
    sign: (claims) => signWith(privateKey, 'test-key-1', claims),
    signWithStrangerKey: (claims) => signWith(stranger.privateKey, 'test-key-1', claims),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
