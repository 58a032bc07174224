/**
 * A local stand-in for Microsoft Graph v1.0 (the GDAP endpoints and the directory reads the bot makes) and for the
 * Microsoft Entra token endpoint, over https, written from Microsoft's published API reference. Tests point the bot
 * at it with GRAPH_BASE_URL (`stand.graphBaseUrl`) and AZURE_AUTHORITY_HOST (`stand.authorityHost`), as a deployment
 * would point at Microsoft, and the official SDKs do the rest.
 *
 * Contract followed (learn.microsoft.com/graph/api/…, v1.0):
 * - POST /tenantRelationships/delegatedAdminRelationships → 201 + Location, status `created`, `@odata.etag`.
 *   displayName ≤ 50 and unique for the partner (409 otherwise); duration P1D…P730D; autoExtendDuration PT0S | P0D | P180D,
 *   never P180D with Global Administrator (400).
 * - GET list (`$top`, `$filter` on status / customer/tenantId) with `@odata.nextLink` paging; GET one (404 when gone).
 * - PATCH with If-Match (412 stale, 400 without): anything while `created`; `autoExtendDuration` while `created` or `active`;
 *   from `active` only removing Global Administrator (202 Accepted, a long-running operation in Location). Else 400.
 * - DELETE with If-Match → 204, only while `created` (409 otherwise).
 * - POST …/{id}/requests {action}: `lockForApproval` from `created` (→ approvalPending), `terminate` from `active`/`expiring`
 *   (→ terminated), 201 with the request; otherwise 409.
 * - …/{id}/accessAssignments: POST 201 (`pending`, active on the next read) only on an `active` relationship, only roles it
 *   includes, container `securityGroup` naming a security group of the partner tenant; one per group (409); GET list/one;
 *   PATCH with If-Match (200 when identical, else 202 + Location); DELETE with If-Match → 204.
 * - GET /tenantRelationships/delegatedAdminCustomers: customers of relationships that were ever approved, paged.
 * - Directory reads in the tenant of the token: /organization, /users, /users/{id}, /users/{id}/memberOf,
 *   /groups (`$filter=securityEnabled eq true`), /groups/{id}, /groups/{id}/members, /directoryRoles, /directoryRoles/{id}/members.
 * - Entra: POST /{tenant}/oauth2/v2.0/token (client_credentials with a secret or a certificate assertion, verified), the
 *   OpenID metadata and instance discovery MSAL reads; a tenant that never consented answers AADSTS65001.
 *
 * Tests drive "the customer in the admin center" (approve, terminate, expire, delete), inject faults (429 with Retry-After,
 * 503, 403, 404, delays), and read `requests` to assert the exact bodies the bot sent.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { importX509, jwtVerify } from 'jose';
import { loadStandInTls } from './tls.ts';

export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';

export interface StandInUser {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
}

export interface StandInGroup {
  readonly id: string;
  readonly displayName: string;
  readonly securityEnabled?: boolean;
  /** User ids. */
  readonly members: readonly string[];
}

export interface StandInRole {
  readonly roleTemplateId: string;
  readonly displayName: string;
  /** User ids. */
  readonly members: readonly string[];
}

export interface StandInTenant {
  readonly id: string;
  readonly displayName: string;
  readonly defaultDomain: string;
  /** Whether an admin of this tenant consented to the app (false: tokens are refused with AADSTS65001). Default true. */
  readonly consented?: boolean;
  readonly users?: readonly StandInUser[];
  readonly groups?: readonly StandInGroup[];
  readonly roles?: readonly StandInRole[];
}

export interface StandInOptions {
  readonly partnerTenantId: string;
  readonly clientId: string;
  /** The app's secret; absent: only certificate assertions are accepted. */
  readonly clientSecret?: string;
  /** Accept assertions signed by the test client certificate (tls.ts). Default true. */
  readonly acceptClientCertificate?: boolean;
  readonly tenants: readonly StandInTenant[];
  /** Items per page when the request has no $top (default 100). */
  readonly pageSize?: number;
  /** Customers delegatedAdminCustomers lists from the start (from relationships approved before the test), by tenant id. */
  readonly customers?: readonly string[];
}

export interface RecordedRequest {
  readonly method: string;
  /** Graph: the path below the version (`/tenantRelationships/…`); Entra: the path (`/{tenant}/oauth2/v2.0/token`). */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly kind: 'graph' | 'token' | 'metadata';
  /** The tenant of the token (Graph) or of the path (Entra). */
  readonly tenantId: string | undefined;
  readonly ifMatch: string | undefined;
  /** JSON for Graph, the form fields for the token endpoint (secrets and assertions replaced by "***"). */
  readonly body: unknown;
  readonly status: number;
}

export interface FaultMatch {
  readonly method?: string;
  /** Tested against the recorded path. */
  readonly path?: RegExp;
  /** How many matching requests fail (default: every one until cleared). */
  readonly times?: number;
}

export type Fault =
  | { readonly status: 429; readonly retryAfterSeconds?: number }
  | { readonly status: 403 | 404 | 500 | 502 | 503 | 504; readonly retryAfterSeconds?: number }
  /** Answer nothing for this long (a timeout for a client with a shorter deadline), then handle normally. */
  | { readonly delayMs: number };

interface Relationship {
  id: string;
  version: number;
  displayName: string;
  duration: string;
  customer: { tenantId: string; displayName?: string };
  roleIds: string[];
  autoExtendDuration: string;
  status: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  activatedDateTime: string | null;
  endDateTime: string | null;
  everApproved: boolean;
  assignments: Assignment[];
}

