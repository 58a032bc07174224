import { describe, expect, it } from 'vitest';
import { createHarness, expectOk } from '#test/support/domain-harness.ts';
import { TENANTS } from '#test/support/test-directory.ts';
import { GLOBAL_ADMIN, GLOBAL_READER, requested } from '#test/support/flow-helpers.ts';

describe('GDAP drafts: changed or deleted only before they are sent for approval', () => {
  it('updates name, duration, roles and auto-extend of a draft; the old name is free again', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const draft = await requested(h, { displayName: 'Draft one' });
    const updated = expectOk(
      await h.access.updateGdapDraft(admin, {
        id: draft.id,
        version: draft.version,
        displayName: 'Draft renamed',
        duration: 'P30D',
        roles: [GLOBAL_READER],
        autoExtendDuration: 'P180D',
      }),
    );
    expect(updated).toMatchObject({
      displayName: 'Draft renamed',
      status: 'created',
      roles: [{ name: 'Global Reader' }],
      relationship: { duration: 'P30D', autoExtendDuration: 'P180D' },
    });
    const again = await requested(h, { displayName: 'Draft one' });
    expect(again.displayName).toBe('Draft one');
    const taken = await h.access.updateGdapDraft(admin, { id: again.id, version: again.version, displayName: 'draft RENAMED' });
    expect(taken).toMatchObject({ ok: false, code: 'duplicate' });
  });

  it('refuses a stale version and a draft already sent, with the current state', async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const draft = await requested(h);
    const locked = expectOk(await h.access.lockForApproval(admin, { id: draft.id, version: draft.version }));
    expect(await h.access.updateGdapDraft(admin, { id: draft.id, version: draft.version, duration: 'P10D' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect(await h.access.updateGdapDraft(admin, { id: locked.id, version: locked.version, roles: [GLOBAL_ADMIN] })).toMatchObject({
      ok: false,
      code: 'invalid-transition',
      current: { status: 'approvalPending' },
    });
    expect(await h.access.deleteGdapDraft(admin, { id: locked.id, version: locked.version })).toMatchObject({
      ok: false,
      code: 'invalid-transition',
    });
  });

  it("deletes a draft, with an audit event; only the partner's Admin agents may", async () => {
    const h = createHarness();
    const admin = await h.actor('adminAgent');
    const draft = await requested(h);
    expect(await h.access.deleteGdapDraft(await h.actor('salesAgent'), { id: draft.id, version: draft.version })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(expectOk(await h.access.deleteGdapDraft(admin, { id: draft.id, version: draft.version }))).toEqual({
      id: draft.id,
      displayName: draft.displayName,
    });
    expect(await h.access.getRelationship(admin, { kind: 'gdap', id: draft.id })).toMatchObject({ ok: false, code: 'not-found' });
    const trail = expectOk(await h.access.readAuditTrail(admin, { tenantId: TENANTS.partner, limit: 10 }));
    expect(trail.events.map((e) => e.action)).toEqual(['gdap.requested', 'gdap.draftDeleted']);
    expect((await requested(h)).displayName).toBe(draft.displayName);
  });
});
