import { beforeAll, describe, expect, it } from 'vitest';
import { renderAssignmentsCard } from '#cards/partner/assignments.card.ts';
import { renderMyCustomersCard } from '#cards/partner/my-customers.card.ts';
import { renderPartnerFormCard } from '#cards/partner/partner-form.card.ts';
import { PARTNER_VERBS } from '#cards/partner/partner-verbs.ts';
import { renderRequestResultCard } from '#cards/partner/request-result.card.ts';
import { MAX_CARD_BYTES, type AdaptiveCard } from '#cards/render-card.ts';
import { MemoryDocumentStore } from '#bot/storage/memory.store.ts';
import {
  relationshipQuestion,
  rolesQuestion as assignRolesQuestion,
  groupQuestion,
  pickedOf,
} from '#dialogs/partner/assign-groups.cards.ts';
import { buildAssignmentsView } from '#presenters/partner/assignments.presenter.ts';
import { confirmQuestion, rolesQuestion } from '#dialogs/partner/gdap-cards.ts';
import { loadMyCustomers, PAGE_SIZE } from '#presenters/partner/my-customers.presenter.ts';
import { parseCursorToken } from '#domain/use-cases/partner-page.ts';
import type { CustomerFilter } from '#cards/partner/partner-verbs.ts';
import { buildRequestResultView } from '#presenters/partner/request-result.presenter.ts';
import type { UserActor } from '#domain/actors/actor.ts';
import { createPartnerAccess, type PartnerAccess } from '#domain/partner-access.ts';
import type { Directory, DirectoryUser, SecurityGroup, Tenant } from '#domain/ports/directory.ts';
import { ROLES_CATALOG, SUGGESTED_ROLE_SETS } from '#domain/roles/roles-catalog.ts';
import type { CustomerOfPartner } from '#domain/use-cases/queries.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { FixedClock, SequentialIds } from '#test/support/fixed-clock.ts';

const PARTNER = 'tenant-big-partner';
const CUSTOMERS = 500;
const GROUP_COUNT = 40;

/** A directory with one partner, 500 customers (each with a Global admin) and 40 security groups. */
function bigDirectory(): Directory {
  const tenants: Tenant[] = [
    { id: PARTNER, name: 'Big Partner With A Rather Long Company Name Ltd', domain: 'bigpartner.example', partnerId: '1234567' },
  ];
  const users: DirectoryUser[] = [{ id: 'user-admin', tenantId: PARTNER, name: 'Ada Admin', email: 'ada@bigpartner.example', roles: [] }];
  for (let n = 0; n < CUSTOMERS; n += 1) {
    const id = `tenant-customer-${String(n).padStart(3, '0')}`;
    tenants.push({ id, name: `Customer number ${String(n).padStart(3, '0')} with a long legal name GmbH`, domain: `customer${n}.example` });
    users.push({
      id: `ga-${n}`,
      tenantId: id,
      name: `Global Admin ${n}`,
      email: `ga${n}@customer${n}.example`,
      roles: ['Global Administrator'],
    });
  }
  const groups: SecurityGroup[] = [
    { id: 'g-admin-agents', tenantId: PARTNER, name: 'AdminAgents', members: ['user-admin'] },
    ...Array.from({ length: GROUP_COUNT }, (_, n) => ({
      id: `g-${n}`,
      tenantId: PARTNER,
      name: `Support team number ${n} for the long-named region`,
      members: ['user-admin'],
    })),
  ];
  return {
    findTenant: async (id) => tenants.find((t) => t.id === id),
    listTenants: async () => tenants,
    findUser: async (tenantId, userId) => users.find((u) => u.tenantId === tenantId && u.id === userId),
    listUsers: async (tenantId) => users.filter((u) => u.tenantId === tenantId),
    listGroups: async (tenantId) => groups.filter((g) => g.tenantId === tenantId),
    findGroup: async (tenantId, id) => groups.find((g) => g.tenantId === tenantId && g.id === id),
  };
}

function bytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card));
}

function expectWellFormed(card: AdaptiveCard): void {
  const json = JSON.stringify(card);
  expect(json).not.toContain('${');
  expect(Number(card.version)).toBeLessThanOrEqual(1.5);
  expect(bytes(card)).toBeLessThan(MAX_CARD_BYTES);
  for (const [, verb] of json.matchAll(/"verb":"([^"]+)"/g)) expect(PARTNER_VERBS as readonly string[]).toContain(verb);
}

describe('partner cards with a large partner (500 customers, 40 groups, every role)', () => {
  let domain: PartnerAccess;
  let admin: UserActor;
  let customers: readonly CustomerOfPartner[];
  let busiest: GdapRelationshipView;

  beforeAll(async () => {
    const directory = bigDirectory();
    domain = createPartnerAccess({
      store: new MemoryDocumentStore(),
      directory,
      clock: new FixedClock('2026-11-25T12:00:00.000Z'),
      ids: new SequentialIds('big'),
    });
    admin = await domain.resolveActor(PARTNER, 'user-admin');
    const everyRole = ROLES_CATALOG.filter((r) => r.name !== 'Global Administrator').map((r) => r.id);
    for (let n = 0; n < CUSTOMERS; n += 1) {
      const customerTenantId = `tenant-customer-${String(n).padStart(3, '0')}`;
      const created = await domain.requestGdapRelationship(admin, {
        customerTenantId,
        displayName: `Relationship ${n} with a name that is fifty chars`.slice(0, 50),
        duration: 'P730D',
        roles: n === 0 ? everyRole : (SUGGESTED_ROLE_SETS[1]?.roleIds ?? []),
      });
      if (!created.ok) throw new Error(created.message);
      const locked = await domain.lockForApproval(admin, { id: created.value.id, version: created.value.version });
      if (!locked.ok) throw new Error(locked.message);
      if (n % 2 === 0) {
        const ga = await domain.resolveActor(customerTenantId, `ga-${n}`);
        await domain.approveRelationship(ga, { kind: 'gdap', id: locked.value.id, version: locked.value.version });
      }
    }
    const listed = await domain.listCustomersOfPartner(admin, { partnerTenantId: PARTNER });
    if (!listed.ok) throw new Error(listed.message);
    customers = listed.value;
    const first = customers.flatMap((c) => c.gdapRelationships).find((g) => g.displayName.startsWith('Relationship 0 '));
    if (first === undefined) throw new Error('missing');
    let current = first;
    for (let g = 0; g < GROUP_COUNT; g += 1) {
      const assigned = await domain.assignSecurityGroup(admin, {
        id: current.id,
        version: current.version,
        groupId: `g-${g}`,
        roles: current.roles.map((r) => r.id),
      });
      if (!assigned.ok) throw new Error(assigned.message);
      current = assigned.value;
    }
    busiest = current;
  }, 60_000);

  const view = async (filter: CustomerFilter, page: number) => {
    const loaded = await loadMyCustomers(domain, admin, filter, page);
    if (!loaded.ok) throw new Error(loaded.message);
    return loaded.view;
  };

  it('my customers pages 10 relationships at a time, with More and Back, each page under 28 KB', async () => {
    expect(customers).toHaveLength(CUSTOMERS);
    const first = await view('all', 0);
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.summary).toBe(`500 relationships · page 1 of ${CUSTOMERS / PAGE_SIZE}`);
    expect([first.hasPrevious, first.hasMore]).toEqual([false, true]);
    expectWellFormed(renderMyCustomersCard(first));
    const last = await view('all', 999);
    expect([last.hasPrevious, last.hasMore, last.summary.endsWith('page 50 of 50')]).toEqual([true, false, true]);
    expectWellFormed(renderMyCustomersCard(last));
  });

  it("More follows the card's own cursor through every relationship once, and Back returns the page before", async () => {
    const seen: string[] = [];
    const pages: string[][] = [];
    let current = await view('all', 0);
    for (let page = 0; page < 60; page += 1) {
      const names = current.rows.map((r) => r.relationship);
      pages.push(names);
      seen.push(...names);
      if (!current.hasMore) break;
      expect(current.summary.endsWith(`page ${page + 1} of 50`)).toBe(true);
      const loaded = await loadMyCustomers(domain, admin, 'all', current.moreData.page, {
        after: parseCursorToken(current.moreData.after ?? ''),
      });
      if (!loaded.ok) throw new Error(loaded.message);
      current = loaded.view;
    }
    expect(seen).toHaveLength(CUSTOMERS);
    expect(new Set(seen).size).toBe(CUSTOMERS);
    const third = await loadMyCustomers(domain, admin, 'all', 2, { after: parseCursorToken((await view('all', 1)).moreData.after ?? '') });
    if (!third.ok) throw new Error(third.message);
    expect(third.view.rows.map((r) => r.relationship)).toEqual(pages[2]);
    const back = await loadMyCustomers(domain, admin, 'all', third.view.previousData.page, {
      before: parseCursorToken(third.view.previousData.before ?? ''),
    });
    if (!back.ok) throw new Error(back.message);
    expect(back.view.rows.map((r) => r.relationship)).toEqual(pages[1]);
    expect([back.view.hasPrevious, back.view.hasMore, back.view.summary.endsWith('page 2 of 50')]).toEqual([true, true, true]);
  });

  it('filters pending ones', async () => {
    const pending = await view('pending', 0);
    expect(pending.summary).toContain('250 relationships waiting for the customer');
    expect(pending.rows.every((r) => r.hasReminder)).toBe(true);
    expectWellFormed(renderMyCustomersCard(pending));
  });

  it('the assignments card of a relationship with every role and 40 groups stays under 28 KB, editor open', () => {
    expectWellFormed(renderAssignmentsCard(buildAssignmentsView(busiest, { editGroupId: 'g-0', note: 'Saved.' })));
  });

  it('the GDAP step cards (the whole catalog, every suggested set) and the result card stay under 28 KB', () => {
    const draft = {
      customer: { tenantId: 'x', name: 'Customer', domain: 'customer.example' },
      displayName: 'x'.repeat(50),
      roleIds: ROLES_CATALOG.map((r) => r.id),
      days: 730,
      autoExtend: false,
    };
    for (const activity of [rolesQuestion(draft), confirmQuestion(draft, true)]) {
      const card = activity.attachments?.[0]?.content as AdaptiveCard;
      expectWellFormed(card);
    }
    expectWellFormed(renderRequestResultCard(buildRequestResultView(busiest, { admins: [], reachable: [] })));
  });

  it('the assign-groups step cards stay under 28 KB with 40 groups and a 500-customer search', async () => {
    const all = customers.flatMap((c) => c.gdapRelationships);
    const groups = await bigDirectory().listGroups(PARTNER);
    for (const activity of [
      relationshipQuestion('Pick one.', all.slice(0, 6)),
      groupQuestion(pickedOf(busiest), groups),
      assignRolesQuestion(pickedOf(busiest), groups[1] ?? { id: 'g', tenantId: PARTNER, name: 'g', members: [] }),
    ]) {
      expectWellFormed(activity.attachments?.[0]?.content as AdaptiveCard);
    }
  });

  it('the form card renders its own view (no logic in the template beyond $when and $data)', () => {
    const card = renderPartnerFormCard({
      title: 'T',
      step: '',
      intro: '',
      facts: [],
      linesHeading: '',
      lines: [],
      optionsHeading: '',
      options: [],
      inputs: [],
      warning: '',
      hint: 'h',
      submitTitle: '',
      submitData: {},
      cancelData: { command: 'cancel' },
    });
    expectWellFormed(card);
    expect(JSON.stringify(card)).toContain('"data":{"command":"cancel"}');
  });
});
