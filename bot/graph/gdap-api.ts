/**
 * The Microsoft Graph v1.0 GDAP API, typed: delegatedAdminRelationships, their requests (lockForApproval, terminate),
 * their accessAssignments, and delegatedAdminCustomers. A thin layer: one method per documented call, the documented
 * request bodies, responses validated with zod, failures as GraphResult values. All calls run in the partner tenant.
 */
import { z } from 'zod';
import { GDAP_STATUSES, type AutoExtendDuration, type GdapStatus } from '#domain/relationships/gdap-relationship.ts';
import type { AccessAssignmentStatus } from '#domain/assignments/access-assignment.ts';
import { BACKGROUND_DEADLINE_MS, type GraphCallOptions, type GraphClient } from './graph-client.ts';
import { graphFailed, graphOk, type GraphResult } from './graph-outcomes.ts';

export { BACKGROUND_DEADLINE_MS, CLICK_DEADLINE_MS } from './graph-client.ts';
export type { GraphCallOptions } from './graph-client.ts';

const RELATIONSHIPS = '/tenantRelationships/delegatedAdminRelationships';
const CUSTOMERS = '/tenantRelationships/delegatedAdminCustomers';

/** Graph's `delegatedAdminRelationship`, as read, with its `@odata.etag` for the next change. */
export interface GraphRelationship {
  readonly id: string;
  readonly etag: string;
  readonly displayName: string;
  /** ISO 8601 duration, e.g. `P730D`. */
  readonly duration: string;
  readonly customer: { readonly tenantId: string; readonly displayName: string };
  /** Role template ids. */
  readonly roleIds: readonly string[];
  /** `PT0S` (Graph also writes `P0D` for it) or `P180D`. */
  readonly autoExtendDuration: AutoExtendDuration;
  readonly status: GdapStatus;
  readonly createdDateTime: string;
  readonly activatedDateTime: string | null;
  readonly lastModifiedDateTime: string;
  readonly endDateTime: string | null;
}

/** Graph's `delegatedAdminRelationshipRequest`: the answer to lockForApproval or terminate. */
export interface GraphRelationshipRequest {
  readonly id: string;
  readonly action: 'lockForApproval' | 'terminate' | 'approve' | 'reject' | 'unknownFutureValue';
  readonly status: 'created' | 'pending' | 'succeeded' | 'failed' | 'unknownFutureValue';
  readonly createdDateTime: string;
  readonly lastModifiedDateTime: string;
}

/** Graph's `delegatedAdminAccessAssignment`: a partner security group given some of the relationship's roles. */
export interface GraphAccessAssignment {
  readonly id: string;
  readonly etag: string;
  /** The partner tenant's security group (`accessContainerType` `securityGroup`). */
  readonly groupId: string;
  readonly roleIds: readonly string[];
  readonly status: AccessAssignmentStatus;
  readonly createdDateTime: string;
  readonly lastModifiedDateTime: string;
}

/** Graph's `delegatedAdminCustomer`: a customer tenant the partner has GDAP relationships with. */
export interface GraphCustomer {
  readonly tenantId: string;
  readonly displayName: string;
}

export interface NewGraphRelationship {
  /** At most 50 characters, unique among the partner's relationships. */
  readonly displayName: string;
  /** ISO 8601, from `P1D` to `P730D`. */
  readonly duration: string;
  readonly customer: { readonly tenantId: string; readonly displayName?: string };
  readonly roleIds: readonly string[];
  readonly autoExtendDuration: AutoExtendDuration;
}

/** What may change: anything while `created`; `autoExtendDuration` while `active` too; and, once active, only removing Global Administrator. */
export interface GraphRelationshipChanges {
  readonly displayName?: string;
  readonly duration?: string;
  readonly customer?: { readonly tenantId: string; readonly displayName?: string };
  /** The full new list of role template ids (Graph replaces `accessDetails` whole). */
  readonly roleIds?: readonly string[];
  readonly autoExtendDuration?: AutoExtendDuration;
}

/** A change Graph made at once (200, with the object) or accepted to do as a long-running operation (202). */
export type GraphChange<T> =
  { readonly state: 'updated'; readonly value: T } | { readonly state: 'accepted'; readonly operationUrl: string | undefined };

