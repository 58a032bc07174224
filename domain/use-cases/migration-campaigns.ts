import type { Actor } from '../actors/actor.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import type { CampaignEntry, CampaignProgress, MigrationCampaign } from '../campaigns/migration-campaign.ts';
import { campaignRequestId, campaignSendId, countProgress, isSettled, progressOf } from '../campaigns/migration-campaign.ts';
import {
  campaignInvitationDocument,
  campaignJobDocument,
  campaignJobId,
  OUTBOX_COLLECTION,
  type OutboxRecord,
  type SenderCard,
} from '../notifications/outbox.ts';
import type { Permissions } from '../policy/access-policy.ts';
import { permissionsFor } from '../policy/access-policy.ts';
import type { NewDocument, Versioned } from '../ports/document-store.ts';
import type { GdapRelationship } from '../relationships/gdap-relationship.ts';
import type { RoleTemplate } from '../templates/role-template.ts';
import { effectiveStatus } from '../relationships/gdap-lifecycle.ts';
import { MAX_DURATION_DAYS, MIN_DURATION_DAYS, rolesAllowAutoExtend } from '../relationships/gdap-validation.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';
import { templateRoleIds } from '../templates/role-template.ts';
import type { UseCaseContext } from './context.ts';
import { actingPartner, actingPartnerTemplate, CHANGED_MEANWHILE, personRef } from './context.ts';
import { lockForApproval, requestGdapAs, suggestName } from './partner-requests.ts';
import type { RoleView } from './views.ts';
import { roleView } from './views.ts';

/** Which customers a campaign proposes a request to: those still on DAP, every reseller customer, or named ones. */
export type CampaignScope = 'dap' | 'all' | readonly string[];

export interface ProposeCampaignInput {
  readonly templateId: string;
  readonly scope: CampaignScope;
  /** Whole days, 1–730 (default 730). */
  readonly durationDays?: number;
  readonly autoExtend?: boolean;
}

/** One customer of a campaign, as cards and the tab show it. */
export interface CampaignRowView {
  readonly customerTenantId: string;
  readonly customerName: string;
  readonly displayName: string;
  readonly relationshipId: string | null;
  /**
   * `proposed`: not started; `creating`: started, its request not made yet; `requested`: started, its request asked of
   * Microsoft but not confirmed yet (graph mode: it may be made); `sending`: started, its request made, its sending for
   * approval not confirmed by Microsoft yet (graph mode); else where its request stands.
   */
  readonly progress: CampaignProgress | 'proposed' | 'creating' | 'requested' | 'sending';
  /** Still holds DAP from this partner (the customer can remove it once GDAP is approved). */
  readonly onDap: boolean;
  readonly failure?: string;
}

/** A campaign with its progress as of now. */
export interface CampaignView {
  readonly id: string;
  readonly version: string;
  readonly name: string;
  readonly state: MigrationCampaign['state'];
  readonly templateName: string;
  readonly roles: readonly RoleView[];
  readonly duration: string;
  readonly autoExtend: boolean;
  readonly createdBy: string;
  readonly createdDateTime: string;
  readonly total: number;
  /**
   * While `creating`: how many customers have their request made and sent, could not, or are still to do; of those to do,
   * how many have their request asked of Microsoft, unconfirmed (`requested`), and how many have it made and wait for
   * Microsoft to confirm its sending for approval (`sending`).
   */
  readonly creation: {
    readonly sent: number;
    readonly failed: number;
    readonly toDo: number;
    readonly requested: number;
    readonly sending: number;
  };
  readonly counts: Readonly<Record<CampaignProgress, number>>;
  readonly rows: readonly CampaignRowView[];
  readonly may: Permissions;
}

const NOT_FOUND = 'That migration campaign was not found.';

/** The partner whose campaigns the person runs (an Admin agent's), or the refusal. */
const NOT_PARTNER = 'Only a partner runs migration campaigns.';
const campaignPartner = (actor: Actor) => actingPartner(actor, 'runMigrationCampaign', NOT_PARTNER);

