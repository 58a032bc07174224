import type { NoticeDelivery } from '#presenters/notice-delivery.presenter.ts';
import type { Request, Response, Server } from 'restify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { UserActor } from '#domain/actors/actor.ts';
import { ownOrganizationPermissions } from '#domain/policy/access-policy.ts';
import type { PartnerAccess } from '#domain/partner-access.ts';
import type { Directory } from '#domain/ports/directory.ts';
import type { Clock } from '#domain/ports/clock.ts';
import type { ReconciledChange } from '#domain/use-cases/reconcile.ts';
import { PARTNER_RELATIONSHIPS_PAGE } from '#domain/use-cases/remove-partner-roles.ts';
import { cursorToken, parseCursorToken } from '#domain/use-cases/partner-page.ts';
import type { RemovePartnerRolesOutcome } from '#domain/use-cases/remove-partner-roles.ts';
import { buildRemoveRolesResult } from '#presenters/customer/remove-roles.presenter.ts';
import { customerRows, removeRolesPreview } from './customer-rows.ts';
import { partnerRows } from './partner-rows.ts';
import { campaignForTab, postureForTab } from './partner-operations.ts';
import type { CustomerPartners, PartnerCampaigns, PartnerRelationships, RemoveRolesResult, TabConfig, TabMe } from './tab-contract.ts';
import { param, readJsonBody, sendError, sendJson, sendRefusal } from './tab-http.ts';
import type { IdentifyCaller } from './tab-identity.ts';

export interface TabApiDeps {
  readonly domain: PartnerAccess;
  readonly directory: Directory;
  readonly clock: Clock;
  readonly identify: IdentifyCaller;
  /** What GET /api/tab/config tells the page (demo users only in local mode). */
  readonly pageConfig: () => Promise<TabConfig>;
  readonly logger: Logger;
  /** Tells the partner, as the chat does after the same use case. */
  readonly notifyRolesRemoved: (outcome: RemovePartnerRolesOutcome, customerName: string) => Promise<NoticeDelivery>;
  /** Graph mode: tells the partner what a "check now" learned from Microsoft (an approval, an ending), once. */
  readonly announce?: (change: ReconciledChange) => Promise<void>;
}

type ActorHandler = (actor: UserActor, req: Request, res: Response) => Promise<void>;