interface Assignment {
  id: string;
  version: number;
  groupId: string;
  roleIds: string[];
  status: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

interface ArmedFault extends FaultMatch {
  readonly fault: Fault;
  remaining: number;
}

class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class GraphStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly #options: StandInOptions;
  readonly #tenants = new Map<string, StandInTenant & { consented: boolean }>();
  readonly #relationships = new Map<string, Relationship>();
  readonly #tokens = new Map<string, string>();
  readonly #faults: ArmedFault[] = [];
  readonly #sockets = new Set<Socket>();
  readonly #roleObjectIds = new Map<string, string>();
  #server: Server | undefined;
  #origin = '';
  #clock: () => Date = () => new Date();

  private constructor(options: StandInOptions) {
    this.#options = options;
    for (const tenant of options.tenants) this.#tenants.set(tenant.id.toLowerCase(), { ...tenant, consented: tenant.consented ?? true });
    if (!this.#tenants.has(options.partnerTenantId.toLowerCase())) throw new Error('the partner tenant must be among the tenants');
  }

  /** Starts the stand-in on a free loopback port, with the certificates of the test run's global setup. */
  static async start(options: StandInOptions): Promise<GraphStandIn> {
    const stand = new GraphStandIn(options);
    const tls = await loadStandInTls();
    const server = createServer({ cert: tls.serverCert, key: tls.serverKey }, (req, res) => {
      stand.#handle(req, res, tls.clientCertificate).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: { code: 'standInBug', message: String(error) } });
      });
    });
    server.on('connection', (socket: Socket) => {
      stand.#sockets.add(socket);
      socket.on('close', () => stand.#sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stand.#server = server;
    stand.#origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return stand;
  }

  /** GRAPH_BASE_URL for the bot. */
  get graphBaseUrl(): string {
    return `${this.#origin}/v1.0`;
  }

  /** AZURE_AUTHORITY_HOST for the bot. */
  get authorityHost(): string {
    return this.#origin;
  }

  /** The environment a bot process needs to use the stand-in (add GRAPH_CLIENT_SECRET or a certificate path). */
  get environment(): Record<string, string> {
    return {
      GRAPH_MODE: 'graph',
      PARTNER_TENANT_ID: this.#options.partnerTenantId,
      GRAPH_CLIENT_ID: this.#options.clientId,
      GRAPH_BASE_URL: this.graphBaseUrl,
      AZURE_AUTHORITY_HOST: this.authorityHost,
    };
  }

  /** Dates the stand-in writes (created, activated, end) come from this clock. */
  useClock(clock: () => Date): void {
    this.#clock = clock;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }

  // ---- faults and records ----

  /** Makes matching requests fail (or wait) as Graph or Entra would. */
  fail(match: FaultMatch, fault: Fault): void {
    this.#faults.push({ ...match, fault, remaining: match.times ?? Number.POSITIVE_INFINITY });
  }

  clearFaults(): void {
    this.#faults.length = 0;
  }

  /** Recorded Graph requests, optionally only those of one method and path pattern. */
  graphRequests(method?: string, path?: RegExp): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.kind === 'graph' && (method === undefined || r.method === method) && (path === undefined || path.test(r.path)),
    );
  }

  tokenRequests(tenantId?: string): RecordedRequest[] {
    return this.requests.filter((r) => r.kind === 'token' && (tenantId === undefined || r.tenantId === tenantId.toLowerCase()));
  }

  // ---- what the customer does in the admin center, or what Microsoft does with time ----

  /** The customer's Global Administrator approves: approvalPending → active, activated now, end = now + duration. */
  approve(relationshipId: string): void {
    const r = this.#relationship(relationshipId);
    if (r.status !== 'approvalPending') throw new Error(`cannot approve a relationship in ${r.status}`);
    const now = this.#clock();
    r.status = 'active';
    r.activatedDateTime = now.toISOString();
    r.endDateTime = new Date(now.getTime() + durationMs(r.duration)).toISOString();
    r.everApproved = true;
    this.#touch(r);
  }

  /** The customer terminates (or removes the partner's roles) in the admin center. */
  terminateByCustomer(relationshipId: string): void {
    const r = this.#relationship(relationshipId);
    r.status = 'terminated';
    r.endDateTime = this.#clock().toISOString();
    for (const a of r.assignments) a.status = 'deleted';
    this.#touch(r);
  }

  /** Sets any status (expired, expiring, …), as time or Microsoft would. */
  setStatus(relationshipId: string, status: string): void {
    const r = this.#relationship(relationshipId);
    r.status = status;
    if (status === 'active' || status === 'approved') r.everApproved = true;
    this.#touch(r);
  }

  /** The relationship disappears at Microsoft (later reads answer 404). */
  remove(relationshipId: string): void {
    this.#relationships.delete(relationshipId);
  }

  /** A relationship already at Microsoft (made elsewhere, e.g. in Partner Center): returns its id. */
  seedRelationship(input: {
    displayName: string;
    customerTenantId: string;
    customerName?: string;
    roleIds: readonly string[];
    status?: string;
    duration?: string;
    autoExtendDuration?: string;
  }): string {
    const now = this.#clock().toISOString();
    const status = input.status ?? 'active';
    const id = `${randomUUID()}-${randomUUID()}`;
    this.#relationships.set(id, {
      id,
      version: 1,
      displayName: input.displayName,
      duration: input.duration ?? 'P730D',
      customer: { tenantId: input.customerTenantId.toLowerCase(), displayName: input.customerName },
      roleIds: input.roleIds.map((x) => x.toLowerCase()),
      autoExtendDuration: input.autoExtendDuration ?? 'PT0S',
      status,
      createdDateTime: now,
      lastModifiedDateTime: now,
      activatedDateTime: status === 'active' ? now : null,
      endDateTime: status === 'active' ? new Date(Date.parse(now) + durationMs(input.duration ?? 'P730D')).toISOString() : null,
      everApproved: status === 'active',
      assignments: [],
    });
    return id;
  }

  /** What Graph holds now, in Graph's JSON shape (undefined when gone). */
  relationship(relationshipId: string): Record<string, unknown> | undefined {
    const r = this.#relationships.get(relationshipId);
    return r && this.#relationshipJson(r);
  }

  relationships(): Record<string, unknown>[] {
    return [...this.#relationships.values()].map((r) => this.#relationshipJson(r));
  }

  /**
   * Withdraws (false) or grants (true) a tenant's consent, as its admin would. New tokens are then refused (AADSTS65001);
   * tokens issued before stay valid until they expire, and Graph answers them 403, as it does once permissions are gone.
   */
  setConsent(tenantId: string, consented: boolean): void {
    const tenant = this.#tenants.get(tenantId.toLowerCase());
    if (!tenant) throw new Error(`unknown tenant ${tenantId}`);
    this.#tenants.set(tenantId.toLowerCase(), { ...tenant, consented });
  }

  // ---- HTTP ----

  async #handle(req: IncomingMessage, res: ServerResponse, clientCertificate: string): Promise<void> {
    const url = new URL(req.url ?? '/', this.#origin);
    const text = await readBody(req);
    const isGraph = url.pathname.startsWith('/v1.0/');
    const path = isGraph ? url.pathname.slice('/v1.0'.length) : url.pathname;
    const kind: RecordedRequest['kind'] = isGraph ? 'graph' : /\/oauth2\/v2\.0\/token$/.test(path) ? 'token' : 'metadata';
    const query = Object.fromEntries(url.searchParams);
    const method = req.method ?? 'GET';
    const ifMatch = header(req, 'if-match');
    const record = (status: number, tenantId: string | undefined, body: unknown) => {
      this.requests.push({ method, path, query, kind, tenantId, ifMatch, body, status });
    };

    const fault = this.#takeFault(method, path);
    if (fault && 'delayMs' in fault) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    else if (fault) {
      record(fault.status, undefined, safeJson(text));
      if (fault.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(fault.retryAfterSeconds));
      const code =
        fault.status === 429
          ? 'TooManyRequests'
          : fault.status === 403
            ? 'Authorization_RequestDenied'
            : fault.status === 404
              ? 'Request_ResourceNotFound'
              : 'ServiceUnavailable';
      sendJson(res, fault.status, { error: { code, message: `stand-in fault ${fault.status}` } });
      return;
    }

    if (!isGraph) {
      const tenant = path.split('/')[1]?.toLowerCase();
      try {
        const { status, body } =
          kind === 'token' ? await this.#token(tenant ?? '', text, clientCertificate) : this.#metadata(path, tenant ?? '');
        record(status, tenant, kind === 'token' ? redactForm(text) : undefined);
        sendJson(res, status, body);
      } catch (error) {
        const e = error instanceof HttpError ? error : new HttpError(500, 'server_error', String(error));
        record(e.status, tenant, kind === 'token' ? redactForm(text) : undefined);
        const codes = /^AADSTS(\d+)/.exec(e.message);
        sendJson(res, e.status, {
          error: e.code,
          error_description: `${e.message}\r\nTrace ID: ${randomUUID()}\r\nTimestamp: ${new Date().toISOString()}`,
          error_codes: codes ? [Number(codes[1])] : [],
          timestamp: new Date().toISOString(),
          trace_id: randomUUID(),
          correlation_id: randomUUID(),
        });
      }
      return;
    }

    const token = /^Bearer (.+)$/.exec(header(req, 'authorization') ?? '')?.[1];
    const tenantId = token === undefined ? undefined : this.#tokens.get(token);
    const body = safeJson(text);
    try {
      if (tenantId === undefined) throw new HttpError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
      if (this.#tenants.get(tenantId)?.consented === false) {
        throw new HttpError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
      }
      const answer = this.#graph(method, path, query, body, ifMatch, tenantId);
      record(answer.status, tenantId, body);
      if (answer.location) res.setHeader('Location', answer.location);
      if (answer.status === 204 || answer.body === undefined) {
        res.writeHead(answer.status);
        res.end();
      } else {
        sendJson(res, answer.status, answer.body);
      }
    } catch (error) {
      const e = error instanceof HttpError ? error : new HttpError(500, 'InternalServerError', String(error));
      record(e.status, tenantId, body);
      sendJson(res, e.status, {
        error: { code: e.code, message: e.message, innerError: { 'request-id': randomUUID(), date: new Date().toISOString() } },
      });
    }
  }

  #takeFault(method: string, path: string): Fault | undefined {
    const armed = this.#faults.find(
      (f) => f.remaining > 0 && (f.method === undefined || f.method === method) && (f.path === undefined || f.path.test(path)),
    );
    if (!armed) return undefined;
    armed.remaining -= 1;
    return armed.fault;
  }

  // ---- Entra ----

  #metadata(path: string, tenant: string): { status: number; body: unknown } {
    if (/^\/common\/discovery\/instance$/.test(path)) {
      const host = new URL(this.#origin).host;
      return {
        status: 200,
        body: {
          tenant_discovery_endpoint: `${this.#origin}/{tenant}/v2.0/.well-known/openid-configuration`,
          'api-version': '1.1',
          metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
        },
      };
    }
    if (/^\/[^/]+\/v2\.0\/\.well-known\/openid-configuration$/.test(path)) {
      const base = `${this.#origin}/${tenant}`;
      return {
        status: 200,
        body: {
          token_endpoint: `${base}/oauth2/v2.0/token`,
          token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
          jwks_uri: `${base}/discovery/v2.0/keys`,
          response_modes_supported: ['query', 'fragment', 'form_post'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
          response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
          scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
          issuer: `${base}/v2.0`,
          request_uri_parameter_supported: false,
          userinfo_endpoint: `${this.#origin}/oidc/userinfo`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
          http_logout_supported: true,
          frontchannel_logout_supported: true,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'tid'],
          kerberos_endpoint: `${base}/kerberos`,
          tenant_region_scope: 'EU',
          cloud_instance_name: new URL(this.#origin).hostname,
          cloud_graph_host_name: new URL(this.#origin).hostname,
          msgraph_host: new URL(this.#origin).host,
          rbac_url: this.#origin,
        },
      };
    }
    throw new HttpError(404, 'not_found', `AADSTS90002: no such endpoint ${path}`);
  }

  async #token(tenantId: string, text: string, clientCertificate: string): Promise<{ status: number; body: unknown }> {
    const form = new URLSearchParams(text);
    const tenant = this.#tenants.get(tenantId);
    if (form.get('grant_type') !== 'client_credentials')
      throw new HttpError(400, 'unsupported_grant_type', 'AADSTS70003: only client_credentials here');
    if (!tenant) throw new HttpError(400, 'invalid_request', `AADSTS90002: Tenant '${tenantId}' not found.`);
    const clientId = form.get('client_id');
    if (clientId?.toLowerCase() !== this.#options.clientId.toLowerCase()) {
      throw new HttpError(
        400,
        'unauthorized_client',
        `AADSTS700016: Application with identifier '${clientId ?? ''}' was not found in the directory.`,
      );
    }
    await this.#checkClientCredential(form, tenantId, clientCertificate);
    if (!tenant.consented) {
      throw new HttpError(
        400,
        'invalid_grant',
        `AADSTS65001: The user or administrator has not consented to use the application with ID '${clientId}'. Send an admin consent request.`,
      );
    }
    if (!(form.get('scope') ?? '').endsWith('/.default'))
      throw new HttpError(400, 'invalid_scope', 'AADSTS1002012: app-only scopes end with /.default');
    const token = `stand-in.${tenantId}.${randomUUID()}`;
    this.#tokens.set(token, tenantId);
    return { status: 200, body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token } };
  }

  async #checkClientCredential(form: URLSearchParams, tenantId: string, clientCertificate: string): Promise<void> {
    const secret = form.get('client_secret');
    const assertion = form.get('client_assertion');
    if (secret !== null) {
      if (this.#options.clientSecret === undefined || secret !== this.#options.clientSecret) {
        throw new HttpError(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
      }
      return;
    }
    if (assertion !== null && this.#options.acceptClientCertificate !== false) {
      if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
        throw new HttpError(400, 'invalid_request', 'AADSTS50027: client_assertion_type must be jwt-bearer');
      }
      try {
        const header = JSON.parse(Buffer.from(assertion.split('.')[0] ?? '', 'base64url').toString('utf8')) as { alg?: string };
        const key = await importX509(clientCertificate, header.alg ?? 'RS256');
        await jwtVerify(assertion, key, {
          issuer: this.#options.clientId,
          subject: this.#options.clientId,
          audience: `${this.#origin}/${tenantId}/oauth2/v2.0/token`,
          clockTolerance: 300, // as Entra: clocks differ a little (MSAL sets nbf a second after iat)
        });
      } catch (error) {
        throw new HttpError(401, 'invalid_client', `AADSTS700027: Client assertion failed signature validation. (${String(error)})`);
      }
      return;
    }
    throw new HttpError(401, 'invalid_client', 'AADSTS7000218: The request body must contain client_assertion or client_secret.');
  }

  // ---- Graph ----

  #graph(
    method: string,
    path: string,
    query: Record<string, string>,
    body: unknown,
    ifMatch: string | undefined,
    tenantId: string,
  ): { status: number; body?: unknown; location?: string } {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] === 'tenantRelationships') {
      if (tenantId !== this.#options.partnerTenantId.toLowerCase()) {
        throw new HttpError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
      }
      return this.#gdap(method, parts.slice(1), query, body, ifMatch);
    }
    if (method !== 'GET') throw new HttpError(405, 'Request_BadRequest', `${method} is not supported here`);
    return { status: 200, body: this.#directory(parts, query, tenantId) };
  }

  #gdap(
    method: string,
    parts: string[],
    query: Record<string, string>,
    body: unknown,
    ifMatch: string | undefined,
  ): { status: number; body?: unknown; location?: string } {
    const [collection, id, sub, subId] = parts;
    if (collection === 'delegatedAdminCustomers' && id === undefined && method === 'GET') {
      const customers = new Map<string, Record<string, unknown>>();
      for (const tenantId of this.#options.customers ?? []) {
        const id = tenantId.toLowerCase();
        customers.set(id, {
          '@odata.type': '#microsoft.graph.delegatedAdminCustomer',
          '@odata.etag': etag(1, id),
          id,
          tenantId: id,
          displayName: this.#tenants.get(id)?.displayName ?? '',
        });
      }
      for (const r of this.#relationships.values()) {
        if (!r.everApproved) continue;
        const name = r.customer.displayName ?? this.#tenants.get(r.customer.tenantId)?.displayName ?? '';
        customers.set(r.customer.tenantId, {
          '@odata.type': '#microsoft.graph.delegatedAdminCustomer',
          '@odata.etag': etag(1, r.customer.tenantId),
          id: r.customer.tenantId,
          tenantId: r.customer.tenantId,
          displayName: name,
        });
      }
      return { status: 200, body: this.#page('tenantRelationships/delegatedAdminCustomers', [...customers.values()], query) };
    }
    if (collection !== 'delegatedAdminRelationships')
      throw new HttpError(404, 'Request_ResourceNotFound', 'Resource not found for the segment.');
    if (id === undefined) {
      if (method === 'POST') return this.#createRelationship(body);
      if (method === 'GET') {
        const all = [...this.#relationships.values()].filter((r) => matchesFilter(r, query.$filter)).map((r) => this.#relationshipJson(r));
        return { status: 200, body: this.#page('tenantRelationships/delegatedAdminRelationships', all, query) };
      }
      throw new HttpError(405, 'Request_BadRequest', 'Method not allowed');
    }
    const r = this.#relationships.get(id);
    if (!r) throw new HttpError(404, 'Request_ResourceNotFound', `Relationship ${id} does not exist.`);
    if (sub === undefined) {
      if (method === 'GET') return { status: 200, body: this.#relationshipJson(r) };
      if (method === 'PATCH') return this.#updateRelationship(r, body, ifMatch);
      if (method === 'DELETE') {
        this.#checkEtag(ifMatch, r.version, r.id);
        if (r.status !== 'created')
          throw new HttpError(409, 'Conflict', `A relationship in ${r.status} status cannot be deleted; terminate it instead.`);
        this.#relationships.delete(id);
        return { status: 204 };
      }
      throw new HttpError(405, 'Request_BadRequest', 'Method not allowed');
    }
    if (sub === 'requests' && subId === undefined && method === 'POST') return this.#relationshipRequest(r, body);
    if (sub === 'accessAssignments') return this.#assignments(method, r, subId, query, body, ifMatch);
    throw new HttpError(404, 'Request_ResourceNotFound', 'Resource not found for the segment.');
  }

  #createRelationship(body: unknown): { status: number; body: unknown; location: string } {
    const input = object(body);
    const displayName = input.displayName;
    if (typeof displayName !== 'string' || displayName.trim() === '' || displayName.length > 50) {
      throw new HttpError(400, 'Request_BadRequest', 'displayName is required and must be at most 50 characters.');
    }
    if ([...this.#relationships.values()].some((r) => r.displayName.toLowerCase() === displayName.toLowerCase())) {
      throw new HttpError(409, 'Conflict', `A relationship named '${displayName}' already exists.`);
    }
    const duration = checkDuration(input.duration);
    const customer = object(input.customer);
    if (typeof customer.tenantId !== 'string' || !GUID.test(customer.tenantId))
      throw new HttpError(400, 'Request_BadRequest', 'customer.tenantId must be a GUID.');
    const roleIds = checkRoles(input.accessDetails);
    const autoExtendDuration = checkAutoExtend(input.autoExtendDuration ?? 'PT0S', roleIds);
    const now = this.#clock().toISOString();
    const r: Relationship = {
      id: `${randomUUID()}-${randomUUID()}`,
      version: 1,
      displayName,
      duration,
      customer: {
        tenantId: customer.tenantId.toLowerCase(),
        displayName: typeof customer.displayName === 'string' ? customer.displayName : undefined,
      },
      roleIds,
      autoExtendDuration,
      status: 'created',
      createdDateTime: now,
      lastModifiedDateTime: now,
      activatedDateTime: null,
      endDateTime: null,
      everApproved: false,
      assignments: [],
    };
    this.#relationships.set(r.id, r);
    return {
      status: 201,
      body: this.#relationshipJson(r),
      location: `${this.graphBaseUrl}/tenantRelationships/delegatedAdminRelationships/${r.id}`,
    };
  }

  #updateRelationship(r: Relationship, body: unknown, ifMatch: string | undefined): { status: number; body?: unknown; location?: string } {
    this.#checkEtag(ifMatch, r.version, r.id);
    const input = object(body);
    const keys = Object.keys(input);
    const allowed = ['displayName', 'duration', 'customer', 'accessDetails', 'autoExtendDuration'];
    const unknown = keys.filter((k) => !allowed.includes(k));
    if (unknown.length > 0) throw new HttpError(400, 'Request_BadRequest', `Properties cannot be updated: ${unknown.join(', ')}`);
    if (r.status === 'created') {
      if (typeof input.displayName === 'string') {
        const name = input.displayName;
        if (name.trim() === '' || name.length > 50)
          throw new HttpError(400, 'Request_BadRequest', 'displayName must be 1 to 50 characters.');
        if ([...this.#relationships.values()].some((o) => o.id !== r.id && o.displayName.toLowerCase() === name.toLowerCase())) {
          throw new HttpError(409, 'Conflict', `A relationship named '${name}' already exists.`);
        }
      }
      const duration = input.duration === undefined ? r.duration : checkDuration(input.duration);
      const roleIds = input.accessDetails === undefined ? r.roleIds : checkRoles(input.accessDetails);
      const autoExtend = checkAutoExtend(input.autoExtendDuration ?? r.autoExtendDuration, roleIds);
      if (typeof input.displayName === 'string') r.displayName = input.displayName;
      if (input.customer !== undefined) {
        const c = object(input.customer);
        if (typeof c.tenantId !== 'string' || !GUID.test(c.tenantId))
          throw new HttpError(400, 'Request_BadRequest', 'customer.tenantId must be a GUID.');
        r.customer = {
          tenantId: c.tenantId.toLowerCase(),
          displayName: typeof c.displayName === 'string' ? c.displayName : r.customer.displayName,
        };
      }
      r.duration = duration;
      r.roleIds = roleIds;
      r.autoExtendDuration = autoExtend;
      this.#touch(r);
      return { status: 200, body: this.#relationshipJson(r) };
    }
    if (r.status === 'active') {
      if (keys.length === 1 && keys[0] === 'autoExtendDuration') {
        r.autoExtendDuration = checkAutoExtend(input.autoExtendDuration, r.roleIds);
        this.#touch(r);
        return { status: 200, body: this.#relationshipJson(r) };
      }
      if (keys.length === 1 && keys[0] === 'accessDetails') {
        const roleIds = checkRoles(input.accessDetails);
        const expected = r.roleIds.filter((x) => x !== GLOBAL_ADMINISTRATOR);
        const removesOnlyGlobalAdmin = r.roleIds.includes(GLOBAL_ADMINISTRATOR) && sameSet(roleIds, expected);
        if (!removesOnlyGlobalAdmin) {
          throw new HttpError(
            400,
            'Request_BadRequest',
            'Roles of an active relationship cannot be added or changed; only Global Administrator can be removed.',
          );
        }
        r.roleIds = roleIds;
        for (const a of r.assignments) a.roleIds = a.roleIds.filter((x) => x !== GLOBAL_ADMINISTRATOR);
        this.#touch(r);
        return {
          status: 202,
          location: `${this.graphBaseUrl}/tenantRelationships/delegatedAdminRelationships/${r.id}/operations/${randomUUID()}`,
        };
      }
      throw new HttpError(
        400,
        'Request_BadRequest',
        'Only autoExtendDuration can be changed, or Global Administrator removed, on an active relationship.',
      );
    }
    throw new HttpError(400, 'Request_BadRequest', `A relationship in ${r.status} status cannot be updated.`);
  }

  #relationshipRequest(r: Relationship, body: unknown): { status: number; body: unknown; location: string } {
    const action = object(body).action;
    if (action === 'lockForApproval') {
      if (r.status !== 'created')
        throw new HttpError(409, 'Conflict', `Only a relationship in created status can be locked; this one is ${r.status}.`);
      r.status = 'approvalPending';
    } else if (action === 'terminate') {
      if (r.status !== 'active' && r.status !== 'expiring') {
        throw new HttpError(409, 'Conflict', `Only an active relationship can be terminated; this one is ${r.status}.`);
      }
      r.status = 'terminated';
      r.endDateTime = this.#clock().toISOString();
      for (const a of r.assignments) a.status = 'deleted';
    } else {
      throw new HttpError(400, 'Request_BadRequest', 'action must be lockForApproval or terminate.');
    }
    this.#touch(r);
    const now = this.#clock().toISOString();
    const requestId = randomUUID();
    return {
      status: 201,
      location: `${this.graphBaseUrl}/tenantRelationships/delegatedAdminRelationships/${r.id}/requests/${requestId}`,
      body: {
        '@odata.type': '#microsoft.graph.delegatedAdminRelationshipRequest',
        id: requestId,
        action,
        status: 'succeeded',
        createdDateTime: now,
        lastModifiedDateTime: now,
      },
    };
  }

  #assignments(
    method: string,
    r: Relationship,
    id: string | undefined,
    query: Record<string, string>,
    body: unknown,
    ifMatch: string | undefined,
  ): { status: number; body?: unknown; location?: string } {
    const base = `tenantRelationships/delegatedAdminRelationships/${r.id}/accessAssignments`;
    if (id === undefined && method === 'GET') {
      this.#settleAssignments(r);
      const live = r.assignments.filter((a) => a.status !== 'deleted').map((a) => this.#assignmentJson(a));
      return { status: 200, body: this.#page(base, live, query) };
    }
    if (id === undefined && method === 'POST') {
      if (r.status !== 'active')
        throw new HttpError(409, 'Conflict', `Access can only be assigned on an active relationship; this one is ${r.status}.`);
      const input = object(body);
      const container = object(input.accessContainer);
      if (container.accessContainerType !== 'securityGroup')
        throw new HttpError(400, 'Request_BadRequest', 'accessContainerType must be securityGroup.');
      const groupId = typeof container.accessContainerId === 'string' ? container.accessContainerId.toLowerCase() : '';
      const partner = this.#tenants.get(this.#options.partnerTenantId.toLowerCase());
      const group = partner?.groups?.find((g) => g.id.toLowerCase() === groupId);
      if (!group || group.securityEnabled === false) {
        throw new HttpError(400, 'Request_BadRequest', 'accessContainerId must be a security group of the partner tenant.');
      }
      const roleIds = checkRoles(input.accessDetails);
      const outside = roleIds.filter((x) => !r.roleIds.includes(x));
      if (outside.length > 0) throw new HttpError(400, 'Request_BadRequest', `Roles not in the relationship: ${outside.join(', ')}`);
      if (r.assignments.some((a) => a.groupId === groupId && a.status !== 'deleted')) {
        throw new HttpError(409, 'Conflict', 'This security group already has an access assignment on this relationship.');
      }
      const now = this.#clock().toISOString();
      const a: Assignment = {
        id: randomUUID(),
        version: 1,
        groupId,
        roleIds,
        status: 'pending',
        createdDateTime: now,
        lastModifiedDateTime: now,
      };
      r.assignments.push(a);
      return { status: 201, body: this.#assignmentJson(a), location: `${this.graphBaseUrl}/${base}/${a.id}` };
    }
    const a = r.assignments.find((x) => x.id === id && x.status !== 'deleted');
    if (!a) throw new HttpError(404, 'Request_ResourceNotFound', `Access assignment ${id ?? ''} does not exist.`);
    if (method === 'GET') {
      this.#settleAssignments(r);
      return { status: 200, body: this.#assignmentJson(a) };
    }
    if (method === 'PATCH') {
      this.#checkEtag(ifMatch, a.version, a.id);
      const roleIds = checkRoles(object(body).accessDetails);
      const outside = roleIds.filter((x) => !r.roleIds.includes(x));
      if (outside.length > 0) throw new HttpError(400, 'Request_BadRequest', `Roles not in the relationship: ${outside.join(', ')}`);
      if (sameSet(roleIds, a.roleIds)) return { status: 200, body: this.#assignmentJson(a) };
      a.roleIds = roleIds;
      a.version += 1;
      a.lastModifiedDateTime = this.#clock().toISOString();
      return {
        status: 202,
        location: `${this.graphBaseUrl}/tenantRelationships/delegatedAdminRelationships/${r.id}/operations/${randomUUID()}`,
      };
    }
    if (method === 'DELETE') {
      this.#checkEtag(ifMatch, a.version, a.id);
      a.status = 'deleted';
      return { status: 204 };
    }
    throw new HttpError(405, 'Request_BadRequest', 'Method not allowed');
  }

  /** Assignments Graph has finished making since the last read become active, as they do at Microsoft after a short while. */
  #settleAssignments(r: Relationship): void {
    for (const a of r.assignments) {
      if (a.status === 'pending') {
        a.status = 'active';
        a.version += 1;
      }
    }
  }

  #directory(parts: string[], query: Record<string, string>, tenantId: string): unknown {
    const tenant = this.#tenants.get(tenantId);
    if (!tenant) throw new HttpError(404, 'Request_ResourceNotFound', 'tenant');
    const users = tenant.users ?? [];
    const groups = tenant.groups ?? [];
    const roles = tenant.roles ?? [];
    const userJson = (u: StandInUser) => ({
      '@odata.type': '#microsoft.graph.user',
      id: u.id,
      displayName: u.displayName,
      mail: u.mail,
      userPrincipalName: u.mail,
    });
    const groupJson = (g: StandInGroup) => ({
      '@odata.type': '#microsoft.graph.group',
      id: g.id,
      displayName: g.displayName,
      securityEnabled: g.securityEnabled ?? true,
    });
    const roleJson = (role: StandInRole) => ({
      '@odata.type': '#microsoft.graph.directoryRole',
      id: this.#roleObjectId(tenantId, role.roleTemplateId),
      displayName: role.displayName,
      roleTemplateId: role.roleTemplateId,
    });
    const [collection, id, sub] = parts;
    const path = parts.join('/');
    if (collection === 'organization' && id === undefined) {
      return {
        value: [
          {
            id: tenant.id,
            displayName: tenant.displayName,
            verifiedDomains: [{ name: tenant.defaultDomain, isDefault: true, isInitial: true }],
          },
        ],
      };
    }
    if (collection === 'users') {
      if (id === undefined) return this.#page(path, users.map(userJson), query);
      const user = users.find((u) => u.id.toLowerCase() === id.toLowerCase());
      if (!user)
        throw new HttpError(
          404,
          'Request_ResourceNotFound',
          `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
        );
      if (sub === undefined) return userJson(user);
      if (sub === 'memberOf') {
        const memberOf = [
          ...roles.filter((role) => role.members.includes(user.id)).map(roleJson),
          ...groups.filter((g) => g.members.includes(user.id)).map(groupJson),
        ];
        return this.#page(path, memberOf, query);
      }
    }
    if (collection === 'groups') {
      if (id === undefined) {
        const filter = query.$filter;
        const listed = filter === 'securityEnabled eq true' ? groups.filter((g) => g.securityEnabled !== false) : groups;
        if (filter !== undefined && filter !== 'securityEnabled eq true')
          throw new HttpError(400, 'Request_UnsupportedQuery', `Unsupported filter ${filter}`);
        return this.#page(path, listed.map(groupJson), query);
      }
      const group = groups.find((g) => g.id.toLowerCase() === id.toLowerCase());
      if (!group) throw new HttpError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist.`);
      if (sub === undefined) return groupJson(group);
      if (sub === 'members') return this.#page(path, users.filter((u) => group.members.includes(u.id)).map(userJson), query);
    }
    if (collection === 'directoryRoles') {
      if (id === undefined) return { value: roles.map(roleJson) };
      const role = roles.find((x) => this.#roleObjectId(tenantId, x.roleTemplateId) === id);
      if (!role) throw new HttpError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist.`);
      if (sub === 'members') return this.#page(path, users.filter((u) => role.members.includes(u.id)).map(userJson), query);
    }
    throw new HttpError(404, 'Request_ResourceNotFound', `Resource not found for the segment '${collection ?? ''}'.`);
  }

  #roleObjectId(tenantId: string, templateId: string): string {
    const key = `${tenantId}/${templateId}`;
    let id = this.#roleObjectIds.get(key);
    if (id === undefined) {
      id = randomUUID();
      this.#roleObjectIds.set(key, id);
    }
    return id;
  }

  #page(path: string, items: unknown[], query: Record<string, string>): unknown {
    const top = query.$top === undefined ? (this.#options.pageSize ?? 100) : Number(query.$top);
    if (!Number.isInteger(top) || top < 1 || top > 300) throw new HttpError(400, 'Request_BadRequest', '$top must be 1 to 300.');
    const skip = query.$skiptoken === undefined ? 0 : Number(Buffer.from(query.$skiptoken, 'base64url').toString('utf8'));
    const page = items.slice(skip, skip + top);
    const body: Record<string, unknown> = { '@odata.context': `${this.graphBaseUrl}/$metadata#${path}`, value: page };
    if (skip + top < items.length) {
      const next = new URLSearchParams({ ...query, $top: String(top), $skiptoken: Buffer.from(String(skip + top)).toString('base64url') });
      body['@odata.nextLink'] = `${this.graphBaseUrl}/${path}?${next.toString()}`;
    }
    return body;
  }

  #checkEtag(ifMatch: string | undefined, version: number, id: string): void {
    if (ifMatch === undefined || ifMatch === '') throw new HttpError(400, 'Request_BadRequest', 'The If-Match header is required.');
    if (ifMatch !== '*' && ifMatch !== etag(version, id)) {
      throw new HttpError(412, 'PreconditionFailed', 'The etag in If-Match does not match the current version of the object.');
    }
  }

  #relationship(id: string): Relationship {
    const r = this.#relationships.get(id);
    if (!r) throw new Error(`no relationship ${id} at the stand-in`);
    return r;
  }

  #touch(r: Relationship): void {
    r.version += 1;
    r.lastModifiedDateTime = this.#clock().toISOString();
  }

  #relationshipJson(r: Relationship): Record<string, unknown> {
    return {
      '@odata.type': '#microsoft.graph.delegatedAdminRelationship',
      '@odata.etag': etag(r.version, r.id),
      id: r.id,
      displayName: r.displayName,
      duration: r.duration,
      customer: r.customer.displayName === undefined ? { tenantId: r.customer.tenantId } : { ...r.customer },
      accessDetails: { unifiedRoles: r.roleIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
      status: r.status,
      autoExtendDuration: r.autoExtendDuration,
      createdDateTime: r.createdDateTime,
      lastModifiedDateTime: r.lastModifiedDateTime,
      activatedDateTime: r.activatedDateTime,
      endDateTime: r.endDateTime,
    };
  }

  #assignmentJson(a: Assignment): Record<string, unknown> {
    return {
      '@odata.type': '#microsoft.graph.delegatedAdminAccessAssignment',
      '@odata.etag': etag(a.version, a.id),
      id: a.id,
      status: a.status,
      createdDateTime: a.createdDateTime,
      lastModifiedDateTime: a.lastModifiedDateTime,
      accessContainer: { accessContainerId: a.groupId, accessContainerType: 'securityGroup' },
      accessDetails: { unifiedRoles: a.roleIds.map((roleDefinitionId) => ({ roleDefinitionId })) },
    };
  }
}

function etag(version: number, id: string): string {
  return `W/"${Buffer.from(`'"${id}:${version}"'`).toString('base64')}"`;
}

function matchesFilter(r: Relationship, filter: string | undefined): boolean {
  if (filter === undefined) return true;
  const status = /^status eq '([a-zA-Z]+)'$/.exec(filter);
  if (status) return r.status === status[1];
  const customer = /^customer\/tenantId eq '([0-9a-fA-F-]+)'$/.exec(filter);
  if (customer) return r.customer.tenantId === customer[1]?.toLowerCase();
  throw new HttpError(400, 'Request_UnsupportedQuery', `Unsupported filter: ${filter}`);
}

function checkDuration(value: unknown): string {
  const days = typeof value === 'string' ? durationDays(value) : undefined;
  if (typeof value !== 'string' || days === undefined || days < 1 || days > 730) {
    throw new HttpError(400, 'Request_BadRequest', 'duration must be an ISO 8601 duration from P1D to P2Y (730 days).');
  }
  return value;
}

function checkRoles(value: unknown): string[] {
  const details = object(value);
  const roles = details.unifiedRoles;
  if (!Array.isArray(roles) || roles.length === 0)
    throw new HttpError(400, 'Request_BadRequest', 'accessDetails.unifiedRoles must list at least one role.');
  const ids = roles.map((role) => object(role).roleDefinitionId);
  if (!ids.every((x): x is string => typeof x === 'string' && GUID.test(x)))
    throw new HttpError(400, 'Request_BadRequest', 'roleDefinitionId must be a role template id.');
  return [...new Set(ids.map((x) => x.toLowerCase()))];
}

function checkAutoExtend(value: unknown, roleIds: readonly string[]): string {
  if (value !== 'PT0S' && value !== 'P0D' && value !== 'P180D')
    throw new HttpError(400, 'Request_BadRequest', 'autoExtendDuration must be PT0S, P0D or P180D.');
  if (value === 'P180D' && roleIds.includes(GLOBAL_ADMINISTRATOR)) {
    throw new HttpError(400, 'Request_BadRequest', 'A relationship with the Global Administrator role cannot be extended automatically.');
  }
  return value;
}

function durationDays(value: string): number | undefined {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(value);
  if (!match || value === 'P') return undefined;
  const [, y, m, w, d] = match;
  return Number(y ?? 0) * 365 + Number(m ?? 0) * 30 + Number(w ?? 0) * 7 + Number(d ?? 0);
}

function durationMs(value: string): number {
  return (durationDays(value) ?? 0) * 86_400_000;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function object(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new HttpError(400, 'Request_BadRequest', 'Expected a JSON object.');
  return value as Record<string, unknown>;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function safeJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function redactForm(text: string): Record<string, string> {
  const form = Object.fromEntries(new URLSearchParams(text));
  for (const key of ['client_secret', 'client_assertion']) if (key in form) form[key] = '***';
  return form;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  // Not chained: restify, loaded in the same test process, patches writeHead to return nothing.
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
