import { randomBytes } from 'node:crypto';
import { createKeyv } from '@keyv/redis';
import { afterAll, describe, expect, it } from 'vitest';
import { openRedisStore } from '#bot/storage/redis.store.ts';
import { isBackendAvailable, redisTestUrl } from '../support/backend-availability.ts';
import { describeDocumentStoreContract } from './document-store.contract.ts';
import { dropTestNamespace } from '../support/test-namespaces.ts';

// Each run gets its own key prefix, whose keys are deleted afterwards, so runs never see each other's data.
const prefix = `pa-test-${randomBytes(5).toString('hex')}`;

if (await isBackendAvailable('Redis', redisTestUrl, 6379)) {
  afterAll(() => dropTestNamespace('redis', redisTestUrl, prefix));

  describeDocumentStoreContract('Redis', () => openRedisStore(redisTestUrl, { prefix }));

  describe('Redis store', () => {
    it('stores documents that keyv itself reads', async () => {
      const store = await openRedisStore(`${redisTestUrl}?prefix=${prefix}`);
      const written = await store.put('relationships', 'r1', { status: 'active' }, null);
      await store.close();
      const keyv = createKeyv(redisTestUrl, { namespace: prefix });
      expect(await keyv.get('relationships:r1')).toEqual({ value: { status: 'active' }, version: written.ok ? written.version : 'n/a' });
      await keyv.disconnect();
    });

    it('names the host but never the password when it cannot connect', async () => {
      const url = new URL(redisTestUrl);
      url.password = 'secret-password';
      url.port = '1';
      await expect(openRedisStore(url.toString(), { prefix })).rejects.toThrow(
        /^Cannot open the Redis store at redis:\/\/127\.0\.0\.1:1: (?!.*secret-password)/,
      );
    });
  });
}
