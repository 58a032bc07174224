import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import { describeDocumentStoreContract } from './document-store.contract.ts';

describeDocumentStoreContract('memory', async () => new MemoryDocumentStore());
