import { describe, expect, it } from 'vitest';
import { RecordingDocumentStore } from '../support/recording-store.ts';

describe('the in-memory DocumentStore fake honours the contract', () => {
  it('creates only when absent (null), updates only at the read version, overwrites with *', async () => {
    const store = new RecordingDocumentStore();
    const created = await store.put('c', 'a', { n: 1 }, null);
    expect(created.ok).toBe(true);
    expect(await store.put('c', 'a', { n: 2 }, null)).toMatchObject({ ok: false, reason: 'conflict', current: { value: { n: 1 } } });
    if (!created.ok) return;
    expect(await store.put('c', 'a', { n: 2 }, 'wrong')).toMatchObject({ ok: false, reason: 'conflict' });
    expect((await store.put('c', 'a', { n: 2 }, created.version)).ok).toBe(true);
    expect((await store.put('c', 'a', { n: 3 }, '*')).ok).toBe(true);
    expect((await store.get('c', 'a'))?.value).toEqual({ n: 3 });
    expect(await store.put('c', 'missing', {}, 'v1')).toMatchObject({ ok: false, current: undefined });
  });

  it('replaces index entries on each write and orders by sort, then id, within a range', async () => {
    const store = new RecordingDocumentStore();
    await store.put('c', 'b', 1, null, { indexes: [{ index: 'i', key: 'k', sort: '2' }] });
    await store.put('c', 'a', 2, null, { indexes: [{ index: 'i', key: 'k', sort: '2' }] });
    const first = await store.put('c', 'z', 3, null, { indexes: [{ index: 'i', key: 'k', sort: '1' }] });
    expect((await store.list('c', 'i', 'k')).map((d) => d.value)).toEqual([3, 2, 1]);
    expect((await store.list('c', 'i', 'k', { from: '2', limit: 1 })).map((d) => d.value)).toEqual([2]);
    expect((await store.list('c', 'i', 'k', { before: '2' })).map((d) => d.value)).toEqual([3]);
    if (!first.ok) return;
    await store.put('c', 'z', 3, first.version, { indexes: [{ index: 'i', key: 'other' }] });
    expect((await store.list('c', 'i', 'k')).map((d) => d.value)).toEqual([2, 1]);
  });

  it('appends to streams with the write, in order, and pages through them', async () => {
    const store = new RecordingDocumentStore();
    await store.put('c', 'a', 1, null, {
      append: [
        { stream: 's', event: 'e1' },
        { stream: 't', event: 'e1' },
      ],
    });
    await store.put('c', 'a', 2, null, { append: [{ stream: 's', event: 'lost' }] });
    await store.append('s', 'e2');
    await store.append('s', 'e3');
    const page = await store.readStream('s', { limit: 2 });
    expect(page).toEqual({
      entries: [
        { seq: 1, event: 'e1' },
        { seq: 2, event: 'e2' },
      ],
      next: 2,
    });
    expect(await store.readStream('s', { after: page.next, limit: 2 })).toEqual({ entries: [{ seq: 3, event: 'e3' }] });
  });

  it('removes only at the expected version', async () => {
    const store = new RecordingDocumentStore();
    const w = await store.put('c', 'a', 1, null, { indexes: [{ index: 'i', key: 'k' }] });
    expect((await store.remove('c', 'a', 'nope')).ok).toBe(false);
    expect((await store.remove('c', 'a', w.ok ? w.version : '')).ok).toBe(true);
    expect(await store.list('c', 'i', 'k')).toEqual([]);
  });
});
