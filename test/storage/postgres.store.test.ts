import { randomBytes } from 'node:crypto';
import Keyv from 'keyv';
import KeyvPostgres from '@keyv/postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '#bot/storage/postgres.store.ts';
import { isBackendAvailable, postgresTestUrl } from '../support/backend-availability.ts';
import { describeDocumentStoreContract } from './document-store.contract.ts';
import { dropTestNamespace } from '../support/test-namespaces.ts';

// Each run gets its own schema, dropped afterwards, so runs never see each other's data.
const schema = `pa_test_${randomBytes(5).toString('hex')}`;

if (await isBackendAvailable('PostgreSQL', postgresTestUrl, 5432)) {
  afterAll(() => dropTestNamespace('postgres', postgresTestUrl, schema));

  describeDocumentStoreContract('PostgreSQL', () => openPostgresStore(postgresTestUrl, { schema }));

  describe('PostgreSQL store', () => {
    it('stores documents that keyv itself reads', async () => {
      const store = await openPostgresStore(`${postgresTestUrl}?schema=${schema}`);
      const written = await store.put('relationships', 'r1', { status: 'active' }, null);
      await store.close();
      const keyv = new Keyv({ store: new KeyvPostgres({ uri: postgresTestUrl, schema }), namespace: 'pa' });
      expect(await keyv.get('relationships:r1')).toEqual({ value: { status: 'active' }, version: written.ok ? written.version : 'n/a' });
      await keyv.disconnect();
    });

    it('names the host but never the password when it cannot connect', async () => {
      const url = new URL(postgresTestUrl);
      url.password = 'secret-password';
      url.port = '1';
      await expect(openPostgresStore(url.toString(), { schema })).rejects.toThrow(
        /^Cannot open the PostgreSQL store at postgresql:\/\/127\.0\.0\.1:1\/partner_access: (?!.*secret-password)/,
      );
    });
  });
}
