/**
 * The stand-in's TLS material, made once per test run by vitest's global setup (test/support/graph-stand-in/global-setup.ts):
 * a throw-away CA, a server certificate for localhost/127.0.0.1 signed by it, and an RSA client certificate that tests use
 * as the app's credential (GRAPH_CLIENT_CERTIFICATE_PATH). Test processes trust the CA through NODE_EXTRA_CA_CERTS, which
 * Node reads when a process starts: the global setup sets it before vitest forks its workers, and a bot process that a
 * test spawns inherits it, exactly as a deployment would be given a private CA.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export const TLS_DIR_VARIABLE = 'GRAPH_STAND_IN_TLS_DIR';

export interface StandInTls {
  readonly dir: string;
  /** The CA certificate (PEM): what NODE_EXTRA_CA_CERTS points at. */
  readonly caFile: string;
  readonly serverCert: string;
  readonly serverKey: string;
  /** The app's client certificate and its private key in one PEM file, as ClientCertificateCredential reads it. */
  readonly clientCertificateFile: string;
  readonly clientCertificate: string;
}

/** Writes fresh TLS material into a new temporary folder. */
export async function createStandInTls(): Promise<StandInTls> {
  const dir = await mkdtemp(join(tmpdir(), 'graph-stand-in-'));
  const ca = await generate([{ name: 'commonName', value: 'Partner Access test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  const client = await generate([{ name: 'commonName', value: 'Partner Access app' }], { keySize: 2048, algorithm: 'sha256' });
  await writeFile(join(dir, 'ca.pem'), ca.cert);
  await writeFile(join(dir, 'server.pem'), server.cert);
  await writeFile(join(dir, 'server-key.pem'), server.private, { mode: 0o600 });
  await writeFile(join(dir, 'app-certificate.pem'), `${client.private}\n${client.cert}`, { mode: 0o600 });
  await writeFile(join(dir, 'app-public.pem'), client.cert);
  return loadStandInTls(dir);
}

/** Reads the material the global setup wrote (its folder is in GRAPH_STAND_IN_TLS_DIR). */
export async function loadStandInTls(dir = process.env[TLS_DIR_VARIABLE]): Promise<StandInTls> {
  if (dir === undefined || dir === '') {
    throw new Error(`${TLS_DIR_VARIABLE} is not set: run the tests through vitest (its global setup makes the stand-in's certificates)`);
  }
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    serverCert: await readFile(join(dir, 'server.pem'), 'utf8'),
    serverKey: await readFile(join(dir, 'server-key.pem'), 'utf8'),
    clientCertificateFile: join(dir, 'app-certificate.pem'),
    clientCertificate: await readFile(join(dir, 'app-public.pem'), 'utf8'),
  };
}