function campaignEvent(
  context: UseCaseContext,
  actor: Actor,
  action: string,
  c: MigrationCampaign,
  before: string | null,
  detail: string,
): AuditEvent {
  return auditEvent({
    id: context.ids.newId(),
    now: context.clock.now(),
    actor,
    action,
    target: { kind: 'migrationCampaign', id: c.id, displayName: c.name },
    partnerTenantId: c.partnerTenantId,
    customerTenantId: c.partnerTenantId,
    statusBefore: before,
    statusAfter: c.state,
    detail,
  });
}

/** Where one customer of a campaign stands (see CampaignRowView.progress). */
function rowProgress(
  c: MigrationCampaign,
  e: CampaignEntry,
  relationship: GdapRelationship | undefined,
  now: Date,
): CampaignRowView['progress'] {
  if (c.state === 'proposed') return 'proposed';
  if (c.state === 'creating') {
    if (e.step === undefined) return e.relationshipId !== null ? 'sending' : e.waitingSince !== undefined ? 'requested' : 'creating';
    return e.step === 'sent' ? 'waiting' : 'failed';
  }
  // Created but never sent for approval: not sent, unless someone sent it since (from "my customers").
  if (e.step === 'failed' && relationship?.status === 'created') return 'failed';
  return progressOf(relationship, now);
}

async function campaignView(context: UseCaseContext, stored: Versioned<MigrationCampaign>, may: Permissions): Promise<CampaignView> {
  const c = stored.value;
  const now = context.clock.now();
  const onDap = new Set(
    (await context.reseller.listByPartner(c.partnerTenantId))
      .filter((r) => r.value.status === 'active' && r.value.dapStatus === 'active')
      .map((r) => r.value.customer.tenantId),
  );
  const rows: CampaignRowView[] = [];
  for (const e of c.entries) {
    // While the requests are being made, each row says what the campaign recorded (no read per customer: the card is
    // rendered after every batch); once made, where each request stands is read from the relationship itself.
    const relationship = e.relationshipId === null || c.state !== 'sent' ? undefined : (await context.gdap.get(e.relationshipId))?.value;
    rows.push({
      customerTenantId: e.customerTenantId,
      customerName: e.customerName,
      displayName: relationship?.displayName ?? e.displayName,
      relationshipId: e.relationshipId,
      progress: rowProgress(c, e, relationship, now),
      onDap: onDap.has(e.customerTenantId),
      ...(e.failure === undefined ? {} : { failure: e.failure }),
    });
  }
  const template = await context.templates.get(c.template.id);
  return {
    id: c.id,
    version: stored.version,
    name: c.name,
    state: c.state,
    templateName: c.template.name,
    roles: (template === undefined ? [] : templateRoleIds(template.value)).map(roleView),
    duration: c.duration,
    autoExtend: c.autoExtendDuration === 'P180D',
    createdBy: c.createdBy.name,
    createdDateTime: c.createdDateTime,
    total: c.entries.length,
    creation: {
      sent: c.entries.filter((e) => e.step === 'sent' || (e.step === undefined && c.state === 'sent' && e.relationshipId !== null)).length,
      failed: c.entries.filter((e) => e.step === 'failed' || (e.step === undefined && c.state === 'sent' && e.relationshipId === null))
        .length,
      toDo: c.state === 'creating' ? c.entries.filter((e) => !isSettled(e)).length : 0,
      requested:
        c.state === 'creating'
          ? c.entries.filter((e) => !isSettled(e) && e.relationshipId === null && e.waitingSince !== undefined).length
          : 0,
      sending: c.state === 'creating' ? c.entries.filter((e) => !isSettled(e) && e.relationshipId !== null).length : 0,
    },
    counts: countProgress(
      rows.flatMap((r) =>
        r.progress === 'proposed' || r.progress === 'creating' || r.progress === 'requested' || r.progress === 'sending'
          ? []
          : [r.progress],
      ),
    ),
    rows,
    may,
  };
}

/**
 * Proposes a campaign, changing nothing at Microsoft or for any customer: one GDAP request from the template for each
 * customer in scope that has no open or active relationship from this template yet. The proposal is stored (state
 * `proposed`) so that starting it is one compare-and-set: two clicks start it once.
 */