const ROLE_WORDS = { AdminAgent: 'Admin agent', SalesAgent: 'Sales agent', HelpdeskAgent: 'Helpdesk agent' } as const;
const changeBody = z.object({ version: z.string().min(1).max(200) });
const confirmBody = z.object({
  confirm: z.literal(true),
  shown: z
    .array(z.object({ kind: z.enum(['reseller', 'gdap']), id: z.string().min(1).max(200), version: z.string().min(1).max(200) }))
    .max(100),
});
/** The partner list's query parameters; a page is 50 rows unless the page asks for fewer (at most 100). */
const pageQuery = z.object({
  sort: z.enum(['customer', 'name', 'type', 'status', 'end', 'daysLeft']).default('end'),
  desc: z
    .enum(['0', '1'])
    .default('0')
    .transform((d) => d === '1'),
  status: z.enum(['all', 'active', 'expiring', 'approvalPending', 'created', 'invited', 'ended']).default('all'),
  customer: z.string().max(200).optional(),
  within: z.coerce.number().int().min(0).max(730).optional(),
  after: z
    .string()
    .max(2_000)
    .transform((token, ctx) => {
      const cursor = parseCursorToken(token);
      if (cursor === undefined) ctx.addIssue({ code: 'custom', message: 'not a page token' });
      return cursor;
    })
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** The tab's JSON API: every answer comes from the domain's use cases, for the caller the identity check names. */
export function mountTabApi(server: Server, deps: TabApiDeps): void {
  const withActor = (handler: ActorHandler) => async (req: Request, res: Response) => {
    try {
      const who = await deps.identify(req.headers);
      if (!who.ok) return sendError(res, who.status, who.reason);
      const actor = await deps.domain.resolveActor(who.identity.tenantId, who.identity.userId);
      if (actor.tenantKind === 'unknown') return sendError(res, 403, 'Your organization is not known to Partner Access.');
      if (!actor.known) return sendError(res, 403, 'Your account was not found in your organization’s directory.');
      await handler(actor, req, res);
    } catch (error) {
      deps.logger.error({ err: error, path: req.path() }, 'tab API failed');
      if (!res.headersSent) sendError(res, 500, 'Something went wrong; please try again in a moment.');
    }
  };

  server.get('/api/tab/config', async (_req: Request, res: Response) => sendJson(res, 200, await deps.pageConfig()));

  server.get(
    '/api/tab/me',
    withActor(async (actor, _req, res) => {
      const tenant = await deps.directory.findTenant(actor.tenantId);
      const me: TabMe = {
        name: actor.name,
        tenantName: tenant?.name ?? actor.tenantId,
        side: actor.tenantKind === 'partner' ? 'partner' : 'customer',
        roles: actor.tenantKind === 'partner' ? actor.partnerCenterRoles.map((r) => ROLE_WORDS[r]) : actor.entraRoles,
      };
      sendJson(res, 200, me);
    }),
  );

  server.get(
    '/api/tab/partner/relationships',
    withActor(async (actor, req, res) => {
      const query = pageQuery.safeParse(Object.fromEntries(new URL(req.url ?? '/', 'http://tab.invalid').searchParams));
      if (!query.success) return sendError(res, 400, 'That list cannot be shown: check the sort, filters and page.');
      const q = query.data;
      const listed = await deps.domain.listPartnerRelationshipsPage(actor, {
        partnerTenantId: actor.tenantId,
        // Days left order the same rows as their end date (rows without one last).
        sort: q.sort === 'daysLeft' ? 'end' : q.sort,
        descending: q.desc,
        status: q.status,
        limit: q.limit,
        ...(q.customer === undefined || q.customer.trim() === '' ? {} : { customer: q.customer }),
        ...(q.within === undefined ? {} : { expiringWithinDays: q.within }),
        ...(q.after === undefined ? {} : { after: q.after }),
      });
      if (!listed.ok) return sendRefusal(res, listed);
      const tenant = await deps.directory.findTenant(actor.tenantId);
      const body: PartnerRelationships = {
        partnerName: tenant?.name ?? actor.tenantId,
        now: deps.clock.now().toISOString(),
        rows: partnerRows(listed.value.rows),
        startHint: partnerStartHint(actor),
        total: listed.value.total,
        matching: listed.value.matching,
        next: listed.value.next === null ? null : cursorToken(listed.value.next),
      };
      sendJson(res, 200, body);
    }),
  );

  server.get(
    '/api/tab/partner/posture',
    withActor(async (actor, _req, res) => {
      const report = await deps.domain.checkGdapPosture(actor, {});
      if (!report.ok) return sendRefusal(res, report);
      sendJson(res, 200, postureForTab(report.value));
    }),
  );

  server.get(
    '/api/tab/partner/campaigns',
    withActor(async (actor, _req, res) => {
      const listed = await deps.domain.listMigrationCampaigns(actor, {});
      if (!listed.ok) return sendRefusal(res, listed);
      const body: PartnerCampaigns = { campaigns: listed.value.map(campaignForTab) };
      sendJson(res, 200, body);
    }),
  );

  server.post(
    '/api/tab/partner/gdap/:id/:change',
    withActor(async (actor, req, res) => {
      const id = param(req, 'id') ?? '';
      const change = param(req, 'change');
      const body = await readJsonBody(req);
      if (!body.ok) return sendError(res, body.status, body.reason);
      const parsed = changeBody.safeParse(body.json);
      if (!parsed.success) return sendError(res, 400, 'Send the version you read.');
      const input = { id, version: parsed.data.version };
      if (change === 'check') {
        const checked = await deps.domain.checkRelationshipNow(actor, { id });
        if (!checked.ok) return sendRefusal(res, checked);
        if (checked.value.change !== undefined) await deps.announce?.(checked.value.change);
        return sendJson(res, 200, { statusText: checked.value.relationship.statusText });
      }
      const result =
        change === 'lock'
          ? await deps.domain.lockForApproval(actor, input)
          : change === 'autoExtendOn'
            ? await deps.domain.changeAutoExtend(actor, { ...input, autoExtendDuration: 'P180D' })
            : change === 'autoExtendOff'
              ? await deps.domain.changeAutoExtend(actor, { ...input, autoExtendDuration: 'PT0S' })
              : undefined;
      if (result === undefined) return sendError(res, 404, 'No such change.');
      if (!result.ok) return sendRefusal(res, result);
      sendJson(res, 200, { statusText: result.value.statusText });
    }),
  );

  server.get(
    '/api/tab/customer/partners',
    withActor(async (actor, _req, res) => {
      const listed = await deps.domain.listPartnersOfCustomer(actor, { customerTenantId: actor.tenantId });
      if (!listed.ok) return sendRefusal(res, listed);
      const agreement = await deps.domain.getCustomerAgreement(actor, { customerTenantId: actor.tenantId });
      if (!agreement.ok) return sendRefusal(res, agreement);
      const a = agreement.value.acceptance;
      const tenant = await deps.directory.findTenant(actor.tenantId);
      const body: CustomerPartners = {
        customerName: tenant?.name ?? actor.tenantId,
        agreement:
          a === null
            ? { accepted: false }
            : { accepted: true, version: a.agreementVersion, acceptedBy: a.acceptedBy.name, acceptedDateTime: a.acceptedDateTime },
        rows: customerRows(listed.value),
        agreementHint: agreementHint(actor),
      };
      sendJson(res, 200, body);
    }),
  );

  server.get(
    '/api/tab/customer/partners/:partnerTenantId/remove-roles',
    withActor(async (actor, req, res) => {
      const listed = await deps.domain.listPartnersOfCustomer(actor, { customerTenantId: actor.tenantId });
      if (!listed.ok) return sendRefusal(res, listed);
      const partner = listed.value.find((p) => p.partner.tenantId === param(req, 'partnerTenantId'));
      if (partner === undefined) return sendError(res, 404, 'That partner was not found among yours.');
      // Graph mode: Microsoft keeps the record of partner roles, so the page says where the removal is done.
      sendJson(res, 200, removeRolesPreview(partner, deps.domain.systemOfRecord === 'graph' ? PARTNER_RELATIONSHIPS_PAGE : null));
    }),
  );

  server.post(
    '/api/tab/customer/partners/:partnerTenantId/remove-roles',
    withActor(async (actor, req, res) => {
      const body = await readJsonBody(req);
      if (!body.ok) return sendError(res, body.status, body.reason);
      const confirmed = confirmBody.safeParse(body.json);
      if (!confirmed.success) return sendError(res, 400, 'Confirm the removal first, from its preview.');
      const removed = await deps.domain.removePartnerRoles(actor, {
        customerTenantId: actor.tenantId,
        partnerTenantId: param(req, 'partnerTenantId') ?? '',
        shown: confirmed.data.shown,
      });
      if (!removed.ok) return sendRefusal(res, removed);
      const customer = (await deps.directory.findTenant(actor.tenantId))?.name ?? actor.tenantId;
      const told = await deps.notifyRolesRemoved(removed.value, customer);
      const done = buildRemoveRolesResult(removed.value, told);
      const result: RemoveRolesResult = {
        summary: [`${done.title}.`, ...done.removed, done.footer].join(' '),
        lost: done.lost,
        remains: done.remains,
      };
      sendJson(res, 200, result);
    }),
  );
}

/** What a partner person can start from an empty list, by what the policy lets them do. */
export function partnerStartHint(actor: UserActor): string {
  const may = ownOrganizationPermissions(actor);
  const can = (action: 'requestResellerRelationship' | 'requestGdapRelationship') => may[action].allowed;
  const words = [
    ...(can('requestResellerRelationship') ? ['"invite a customer"'] : []),
    ...(can('requestGdapRelationship') ? ['"new gdap"'] : []),
  ];
  return words.length > 0
    ? `Your organization has no relationships yet. Start one in the chat: ${words.join(' or ')}.`
    : 'Your organization has no relationships yet. An Admin agent or a Sales agent of your organization can start one.';
}

/** Who can accept the Microsoft Customer Agreement, said to this person. */
export function agreementHint(actor: UserActor): string {
  return ownOrganizationPermissions(actor).acceptCustomerAgreement.allowed
    ? 'Not accepted yet: partners cannot buy or manage subscriptions for you until it is. You can accept it: type "customer agreement" in the chat.'
    : 'Not accepted yet: partners cannot buy or manage subscriptions for you until a Billing or Global admin of your organization accepts it.';
}
