import type { Actor } from '../actors/actor.ts';
import { auditEvent } from '../audit/audit-event.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import type { CampaignEntry, CampaignProgress, MigrationCampaign } from '../campaigns/migration-campaign.ts';
import { countProgress, progressOf } from '../campaigns/migration-campaign.ts';
import type { Permissions } from '../policy/access-policy.ts';
import type { Versioned } from '../ports/document-store.ts';
import { effectiveStatus } from '../relationships/gdap-lifecycle.ts';
import { MAX_DURATION_DAYS, MIN_DURATION_DAYS, rolesAllowAutoExtend } from '../relationships/gdap-validation.ts';
import type { Result } from '../shared/result.ts';
import { ok, refuse } from '../shared/result.ts';
import { templateRoleIds } from '../templates/role-template.ts';
import type { UseCaseContext } from './context.ts';
import { actingPartner, actingPartnerTemplate, CHANGED_MEANWHILE, personRef } from './context.ts';
import { lockForApproval, requestGdapRelationship, suggestName } from './partner-requests.ts';
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
  readonly progress: CampaignProgress | 'proposed';
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
    const relationship = e.relationshipId === null ? undefined : (await context.gdap.get(e.relationshipId))?.value;
    rows.push({
      customerTenantId: e.customerTenantId,
      customerName: e.customerName,
      displayName: relationship?.displayName ?? e.displayName,
      relationshipId: e.relationshipId,
      progress: c.state === 'proposed' ? 'proposed' : progressOf(relationship, now),
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
    counts: countProgress(rows.flatMap((r) => (r.progress === 'proposed' ? [] : [r.progress]))),
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
 * Starts a proposed campaign: claims it (compare-and-set, `proposed` → `creating`: a second click finds it started),
 * then requests and sends for approval one relationship from the template per customer, through the same use cases
 * as a single request (policy, name claims, the system of record, audit), and records where each stands.
 */
export async function startMigrationCampaign(
  context: UseCaseContext,
  actor: Actor,
  input: { id: string; version: string },
): Promise<Result<CampaignView>> {
  const partner = campaignPartner(actor);
  if (!partner.ok) return partner;
  const { partnerTenantId, may } = partner.value;
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
  const creating: MigrationCampaign = { ...stored.value, state: 'creating' };
  const claimed = await context.campaigns.save(
    creating,
    stored.version,
    campaignEvent(context, actor, 'campaign.started', creating, 'proposed', ''),
  );
  if (!claimed.ok) {
    const current = claimed.current ?? stored;
    return refuse('conflict', CHANGED_MEANWHILE, await campaignView(context, current, may));
  }
  const roles = templateRoleIds(template.value);
  const entries: CampaignEntry[] = [];
  for (const e of stored.value.entries) {
    const created = await requestGdapRelationship(context, actor, {
      customerTenantId: e.customerTenantId,
      displayName: e.displayName,
      duration: stored.value.duration,
      roles,
      autoExtendDuration: stored.value.autoExtendDuration,
      templateId: template.value.id,
    });
    if (!created.ok) {
      entries.push({ ...e, failure: created.message });
      continue;
    }
    const locked = await lockForApproval(context, actor, { id: created.value.id, version: created.value.version });
    entries.push(
      locked.ok ? { ...e, relationshipId: created.value.id } : { ...e, relationshipId: created.value.id, failure: locked.message },
    );
  }
  const sent: MigrationCampaign = { ...creating, state: 'sent', entries };
  const failed = entries.filter((e) => e.relationshipId === null).length;
  const written = await context.campaigns.save(
    sent,
    claimed.version,
    campaignEvent(context, actor, 'campaign.sent', sent, 'creating', `${entries.length - failed} requests sent, ${failed} failed`),
  );
  if (!written.ok) throw new Error(`campaign ${sent.id} changed while this instance held its claim`);
  return ok(await campaignView(context, { value: sent, version: written.version }, may));
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