export async function proposeMigrationCampaign(
  context: UseCaseContext,
  actor: Actor,
  input: ProposeCampaignInput,
): Promise<Result<CampaignView>> {
  const partner = await actingPartnerTemplate(context, actor, 'runMigrationCampaign', NOT_PARTNER, input.templateId);
  if (!partner.ok) return partner;
  const { partnerTenantId, may, template } = partner.value;
  const days = input.durationDays ?? MAX_DURATION_DAYS;
  if (!Number.isInteger(days) || days < MIN_DURATION_DAYS || days > MAX_DURATION_DAYS) {
    return refuse('invalid', `A GDAP relationship lasts from ${MIN_DURATION_DAYS} to ${MAX_DURATION_DAYS} days; ${days} is not possible.`);
  }
  const roleIds = templateRoleIds(template.value);
  if (input.autoExtend === true && !rolesAllowAutoExtend(roleIds)) {
    return refuse('invalid', 'This template includes Global Administrator, so its relationships cannot auto-extend.');
  }
  const now = context.clock.now();
  const resellers = (await context.reseller.listByPartner(partnerTenantId)).filter((r) => r.value.status === 'active');
  const named = Array.isArray(input.scope) ? new Set(input.scope) : undefined;
  const inScope = resellers.filter((r) =>
    named !== undefined ? named.has(r.value.customer.tenantId) : input.scope === 'all' || r.value.dapStatus === 'active',
  );
  const open = new Set(['created', 'approvalPending', 'approved', 'activating', 'active']);
  const covered = new Set(
    (await context.gdap.listByPartner(partnerTenantId))
      .filter((g) => g.value.fromTemplate?.templateId === template.value.id && open.has(effectiveStatus(g.value, now)))
      .map((g) => g.value.customer.tenantId),
  );
  const taken = new Set<string>();
  const entries: CampaignEntry[] = [];
  for (const r of inScope) {
    if (covered.has(r.value.customer.tenantId)) continue;
    let name = await suggestName(context, partnerTenantId, `${r.value.customer.displayName} ${template.value.name}`);
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${name.slice(0, 44)} (${n})`;
    taken.add(name.toLowerCase());
    entries.push({
      customerTenantId: r.value.customer.tenantId,
      customerName: r.value.customer.displayName,
      displayName: name,
      relationshipId: null,
    });
  }
  if (entries.length === 0) {
    return refuse(
      'nothing-to-change',
      input.scope === 'dap'
        ? `No customer still on DAP lacks a request from "${template.value.name}": nothing to propose.`
        : `Every customer in scope already has an open or active relationship from "${template.value.name}".`,
    );
  }
  const campaign: MigrationCampaign = {
    id: context.ids.newId(),
    partnerTenantId,
    name: `${template.value.name} for ${entries.length} customer${entries.length === 1 ? '' : 's'}`,
    template: { id: template.value.id, name: template.value.name, revision: template.value.revision },
    duration: `P${days}D`,
    autoExtendDuration: input.autoExtend === true ? 'P180D' : 'PT0S',
    createdBy: personRef(actor),
    createdDateTime: now.toISOString(),
    state: 'proposed',
    entries,
  };
  const written = await context.campaigns.save(
    campaign,
    null,
    campaignEvent(context, actor, 'campaign.proposed', campaign, null, `${entries.length} customers`),
  );
  if (!written.ok) return refuse('conflict', CHANGED_MEANWHILE);
  return ok(await campaignView(context, { value: campaign, version: written.version }, may));
}

/**
 * Starts a proposed campaign, inside the click and in one atomic write whatever its size: the campaign moves to
 * `creating` (compare-and-set on the version shown, so a second click or instance starts nothing) together with its
 * creation job in the outbox. The job (continueMigrationCampaign, run from the outbox in bounded batches by whichever
 * instance claims it) then requests and sends one relationship from the template per customer; nothing is requested here.
 */
export async function startMigrationCampaign(
  context: UseCaseContext,
  actor: Actor,
  input: { id: string; version: string; senderCard?: SenderCard },
): Promise<Result<CampaignView>> {
  const partner = campaignPartner(actor);
  if (!partner.ok) return partner;
  const { partnerTenantId, may } = partner.value;
  if (actor.kind !== 'user') return refuse('forbidden', NOT_PARTNER);
  const stored = await context.campaigns.get(input.id);
  if (stored === undefined || stored.value.partnerTenantId !== partnerTenantId) return refuse('not-found', NOT_FOUND);
  if (stored.value.state !== 'proposed') {
    return refuse(
      'invalid-transition',
      'This campaign was already started; here is how it stands.',
      await campaignView(context, stored, may),
    );
  }
  if (stored.version !== input.version) return refuse('conflict', CHANGED_MEANWHILE, await campaignView(context, stored, may));
  const template = await context.templates.get(stored.value.template.id);
  if (template === undefined) return refuse('not-found', 'The campaign’s role template no longer exists.');
  if (template.value.revision !== stored.value.template.revision) {
    return refuse(
      'conflict',
      `The template "${template.value.name}" changed after this proposal; propose the campaign again to use it as it is now.`,
    );
  }
  const now = context.clock.now();
  const creating: MigrationCampaign = {
    ...stored.value,
    state: 'creating',
    startedBy: personRef(actor),
    startedDateTime: now.toISOString(),
  };
  const sender = { tenantId: actor.tenantId, userId: actor.userId, name: actor.name };
  const claimed = await context.campaigns.save(
    creating,
    stored.version,
    campaignEvent(context, actor, 'campaign.started', creating, 'proposed', `${creating.entries.length} customers`),
    [campaignJobDocument(creating.id, sender, input.senderCard, now)],
  );
  if (!claimed.ok) {
    const current = claimed.current ?? stored;
    return refuse('conflict', CHANGED_MEANWHILE, await campaignView(context, current, may));
  }
  return ok(await campaignView(context, { value: creating, version: claimed.version }, may));
}

/** How many customers one step of a campaign's creation settles (one claim of its outbox job). */
export const CAMPAIGN_BATCH = 10;

/** One step of a campaign's creation: the campaign as it stands after it, and whether customers are left. */
export interface CampaignStep {
  readonly view: CampaignView;
  readonly more: boolean;
  /** The step settled no customer (each waits for Microsoft to confirm a write): the next one is worth trying only after a while. */
  readonly stalled: boolean;
}

/**
 * Graph mode: the write is kept and on its way at Microsoft, not confirmed yet (the outbox finishes it, idempotently):
 * the customer waits for it in later steps (see waitOrGiveUp); a retry under the same id finds what Microsoft made. This
 * is the one way Microsoft slow, busy or unreachable reaches a campaign: a write never answers 'unavailable' or
 * 'throttled' (WriteFailure), and the embedded store never refuses for a passing reason. Any other refusal is final.
 */
const ON_ITS_WAY = 'pending';

/** How a customer is shown failed when Microsoft never confirmed its write within the wait limit. */
export function unconfirmedInTime(what: 'request' | 'sending for approval', waitedMs: number): string {
  const hours = Math.max(1, Math.round(waitedMs / 3_600_000));
  return (
    `Microsoft did not confirm the ${what} in time (still unconfirmed after ${hours} ${hours === 1 ? 'hour' : 'hours'}), ` +
    'so it was given up. Check this customer in "my customers" before asking again: Microsoft may have made it after all.'
  );
}

/**
 * What a customer waiting for Microsoft keeps on its entry (the click's own words, "I will keep at it and tell you here",
 * are not true of a campaign: its job, not a chat, follows the write up, and its card tells where each customer stands).
 */
export function awaitingMicrosoft(what: 'request' | 'sending for approval', waitLimitMs: number | undefined): string {
  const hours = waitLimitMs === undefined ? undefined : Math.max(1, Math.round(waitLimitMs / 3_600_000));
  const shown = what === 'request' ? 'the request as made' : 'the request as sent for approval';
  return (
    `Microsoft has not confirmed the ${what} yet. The campaign checks again in its next steps, and its card shows ${shown} ` +
    'once Microsoft has' +
    (hours === undefined ? '.' : `; not confirmed within ${hours} ${hours === 1 ? 'hour' : 'hours'}, this customer is marked not sent.`)
  );
}

/**
 * A customer whose write is on its way at Microsoft: waited for from the first time it was seen so, until
 * the wait limit (the outbox's give-up window) has passed; then marked failed with a reason a person understands.
 */
function waitOrGiveUp(
  context: UseCaseContext,
  e: CampaignEntry,
  what: 'request' | 'sending for approval',
  waitLimitMs: number | undefined,
  relationshipId: string | null = e.relationshipId,
): CampaignEntry {
  const now = context.clock.now();
  const since = e.waitingSince ?? now.toISOString();
  const waited = now.getTime() - Date.parse(since);
  if (waitLimitMs !== undefined && waited > waitLimitMs) {
    return { ...e, relationshipId, step: 'failed', failure: unconfirmedInTime(what, waited), waitingSince: since };
  }
  // The request it was made (when it is its sending that is awaited) is recorded: the card says it is made.
  return { ...e, relationshipId, failure: awaitingMicrosoft(what, waitLimitMs), waitingSince: since };
}

/** A customer whose request is made and sent for approval: no failure of an earlier try stays on its entry. */
function sentEntry(e: CampaignEntry, relationshipId: string): CampaignEntry {
  const { failure: _earlier, ...rest } = e;
  return { ...rest, relationshipId, step: 'sent' };
}

/** The relationship a campaign requested for a customer, if it was requested (under its id, or, in graph mode, its name). */
async function entryRelationship(
  context: UseCaseContext,
  c: MigrationCampaign,
  e: CampaignEntry,
): Promise<Versioned<GdapRelationship> | undefined> {
  // Recorded on the entry (a campaign started before the creation ran in the background made its requests under new ids).
  if (e.relationshipId !== null) {
    const recorded = await context.gdap.get(e.relationshipId);
    if (recorded !== undefined) return recorded;
  }
  const byId = await context.gdap.get(campaignRequestId(c.id, e.customerTenantId));
  if (byId !== undefined || context.records.mode !== 'graph') return byId;
  // Graph mode: stored under the id Microsoft gave it; the name (unique per partner, held by the campaign's claim) finds it.
  const named = await context.gdap.findByDisplayName(c.partnerTenantId, e.displayName);
  return named?.value.customer.tenantId === e.customerTenantId && named.value.fromTemplate?.templateId === c.template.id
    ? named
    : undefined;
}

/**
 * Settles one customer of a campaign, idempotently: its request is made unless it exists (one id per campaign and
 * customer, so a retried or concurrent step finds it, never makes a second), then sent for approval unless it was.
 */
async function settleEntry(
  context: UseCaseContext,
  actor: Actor,
  c: MigrationCampaign,
  template: Versioned<RoleTemplate>,
  e: CampaignEntry,
  waitLimitMs: number | undefined,
): Promise<{ entry: CampaignEntry; sent?: Versioned<GdapRelationship> }> {
  let found = await entryRelationship(context, c, e);
  // The campaign reports how each customer's writes ended on its own card: none of them tells the person on its own.
  const partOf = { kind: 'migrationCampaign', id: c.id } as const;
  if (found === undefined) {
    const created = await requestGdapAs(
      context,
      actor,
      {
        customerTenantId: e.customerTenantId,
        displayName: e.displayName,
        duration: c.duration,
        roles: templateRoleIds(template.value),
        autoExtendDuration: c.autoExtendDuration,
        templateId: template.value.id,
      },
      campaignRequestId(c.id, e.customerTenantId),
      partOf,
    );
    if (!created.ok && created.code === ON_ITS_WAY) return { entry: waitOrGiveUp(context, e, 'request', waitLimitMs) };
    if (created.ok) found = { value: created.value.relationship, version: created.value.version };
    // The name taken meanwhile by this campaign's own request (another instance made it) is no failure.
    else if (created.code === 'duplicate') found = await entryRelationship(context, c, e);
    if (found === undefined) return { entry: { ...e, step: 'failed', failure: created.ok ? NOT_FOUND : created.message } };
  }
  const id = found.value.id;
  if (found.value.status === 'created') {
    // One sending per campaign and customer, however often this step is retried (its write kept once, finished once).
    const locked = await lockForApproval(
      context,
      actor,
      { id, version: found.version },
      { partOf, id: campaignSendId(c.id, e.customerTenantId) },
    );
    if (locked.ok)
      return {
        entry: sentEntry(e, id),
        sent: { value: locked.value.relationship, version: locked.value.version },
      };
    // Its sending on its way at Microsoft: a later step finds it sent (or sends it, if it was not).
    if (locked.code === ON_ITS_WAY) return { entry: waitOrGiveUp(context, e, 'sending for approval', waitLimitMs, id) };
    const now = await context.gdap.get(id);
    if (now === undefined || now.value.status === 'created') {
      return {
        entry: { ...e, relationshipId: id, step: 'failed', failure: `created as a draft, but not sent for approval: ${locked.message}` },
      };
    }
    found = now;
  }
  // Sent already (by an earlier try of this step, cut short before it was recorded): recorded as sent, its invitation
  // queued if the customer has yet to answer.
  return { entry: sentEntry(e, id), ...(found.value.status === 'approvalPending' ? { sent: found } : {}) };
}

/**
 * One step of a started campaign's creation, as the person who started it: the next `limit` customers not yet settled
 * (those not tried yet first, then those waiting for Microsoft), as many as its time budget lets it take, each get their
 * request, made and sent for approval (see settleEntry), then the campaign's progress is written with
 * compare-and-set, with the invitation to each newly sent customer's Global admins (one outbox entry per campaign and
 * customer) in the same atomic step; the last step marks the campaign sent. Safe to repeat and to run on several
 * instances at once: a step cut short anywhere is done again without a second request or a second sending.
 */
export async function continueMigrationCampaign(
  context: UseCaseContext,
  actor: Actor,
  input: {
    id: string;
    limit?: number;
    /**
     * How long a customer's write on its way at Microsoft is waited for (the outbox's give-up window) before the customer
     * is marked failed; no limit when absent.
     */
    waitLimitMs?: number;
    /**
     * How long the step goes on taking customers, on the context's clock: once it is used, the step takes no new customer
     * and leaves the rest to the next step (it always takes one, so that every step moves on). No limit when absent.
     */
    budgetMs?: number;
  },
): Promise<Result<CampaignStep>> {
  const stored = await context.campaigns.get(input.id);
  if (stored === undefined) return refuse('not-found', NOT_FOUND);
  const partner = campaignPartner(actor);
  if (partner.ok && partner.value.partnerTenantId !== stored.value.partnerTenantId) return refuse('not-found', NOT_FOUND);
  const may = permissionsFor(actor, { partnerTenantId: stored.value.partnerTenantId });
  if (stored.value.state !== 'creating') return ok({ view: await campaignView(context, stored, may), more: false, stalled: false });
  const template = await context.templates.get(stored.value.template.id);
  // What holds for every customer left: the person may no longer run campaigns, or the template is gone.
  const blocked = !partner.ok ? partner.message : template === undefined ? 'The campaign’s role template no longer exists.' : undefined;
  const limit = Math.max(1, input.limit ?? CAMPAIGN_BATCH);
  const startedAt = context.clock.now().getTime();
  const budgetUsed = () => input.budgetMs !== undefined && context.clock.now().getTime() - startedAt >= input.budgetMs;
  let current = stored;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const c = current.value;
    const entries = [...c.entries];
    const invitations: NewDocument[] = [];
    // Customers not tried yet come first, then those waiting for Microsoft: a step cut short by its budget, or customers
    // whose writes Microsoft keeps unconfirmed, never keep the others from being asked.
    const unsettled = c.entries.flatMap((e, i) => (isSettled(e) ? [] : [i]));
    const waiting = (i: number) => c.entries[i]?.waitingSince !== undefined;
    const queue = [...unsettled.filter((i) => !waiting(i)), ...unsettled.filter(waiting)].slice(0, limit);
    const todo: number[] = [];
    for (const i of queue) {
      const e = entries[i];
      if (e === undefined) continue;
      if (todo.length > 0 && budgetUsed()) break;
      todo.push(i);
      const settled =
        blocked !== undefined || template === undefined
          ? { entry: { ...e, step: 'failed' as const, failure: blocked ?? NOT_FOUND } }
          : await settleEntry(context, actor, c, template, e, input.waitLimitMs);
      entries[i] = settled.entry;
      if (settled.sent !== undefined && c.startedBy !== undefined) {
        const sender = { tenantId: c.startedBy.tenantId, userId: c.startedBy.userId, name: c.startedBy.name };
        const relationship = { id: settled.sent.value.id, version: settled.sent.version, customerTenantId: e.customerTenantId };
        invitations.push(campaignInvitationDocument(c.id, relationship, sender, context.clock.now()));
      }
    }
    const left = entries.filter((e) => !isSettled(e)).length;
    const finished = left === 0;
    const next: MigrationCampaign = finished
      ? { ...c, entries, state: 'sent', finishedDateTime: context.clock.now().toISOString() }
      : { ...c, entries };
    const sent = entries.filter((e) => e.step === 'sent').length;
    const event = finished
      ? campaignEvent(context, actor, 'campaign.sent', next, 'creating', `${sent} requests sent, ${entries.length - sent} not sent`)
      : undefined;
    const written = await context.campaigns.save(next, current.version, event, invitations);
    const stalled = !finished && todo.every((i) => entries[i]?.step === undefined);
    if (written.ok) {
      return ok({ view: await campaignView(context, { value: next, version: written.version }, may), more: !finished, stalled });
    }
    // Another instance moved it on meanwhile (two ran at once, or a lease ran out): what it recorded stands, and the
    // customers it has not settled are settled again from there (each settling finds what was already done).
    if (written.current === undefined) return refuse('not-found', NOT_FOUND);
    current = written.current;
    if (current.value.state !== 'creating') return ok({ view: await campaignView(context, current, may), more: false, stalled: false });
  }
  return ok({ view: await campaignView(context, current, may), more: true, stalled: false });
}

/**
 * The repair step's part for campaigns: a campaign left `creating` with no live creation job (started by a version that
 * made the requests inside the click, in a process that died half-way; or a job ended without finishing it) gets its job
 * again, as the person who started it (compare-and-set on the job record, so two sweepers restart it once). The job's
 * steps find what was made already (per-customer ids, the entry's recorded relationship), so nothing is made twice.
 * How many campaigns were restarted.
 */
export async function restartStalledCampaigns(context: UseCaseContext): Promise<number> {
  let restarted = 0;
  const partners = (await context.directory.listTenants()).filter((t) => t.partnerId !== undefined);
  for (const partner of partners) {
    for (const stored of await context.campaigns.listByPartner(partner.id)) {
      const c = stored.value;
      if (c.state !== 'creating') continue;
      const job = await context.store.get<OutboxRecord>(OUTBOX_COLLECTION, campaignJobId(c.id));
      if (job !== undefined && job.value.state === 'pending') continue;
      const by = c.startedBy ?? c.createdBy;
      const sender = { tenantId: by.tenantId, userId: by.userId, name: by.name };
      const document = campaignJobDocument(c.id, sender, job?.value.senderCard, context.clock.now());
      const written = await context.store.put(OUTBOX_COLLECTION, document.id, document.value, job?.version ?? null, {
        indexes: document.indexes ?? [],
      });
      if (written.ok) restarted += 1;
    }
  }
  return restarted;
}

/** One campaign of the partner, with its progress now. */
export async function getMigrationCampaign(context: UseCaseContext, actor: Actor, input: { id: string }): Promise<Result<CampaignView>> {
  const partner = campaignPartner(actor);
  if (!partner.ok) return partner;
  const stored = await context.campaigns.get(input.id);
  if (stored === undefined || stored.value.partnerTenantId !== partner.value.partnerTenantId) return refuse('not-found', NOT_FOUND);
  return ok(await campaignView(context, stored, partner.value.may));
}

/** The partner's campaigns that were started, newest first, each with its progress now. */
export async function listMigrationCampaigns(
  context: UseCaseContext,
  actor: Actor,
  _input: object = {},
): Promise<Result<readonly CampaignView[]>> {
  const partner = campaignPartner(actor);
  if (!partner.ok) return partner;
  const stored = (await context.campaigns.listByPartner(partner.value.partnerTenantId))
    .filter((c) => c.value.state !== 'proposed')
    .reverse();
  const views: CampaignView[] = [];
  for (const c of stored) views.push(await campaignView(context, c, partner.value.may));
  return ok(views);
}