const timestamp = z.string();
/** Graph writes "" or null for a date not reached yet; both become null. */
const optionalTimestamp = z
  .union([z.string(), z.null()])
  .optional()
  .transform((value) => (value === undefined || value === null || value === '' ? null : value));
const roleList = z
  .object({ unifiedRoles: z.array(z.looseObject({ roleDefinitionId: z.string().min(1) })) })
  .transform((details) => details.unifiedRoles.map((role) => role.roleDefinitionId.toLowerCase()));

const relationshipSchema = z
  .looseObject({
    '@odata.etag': z.string().min(1),
    id: z.string().min(1),
    displayName: z.string(),
    duration: z.string().regex(/^P/, 'must be an ISO 8601 duration'),
    customer: z.looseObject({ tenantId: z.string().min(1), displayName: z.string().nullish() }),
    accessDetails: roleList,
    autoExtendDuration: z.enum(['PT0S', 'P0D', 'P180D']).optional(),
    status: z.enum(GDAP_STATUSES),
    createdDateTime: timestamp,
    activatedDateTime: optionalTimestamp,
    lastModifiedDateTime: timestamp,
    endDateTime: optionalTimestamp,
  })
  .transform((r): GraphRelationship => ({
    id: r.id,
    etag: r['@odata.etag'],
    displayName: r.displayName,
    duration: r.duration,
    customer: { tenantId: r.customer.tenantId.toLowerCase(), displayName: r.customer.displayName ?? '' },
    roleIds: r.accessDetails,
    autoExtendDuration: r.autoExtendDuration === 'P180D' ? 'P180D' : 'PT0S',
    status: r.status,
    createdDateTime: r.createdDateTime,
    activatedDateTime: r.activatedDateTime,
    lastModifiedDateTime: r.lastModifiedDateTime,
    endDateTime: r.endDateTime,
  }));

const requestSchema = z
  .looseObject({
    id: z.string().min(1),
    action: z.enum(['lockForApproval', 'terminate', 'approve', 'reject', 'unknownFutureValue']),
    status: z.enum(['created', 'pending', 'succeeded', 'failed', 'unknownFutureValue']),
    createdDateTime: timestamp,
    lastModifiedDateTime: timestamp,
  })
  .transform((r): GraphRelationshipRequest => ({
    id: r.id,
    action: r.action,
    status: r.status,
    createdDateTime: r.createdDateTime,
    lastModifiedDateTime: r.lastModifiedDateTime,
  }));

const assignmentSchema = z
  .looseObject({
    '@odata.etag': z.string().min(1),
    id: z.string().min(1),
    accessContainer: z.looseObject({ accessContainerId: z.string().min(1), accessContainerType: z.literal('securityGroup') }),
    accessDetails: roleList,
    status: z.enum(['pending', 'active', 'deleting', 'deleted', 'error']),
    createdDateTime: timestamp,
    lastModifiedDateTime: timestamp,
  })
  .transform((a): GraphAccessAssignment => ({
    id: a.id,
    etag: a['@odata.etag'],
    groupId: a.accessContainer.accessContainerId.toLowerCase(),
    roleIds: a.accessDetails,
    status: a.status,
    createdDateTime: a.createdDateTime,
    lastModifiedDateTime: a.lastModifiedDateTime,
  }));

const customerSchema = z
  .looseObject({ tenantId: z.string().min(1), displayName: z.string().nullish() })
  .transform((c): GraphCustomer => ({ tenantId: c.tenantId.toLowerCase(), displayName: c.displayName ?? '' }));

function unifiedRoles(roleIds: readonly string[]): { unifiedRoles: { roleDefinitionId: string }[] } {
  return { unifiedRoles: roleIds.map((roleDefinitionId) => ({ roleDefinitionId })) };
}

function customerBody(customer: { readonly tenantId: string; readonly displayName?: string }): Record<string, string> {
  return customer.displayName === undefined || customer.displayName === ''
    ? { tenantId: customer.tenantId }
    : { tenantId: customer.tenantId, displayName: customer.displayName };
}

function segment(id: string): string {
  return encodeURIComponent(id);
}

/** The partner's GDAP relationships at Microsoft. Every method returns a GraphResult; none throws for Graph's answers. */
export class GdapApi {
  readonly #graph: GraphClient;

