import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_IDENTITY_HEADER } from '#bot/tab/tab-identity.ts';
import type { RemoveRolesPreview } from '#bot/tab/tab-contract.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import { makeInvoke, makeMessage, post, repliesOf, type Speaker } from '../support/activities.ts';
import { FixedClock, SequentialIds } from '../support/fixed-clock.ts';
import { DEMO } from '../support/demo-ids.ts';
import { startTestApp, type RunningApp } from '../support/test-app.ts';
import { actionsIn, textOf, invokeText } from '../support/partner-flow.ts';

const HELPDESK = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
const megan: Speaker = { tenantId: DEMO.contoso, userId: DEMO.meganContosoGa };

/**
 * A confirmation confirms exactly what was shown: a "Yes" on a review that no longer says what would happen (a
 * relationship approved or changed since, a forged or emptied list) shows the review as it is now and changes nothing.
 */
describe('stale or forged confirmations of "remove roles"', () => {
  let running: RunningApp;
  let adele: UserActor;
  let meganActor: UserActor;
  const domain = () => running.app.services.domain;

  async function activeGdap(name: string) {
    const requested = await domain().requestGdapRelationship(adele, {
      customerTenantId: DEMO.contoso,
      displayName: name,
      duration: 'P90D',
      roles: [HELPDESK],
    });
    if (!requested.ok) throw new Error(requested.message);
    const locked = await domain().lockForApproval(adele, { id: requested.value.id, version: requested.value.version });
    if (!locked.ok) throw new Error(locked.message);
    const approved = await domain().approveRelationship(meganActor, { kind: 'gdap', id: locked.value.id, version: locked.value.version });
    if (!approved.ok) throw new Error(approved.message);
    return approved.value;
  }
  async function status(id: string): Promise<string> {
    const got = await domain().getRelationship(meganActor, { kind: 'gdap', id });
    return got.ok && got.value.kind === 'gdap' ? got.value.status : 'missing';
  }
  async function chatReview() {
    await post(running.baseUrl, makeMessage('remove roles', megan));
    const replies = repliesOf(await post(running.baseUrl, makeMessage('Woodgrove Partners', megan)));
    const yes = actionsIn(replies).find((a) => a.verb === 'roles.remove')?.data;
    if (yes === undefined) throw new Error(`no review: ${textOf(replies)}`);
    return { text: textOf(replies), yes };
  }
  const click = (data: Record<string, unknown>) => post(running.baseUrl, makeInvoke('roles.remove', data, megan));

  beforeEach(async () => {
    running = await startTestApp({}, { clock: new FixedClock('2026-11-25T12:00:00.000Z'), ids: new SequentialIds('stale') });
    adele = await domain().resolveActor(DEMO.woodgrove, DEMO.adeleAdminAgent);
    meganActor = await domain().resolveActor(DEMO.contoso, DEMO.meganContosoGa);
  });
  afterEach(async () => running.close());

  it('a relationship approved after the review: the old "Yes" shows the new review and ends nothing', async () => {
    const first = await activeGdap('First helpdesk');
    const old = await chatReview();
    expect(old.text).toContain('"First helpdesk" ends');
    expect(old.text).not.toContain('Second helpdesk');
    const second = await activeGdap('Second helpdesk');

    const answer = invokeText(await click(old.yes));
    expect(answer).toContain('This changed since you looked');
    expect(answer).toContain('"First helpdesk" ends');
    expect(answer).toContain('"Second helpdesk" ends');
    expect([await status(first.id), await status(second.id)]).toEqual(['active', 'active']);

    const fresh = actionsIn((await click(old.yes)).body).find((a) => a.verb === 'roles.remove')?.data ?? {};
    expect(invokeText(await click(fresh))).toContain('admin roles are removed');
    expect([await status(first.id), await status(second.id)]).toEqual(['terminated', 'terminated']);
  });

  it('a relationship changed after the review (another version): the old "Yes" shows the review again', async () => {
    const first = await activeGdap('First helpdesk');
    const old = await chatReview();
    const changed = await domain().changeAutoExtend(adele, { id: first.id, version: first.version, autoExtendDuration: 'P180D' });
    expect(changed.ok).toBe(true);
    expect(invokeText(await click(old.yes))).toContain('This changed since you looked');
    expect(await status(first.id)).toBe('active');
  });

  it.each([
    { name: 'an empty list', shown: [] },
    { name: 'a made-up version', shown: [{ kind: 'gdap', id: 'stale-1', version: 'forged' }] },
    { name: 'only part of what would end', shown: 'first-only' },
  ])('a forged confirmation with $name changes nothing', async ({ shown }) => {
    const first = await activeGdap('First helpdesk');
    const second = await activeGdap('Second helpdesk');
    const partial = [{ kind: 'gdap', id: first.id, version: first.version }];
    const answer = invokeText(await click({ partnerTenantId: DEMO.woodgrove, shown: shown === 'first-only' ? partial : shown }));
    expect(answer).toContain('This changed since you looked');
    expect([await status(first.id), await status(second.id)]).toEqual(['active', 'active']);
  });

  it("the tab: an old preview's confirmation is refused (409) and removes nothing; the fresh one removes", async () => {
    const headers = { [LOCAL_IDENTITY_HEADER]: `${DEMO.contoso}/${DEMO.meganContosoGa}` };
    const path = `${running.baseUrl}/api/tab/customer/partners/${DEMO.woodgrove}/remove-roles`;
    const first = await activeGdap('First helpdesk');
    const old = (await (await fetch(path, { headers })).json()) as RemoveRolesPreview;
    const second = await activeGdap('Second helpdesk');
    const confirm = (shown: RemoveRolesPreview['shown']) =>
      fetch(path, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ confirm: true, shown }),
      });
    const refused = await confirm(old.shown);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('This changed since you looked');
    expect([await status(first.id), await status(second.id)]).toEqual(['active', 'active']);
    const fresh = (await (await fetch(path, { headers })).json()) as RemoveRolesPreview;
    expect(fresh.changes.join('\n')).toContain('Second helpdesk');
    expect((await confirm(fresh.shown)).status).toBe(200);
    expect([await status(first.id), await status(second.id)]).toEqual(['terminated', 'terminated']);
  });
});
