/**
 * The DocumentStore contract: every backend's test file runs this suite against its own store.
 * Each test uses its own collection and stream names, so one store serves the whole suite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentStore, Versioned } from '#domain/ports/document-store.ts';

interface Relationship {
  readonly name: string;
  readonly status: string;
  readonly roles?: readonly string[];
}

/** Registers the contract tests for a store opened by `open` (once per suite) and closed after. */
export function describeDocumentStoreContract(backend: string, open: () => Promise<DocumentStore>): void {
  describe(`DocumentStore contract: ${backend}`, () => {
    let store: DocumentStore;
    let counter = 0;
    /** A collection or stream name no other test uses. */
    const fresh = (prefix: string): string => `${prefix}-${(counter += 1)}`;

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    const created = async (collection: string, id: string, value: Relationship): Promise<string> => {
      const outcome = await store.put(collection, id, value, null);
      if (!outcome.ok) throw new Error(`could not create ${collection}/${id}`);
      return outcome.version;
    };
    const names = (documents: Versioned<Relationship>[]): string[] => documents.map((document) => document.value.name);

    it('creates a document and reads it back with its version', async () => {
      const rel = fresh('rel');
      const value: Relationship = { name: 'Contoso', status: 'pending', roles: [':colon-first', 'Ünïcode ✓'] };
      const version = await created(rel, 'a/b:c', value);
      expect(await store.get<Relationship>(rel, 'a/b:c')).toEqual({ value, version });
      expect(await store.get(rel, 'missing')).toBeUndefined();
    });

    it('refuses to create a document that exists, returning the current one', async () => {
      const rel = fresh('rel');
      const version = await created(rel, 'x', { name: 'first', status: 'pending' });
      const outcome = await store.put(rel, 'x', { name: 'second', status: 'pending' }, null);
      expect(outcome).toEqual({ ok: false, reason: 'conflict', current: { version, value: { name: 'first', status: 'pending' } } });
    });

    it('updates when the stated version is current, and gives a new version', async () => {
      const rel = fresh('rel');
      const v1 = await created(rel, 'x', { name: 'n', status: 'pending' });
      const outcome = await store.put(rel, 'x', { name: 'n', status: 'active' }, v1);
      expect(outcome.ok).toBe(true);
      const read = await store.get<Relationship>(rel, 'x');
      expect(read?.value.status).toBe('active');
      expect(read?.version).not.toBe(v1);
      expect(outcome.ok && outcome.version).toBe(read?.version);
    });

    it('refuses a stale version and returns the current state', async () => {
      const rel = fresh('rel');
      const v1 = await created(rel, 'x', { name: 'n', status: 'pending' });
      const second = await store.put(rel, 'x', { name: 'n', status: 'active' }, v1);
      const stale = await store.put(rel, 'x', { name: 'n', status: 'terminated' }, v1);
      expect(stale).toEqual({
        ok: false,
        reason: 'conflict',
        current: { version: second.ok ? second.version : 'n/a', value: { name: 'n', status: 'active' } },
      });
      expect((await store.get<Relationship>(rel, 'x'))?.value.status).toBe('active');
    });

    it('refuses a version for a document that does not exist', async () => {
      const rel = fresh('rel');
      expect(await store.put(rel, 'ghost', { name: 'g', status: 'pending' }, 'some-version')).toEqual({
        ok: false,
        reason: 'conflict',
        current: undefined,
      });
      expect(await store.get(rel, 'ghost')).toBeUndefined();
    });

    it("overwrites whatever is there with '*', and creates with it too", async () => {
      const rel = fresh('rel');
      await created(rel, 'x', { name: 'old', status: 'pending' });
      expect((await store.put(rel, 'x', { name: 'new', status: 'active' }, '*')).ok).toBe(true);
      expect((await store.put(rel, 'y', { name: 'y', status: 'active' }, '*')).ok).toBe(true);
      expect((await store.get<Relationship>(rel, 'x'))?.value.name).toBe('new');
      expect((await store.get<Relationship>(rel, 'y'))?.value.name).toBe('y');
    });

    it('deletes only with the current version (or *), and refuses when nothing is there', async () => {
      const rel = fresh('rel');
      const v1 = await created(rel, 'x', { name: 'n', status: 'pending' });
      const updated = await store.put(rel, 'x', { name: 'n', status: 'active' }, v1);
      const stale = await store.remove(rel, 'x', v1);
      expect(stale.ok).toBe(false);
      expect(!stale.ok && stale.current?.value).toEqual({ name: 'n', status: 'active' });
      expect(await store.remove(rel, 'x', updated.ok ? updated.version : 'n/a')).toMatchObject({ ok: true });
      expect(await store.get(rel, 'x')).toBeUndefined();
      expect(await store.remove(rel, 'x', '*')).toEqual({ ok: false, reason: 'conflict', current: undefined });
      await created(rel, 'y', { name: 'y', status: 'pending' });
      expect(await store.remove(rel, 'y', '*')).toMatchObject({ ok: true });
      expect(await store.get(rel, 'y')).toBeUndefined();
    });

    it('lists documents by index key, ordered by sort then id', async () => {
      const rel = fresh('rel');
      const byPartner = (sort: string) => [{ index: 'by-partner', key: 'partner-1', sort }];
      await store.put(rel, 'c', { name: 'c', status: 'active' }, null, { indexes: byPartner('2026-02-01') });
      await store.put(rel, 'b', { name: 'b', status: 'active' }, null, { indexes: byPartner('2026-01-01') });
      await store.put(rel, 'a', { name: 'a', status: 'active' }, null, { indexes: byPartner('2026-02-01') });
      await store.put(rel, 'd', { name: 'd', status: 'active' }, null, { indexes: [{ index: 'by-partner', key: 'partner-2' }] });
      await store.put(rel, 'e', { name: 'e', status: 'active' }, null);
      expect(names(await store.list<Relationship>(rel, 'by-partner', 'partner-1'))).toEqual(['b', 'a', 'c']);
      expect(names(await store.list<Relationship>(rel, 'by-partner', 'partner-2'))).toEqual(['d']);
      expect(await store.list(rel, 'by-partner', 'nobody')).toEqual([]);
      const [first] = await store.list<Relationship>(rel, 'by-partner', 'partner-1');
      expect(first).toEqual(await store.get(rel, 'b'));
    });

    it('writes a document again for its index entries only, keeping its version (keepVersion), and only at that version', async () => {
      const rel = fresh('rel');
      const value: Relationship = { name: 'x', status: 'active' };
      const v1 = await created(rel, 'x', value);
      const outcome = await store.put(rel, 'x', value, v1, { indexes: [{ index: 'by-end', key: 'p1', sort: '2027' }], keepVersion: true });
      expect(outcome).toEqual({ ok: true, version: v1 });
      expect(await store.list<Relationship>(rel, 'by-end', 'p1')).toEqual([{ value, version: v1 }]);
      // A writer holding v1 is still current, and its change then gets a new version as always.
      const changed = await store.put(rel, 'x', { ...value, status: 'ended' }, v1, {
        indexes: [{ index: 'by-end', key: 'p1', sort: '2027' }],
      });
      expect(changed.ok && changed.version).not.toBe(v1);
      // An index-only write at a version that is no longer current is refused like any other.
      const stale = await store.put(rel, 'x', value, v1, { indexes: [{ index: 'by-end', key: 'p2' }], keepVersion: true });
      expect(stale.ok).toBe(false);
      expect(await store.list<Relationship>(rel, 'by-end', 'p2')).toEqual([]);
      await expect(store.put(rel, 'x', value, '*', { keepVersion: true })).rejects.toThrow(/keepVersion/);
      await expect(store.put(rel, 'y', value, null, { keepVersion: true })).rejects.toThrow(/keepVersion/);
    });

    it('replaces index entries on update and drops them on removal', async () => {
      const rel = fresh('rel');
      const first = await store.put(rel, 'x', { name: 'x', status: 'pending' }, null, {
        indexes: [
          { index: 'by-partner', key: 'p1' },
          { index: 'by-customer', key: 'c1' },
        ],
      });
      const second = await store.put(rel, 'x', { name: 'x', status: 'active' }, first.ok ? first.version : null, {
        indexes: [{ index: 'by-partner', key: 'p2' }],
      });
      expect(names(await store.list<Relationship>(rel, 'by-partner', 'p1'))).toEqual([]);
      expect(names(await store.list<Relationship>(rel, 'by-customer', 'c1'))).toEqual([]);
      expect(await store.list<Relationship>(rel, 'by-partner', 'p2')).toEqual([await store.get(rel, 'x')]);
      const refused = await store.put(rel, 'x', { name: 'x', status: 'stale' }, first.ok ? first.version : null, {
        indexes: [{ index: 'by-partner', key: 'p3' }],
      });
      expect(refused.ok).toBe(false);
      expect(await store.list(rel, 'by-partner', 'p3')).toEqual([]);
      expect(names(await store.list<Relationship>(rel, 'by-partner', 'p2'))).toEqual(['x']);
      await store.remove(rel, 'x', second.ok ? second.version : '*');
      expect(await store.list(rel, 'by-partner', 'p2')).toEqual([]);
      await store.put(rel, 'x', { name: 'x', status: 'again' }, null);
      expect(await store.list(rel, 'by-partner', 'p2')).toEqual([]);
    });

    it('lists a range of sort values: from inclusive, before exclusive, with a limit', async () => {
      const rel = fresh('rel');
      const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05'];
      for (const [i, day] of days.entries()) {
        await store.put(rel, `r${i}`, { name: day, status: 'active' }, null, { indexes: [{ index: 'expiry', key: 'all', sort: day }] });
      }
      const range = (from?: string, before?: string, limit?: number) =>
        store.list<Relationship>(rel, 'expiry', 'all', { from, before, limit }).then(names);
      expect(await range('2026-01-02', '2026-01-04')).toEqual(['2026-01-02', '2026-01-03']);
      expect(await range(undefined, '2026-01-03')).toEqual(['2026-01-01', '2026-01-02']);
      expect(await range('2026-01-04')).toEqual(['2026-01-04', '2026-01-05']);
      expect(await range('2026-01-01T00:00:00Z')).toEqual(['2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05']);
      expect(await range(undefined, undefined, 2)).toEqual(['2026-01-01', '2026-01-02']);
      expect(await range('2026-01-03', undefined, 0)).toEqual([]);
    });

    it('pages with a (sort, id) cursor, also through many entries sharing one sort value', async () => {
      const rel = fresh('rel');
      const sorts = ['a', 'b', 'b', 'b', 'b', 'c', 'c'];
      for (const [i, sort] of sorts.entries()) {
        await store.put(rel, `r${i}`, { name: `${sort}${i}`, status: 'active' }, null, { indexes: [{ index: 'due', key: 'all', sort }] });
      }
      const seen: string[] = [];
      let after: { sort: string; id: string } | undefined;
      for (let page = 0; page < 10; page += 1) {
        const got = await store.list<Relationship>(rel, 'due', 'all', { limit: 2, before: 'c', ...(after === undefined ? {} : { after }) });
        if (got.length === 0) break;
        seen.push(...names(got));
        const last = got.at(-1)?.value.name ?? '';
        after = { sort: last.slice(0, 1), id: `r${last.slice(1)}` };
      }
      expect(seen).toEqual(['a0', 'b1', 'b2', 'b3', 'b4']);
      expect(names(await store.list<Relationship>(rel, 'due', 'all', { from: 'b', after: { sort: 'a', id: 'zz' } }))).toEqual([
        'b1',
        'b2',
        'b3',
        'b4',
        'c5',
        'c6',
      ]);
      expect(names(await store.list<Relationship>(rel, 'due', 'all', { from: 'a', after: { sort: 'b', id: 'r2' } }))).toEqual([
        'b3',
        'b4',
        'c5',
        'c6',
      ]);
    });

    it('pages newest first with descending, the cursor counting in that order, within from/before', async () => {
      const rel = fresh('rel');
      const sorts = ['a', 'b', 'b', 'b', 'c', 'd'];
      for (const [i, sort] of sorts.entries()) {
        await store.put(rel, `r${i}`, { name: `${sort}${i}`, status: 'active' }, null, { indexes: [{ index: 'rows', key: 'p', sort }] });
      }
      const seen: string[] = [];
      let after: { sort: string; id: string } | undefined;
      for (let page = 0; page < 10; page += 1) {
        const got = await store.list<Relationship>(rel, 'rows', 'p', {
          descending: true,
          limit: 2,
          from: 'b',
          before: 'd',
          ...(after === undefined ? {} : { after }),
        });
        if (got.length === 0) break;
        seen.push(...names(got));
        const last = got.at(-1)?.value.name ?? '';
        after = { sort: last.slice(0, 1), id: `r${last.slice(1)}` };
      }
      expect(seen).toEqual(['c4', 'b3', 'b2', 'b1']);
      expect(names(await store.list<Relationship>(rel, 'rows', 'p', { descending: true }))).toEqual(['d5', 'c4', 'b3', 'b2', 'b1', 'a0']);
      // A cursor beyond `before` leaves `before` as the bound; one inside it bounds tighter.
      expect(
        names(await store.list<Relationship>(rel, 'rows', 'p', { descending: true, before: 'c', after: { sort: 'z', id: 'x' } })),
      ).toEqual(['b3', 'b2', 'b1', 'a0']);
      expect(
        names(await store.list<Relationship>(rel, 'rows', 'p', { descending: true, after: { sort: 'b', id: 'r2' }, limit: 5 })),
      ).toEqual(['b1', 'a0']);
    });

    it('counts the entries under an index key, within from/before, without reading documents', async () => {
      const rel = fresh('rel');
      const sorts = ['a', 'b', 'b', 'c'];
      for (const [i, sort] of sorts.entries()) {
        await store.put(rel, `r${i}`, { name: `${sort}${i}`, status: 'active' }, null, {
          indexes: [
            { index: 'rows', key: 'p', sort },
            { index: 'rows', key: i % 2 === 0 ? 'even' : 'odd', sort },
          ],
        });
      }
      expect(await store.count(rel, 'rows', 'p')).toBe(4);
      expect(await store.count(rel, 'rows', 'p', { from: 'b' })).toBe(3);
      expect(await store.count(rel, 'rows', 'p', { from: 'b', before: 'c' })).toBe(2);
      expect(await store.count(rel, 'rows', 'even')).toBe(2);
      expect(await store.count(rel, 'rows', 'nobody')).toBe(0);
      // Entries follow their documents: re-indexed elsewhere, or removed.
      const current = await store.get(rel, 'r0');
      await store.put(rel, 'r0', { name: 'a0', status: 'ended' }, current?.version ?? null, {
        indexes: [{ index: 'rows', key: 'q', sort: 'a' }],
      });
      const removed = await store.get(rel, 'r1');
      await store.remove(rel, 'r1', removed?.version ?? '*');
      expect([await store.count(rel, 'rows', 'p'), await store.count(rel, 'rows', 'q'), await store.count(rel, 'rows', 'odd')]).toEqual([
        2, 1, 1,
      ]);
      await expect(store.count(rel, 'bad:index', 'k')).rejects.toThrow(/index/);
    });

    it('appends to a stream in order and reads it back', async () => {
      const audit = fresh('audit');
      expect(await store.append(audit, { n: 1 })).toBe(1);
      expect(await store.append(audit, { n: 2, text: ':colon' })).toBe(2);
      expect(await store.append(audit, 'three')).toBe(3);
      expect(await store.readStream(audit, { limit: 10 })).toEqual({
        entries: [
          { seq: 1, event: { n: 1 } },
          { seq: 2, event: { n: 2, text: ':colon' } },
          { seq: 3, event: 'three' },
        ],
      });
      expect(await store.readStream(fresh('audit'), { limit: 10 })).toEqual({ entries: [] });
    });

    it('pages through a stream', async () => {
      const audit = fresh('audit');
      for (let n = 1; n <= 7; n += 1) await store.append(audit, { n });
      const seen: number[] = [];
      let after: number | undefined;
      let pages = 0;
      do {
        const page = await store.readStream(audit, { after, limit: 3 });
        seen.push(...page.entries.map((entry) => entry.seq));
        after = page.next;
        pages += 1;
      } while (after !== undefined);
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(pages).toBe(3);
      expect(await store.readStream(audit, { after: 6, limit: 1 })).toEqual({ entries: [{ seq: 7, event: { n: 7 } }] });
      expect(await store.readStream(audit, { after: 7, limit: 3 })).toEqual({ entries: [] });
    });

    it('appends in the same step as a write, and appends nothing when the write conflicts', async () => {
      const rel = fresh('rel');
      const audit = fresh('audit');
      const v1 = await store.put(rel, 'x', { name: 'x', status: 'pending' }, null, { append: [{ stream: audit, event: 'created' }] });
      await store.put(rel, 'x', { name: 'x', status: 'x' }, null, { append: [{ stream: audit, event: 'lost create' }] });
      const v2 = await store.put(rel, 'x', { name: 'x', status: 'active' }, v1.ok ? v1.version : null, {
        append: [
          { stream: audit, event: 'approved' },
          { stream: `${audit}-tenant`, event: 'approved' },
        ],
      });
      await store.put(rel, 'x', { name: 'x', status: 'x' }, v1.ok ? v1.version : null, {
        append: [{ stream: audit, event: 'lost update' }],
      });
      await store.remove(rel, 'x', v1.ok ? v1.version : '*', { append: [{ stream: audit, event: 'lost removal' }] });
      await store.remove(rel, 'x', v2.ok ? v2.version : '*', { append: [{ stream: audit, event: 'removed' }] });
      const events = (await store.readStream(audit, { limit: 10 })).entries.map((entry) => entry.event);
      expect(events).toEqual(['created', 'approved', 'removed']);
      expect((await store.readStream(`${audit}-tenant`, { limit: 10 })).entries).toEqual([{ seq: 1, event: 'approved' }]);
    });

    it('creates other documents in the same step, with their indexes, only when absent and only when the write succeeds', async () => {
      const rel = fresh('rel');
      const outbox = fresh('outbox');
      const audit = fresh('audit');
      const entry = (id: string, name: string) => ({
        collection: outbox,
        id,
        value: { name, status: 'queued' },
        indexes: [{ index: 'due', key: 'pending', sort: `2026-01-0${id.length}` }],
      });
      const v1 = await store.put(rel, 'x', { name: 'x', status: 'pending' }, null, {
        create: [entry('a', 'first a'), entry('bb', 'first bb')],
      });
      expect(v1.ok).toBe(true);
      // Refused: nothing it carries is created, nor appended.
      const lost = await store.put(rel, 'x', { name: 'x', status: 'x' }, 'stale', {
        create: [entry('ccc', 'lost')],
        append: [{ stream: audit, event: 'lost' }],
      });
      expect(lost.ok).toBe(false);
      expect(await store.get(outbox, 'ccc')).toBeUndefined();
      // Repeated entries are left as they are; new ones are added; the document, its appends and its indexes go too.
      const v2 = await store.put(rel, 'x', { name: 'x', status: 'active' }, v1.ok ? v1.version : null, {
        indexes: [{ index: 'byStatus', key: 'active' }],
        append: [{ stream: audit, event: 'approved' }],
        create: [entry('a', 'second a'), entry('dddd', 'first dddd')],
      });
      expect(v2.ok).toBe(true);
      const a = await store.get<Relationship>(outbox, 'a');
      expect(a?.value.name).toBe('first a');
      expect(names(await store.list<Relationship>(outbox, 'due', 'pending'))).toEqual(['first a', 'first bb', 'first dddd']);
      expect(names(await store.list<Relationship>(rel, 'byStatus', 'active'))).toEqual(['x']);
      expect((await store.readStream(audit, { limit: 10 })).entries.map((e) => e.event)).toEqual(['approved']);
      // A created document is an ordinary document afterwards.
      const updated = await store.put(outbox, 'a', { name: 'a done', status: 'delivered' }, a?.version ?? null, { indexes: [] });
      expect(updated.ok).toBe(true);
      expect(names(await store.list<Relationship>(outbox, 'due', 'pending'))).toEqual(['first bb', 'first dddd']);
      await expect(
        store.put(rel, 'y', { name: 'y', status: 'x' }, null, { create: [{ collection: rel, id: 'y', value: {} }] }),
      ).rejects.toThrow(/twice/);
      expect(await store.get(rel, 'y')).toBeUndefined();
    });

    it('rejects malformed names and ranges as bugs', async () => {
      await expect(store.put('bad name', 'x', {}, null)).rejects.toThrow(/collection/);
      await expect(store.list(fresh('rel'), 'bad:index', 'k')).rejects.toThrow(/index/);
      await expect(store.readStream(fresh('audit'), { limit: 0 })).rejects.toThrow(/limit/);
    });
  });
}