  constructor(graph: GraphClient) {
    this.#graph = graph;
  }

  get partnerTenantId(): string {
    return this.#graph.partnerTenantId;
  }

  /** The link the customer's Global Administrator opens to approve a relationship locked for approval. */
  static approvalLink(relationshipId: string): string {
    return `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/${encodeURIComponent(relationshipId)}`;
  }

  /** POST …/delegatedAdminRelationships (201): a relationship in `created`, still changeable. */
  async createRelationship(input: NewGraphRelationship, options?: GraphCallOptions): Promise<GraphResult<GraphRelationship>> {
    const body = {
      displayName: input.displayName,
      duration: input.duration,
      customer: customerBody(input.customer),
      accessDetails: unifiedRoles(input.roleIds),
      autoExtendDuration: input.autoExtendDuration,
    };
    return this.#object(
      await this.#graph.send(this.partnerTenantId, { method: 'POST', path: RELATIONSHIPS, body, schema: relationshipSchema }, options),
    );
  }

  /** GET …/delegatedAdminRelationships/{id}; `notFound` once it is gone at Microsoft. */
  async getRelationship(id: string, options?: GraphCallOptions): Promise<GraphResult<GraphRelationship>> {
    const path = `${RELATIONSHIPS}/${segment(id)}`;
    return this.#object(await this.#graph.send(this.partnerTenantId, { method: 'GET', path, schema: relationshipSchema }, options));
  }

  /** Every relationship of the partner, page after page. `filter` is an OData $filter, e.g. `status eq 'active'`. */
  async listRelationships(
    query: { readonly filter?: string } = {},
    options: GraphCallOptions = { deadlineMs: BACKGROUND_DEADLINE_MS },
  ): Promise<GraphResult<GraphRelationship[]>> {
    const params: Record<string, string> = query.filter === undefined ? {} : { $filter: query.filter };
    return this.#graph.listAll(this.partnerTenantId, RELATIONSHIPS, relationshipSchema, params, options);
  }

  /** PATCH with If-Match (412 `changedMeanwhile` when stale). 200 gives the object; 202 (removing Global Administrator) an operation. */
  async updateRelationship(
    id: string,
    etag: string,
    changes: GraphRelationshipChanges,
    options?: GraphCallOptions,
  ): Promise<GraphResult<GraphChange<GraphRelationship>>> {
    const body: Record<string, unknown> = {};
    if (changes.displayName !== undefined) body.displayName = changes.displayName;
    if (changes.duration !== undefined) body.duration = changes.duration;
    if (changes.customer !== undefined) body.customer = customerBody(changes.customer);
    if (changes.roleIds !== undefined) body.accessDetails = unifiedRoles(changes.roleIds);
    if (changes.autoExtendDuration !== undefined) body.autoExtendDuration = changes.autoExtendDuration;
    const path = `${RELATIONSHIPS}/${segment(id)}`;
    const answer = await this.#graph.send(
      this.partnerTenantId,
      { method: 'PATCH', path, body, ifMatch: etag, schema: relationshipSchema },
      options,
    );
    return changeOf(answer);
  }

  /** DELETE with If-Match (204). Only a `created` relationship can be deleted; later ones are terminated. */
  async deleteRelationship(id: string, etag: string, options?: GraphCallOptions): Promise<GraphResult<void>> {
    const answer = await this.#graph.send(
      this.partnerTenantId,
      { method: 'DELETE', path: `${RELATIONSHIPS}/${segment(id)}`, ifMatch: etag },
      options,
    );
    return answer.ok ? graphOk(undefined) : answer;
  }

  /** POST …/{id}/requests `lockForApproval`: `created` → `approvalPending`; then send the customer approvalLink(id). */
  async lockForApproval(id: string, options?: GraphCallOptions): Promise<GraphResult<GraphRelationshipRequest>> {
    return this.#request(id, 'lockForApproval', options);
  }

  /** POST …/{id}/requests `terminate`: an `active` relationship goes to `terminationRequested`, then `terminated`. */
  async terminate(id: string, options?: GraphCallOptions): Promise<GraphResult<GraphRelationshipRequest>> {
    return this.#request(id, 'terminate', options);
  }

  async #request(
    id: string,
    action: 'lockForApproval' | 'terminate',
    options?: GraphCallOptions,
  ): Promise<GraphResult<GraphRelationshipRequest>> {
    const path = `${RELATIONSHIPS}/${segment(id)}/requests`;
    return this.#object(
      await this.#graph.send(this.partnerTenantId, { method: 'POST', path, body: { action }, schema: requestSchema }, options),
    );
  }

  /** Every access assignment of a relationship. */
  async listAccessAssignments(relationshipId: string, options: GraphCallOptions = {}): Promise<GraphResult<GraphAccessAssignment[]>> {
    return this.#graph.listAll(
      this.partnerTenantId,
      `${RELATIONSHIPS}/${segment(relationshipId)}/accessAssignments`,
      assignmentSchema,
      {},
      options,
    );
  }

  async getAccessAssignment(relationshipId: string, id: string, options?: GraphCallOptions): Promise<GraphResult<GraphAccessAssignment>> {
    const path = `${RELATIONSHIPS}/${segment(relationshipId)}/accessAssignments/${segment(id)}`;
    return this.#object(await this.#graph.send(this.partnerTenantId, { method: 'GET', path, schema: assignmentSchema }, options));
  }

  /** POST …/accessAssignments (201): only on an `active` relationship, only with roles it includes. */
  async createAccessAssignment(
    relationshipId: string,
    input: { readonly groupId: string; readonly roleIds: readonly string[] },
    options?: GraphCallOptions,
  ): Promise<GraphResult<GraphAccessAssignment>> {
    const body = {
      accessContainer: { accessContainerId: input.groupId, accessContainerType: 'securityGroup' },
      accessDetails: unifiedRoles(input.roleIds),
    };
    const path = `${RELATIONSHIPS}/${segment(relationshipId)}/accessAssignments`;
    return this.#object(await this.#graph.send(this.partnerTenantId, { method: 'POST', path, body, schema: assignmentSchema }, options));
  }

  /** PATCH with If-Match: the full new role list. 200 (unchanged, with the object) or 202 (a long-running operation). */
  async updateAccessAssignment(
    relationshipId: string,
    id: string,
    etag: string,
    roleIds: readonly string[],
    options?: GraphCallOptions,
  ): Promise<GraphResult<GraphChange<GraphAccessAssignment>>> {
    const path = `${RELATIONSHIPS}/${segment(relationshipId)}/accessAssignments/${segment(id)}`;
    const request = {
      method: 'PATCH' as const,
      path,
      body: { accessDetails: unifiedRoles(roleIds) },
      ifMatch: etag,
      schema: assignmentSchema,
    };
    return changeOf(await this.#graph.send(this.partnerTenantId, request, options));
  }

  /** DELETE with If-Match (204). */
  async deleteAccessAssignment(relationshipId: string, id: string, etag: string, options?: GraphCallOptions): Promise<GraphResult<void>> {
    const path = `${RELATIONSHIPS}/${segment(relationshipId)}/accessAssignments/${segment(id)}`;
    const answer = await this.#graph.send(this.partnerTenantId, { method: 'DELETE', path, ifMatch: etag }, options);
    return answer.ok ? graphOk(undefined) : answer;
  }

  /** The partner's customers with GDAP relationships, page after page. */
  async listCustomers(options: GraphCallOptions = {}): Promise<GraphResult<GraphCustomer[]>> {
    return this.#graph.listAll(this.partnerTenantId, CUSTOMERS, customerSchema, {}, options);
  }

  #object<T>(answer: GraphResult<{ readonly body: T | undefined }>): GraphResult<T> {
    if (!answer.ok) return answer;
    return answer.value.body === undefined
      ? graphFailed({ kind: 'invalidResponse', detail: 'no body where Graph documents one' })
      : graphOk(answer.value.body);
  }
}

function changeOf<T>(
  answer: GraphResult<{ readonly status: number; readonly body: T | undefined; readonly location: string | undefined }>,
): GraphResult<GraphChange<T>> {
  if (!answer.ok) return answer;
  if (answer.value.status === 202 || answer.value.body === undefined)
    return graphOk({ state: 'accepted', operationUrl: answer.value.location });
  return graphOk({ state: 'updated', value: answer.value.body });
}
