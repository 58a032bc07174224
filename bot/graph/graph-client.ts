/**
 * The plumbing to Microsoft Graph: app-only tokens per tenant from @azure/identity, requests through
 * @microsoft/microsoft-graph-client (its retry middleware honours Retry-After on 429/503/504), a deadline per call
 * so that a click always answers in time, and every outcome mapped to a typed value (graph-outcomes.ts).
 */
import { AuthenticationError, ClientCertificateCredential, ClientSecretCredential, type TokenCredential } from '@azure/identity';
import { AuthenticationHandlerOptions, Client, RetryHandlerOptions, ResponseType } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { GraphSettings } from '../config.ts';
import { outsideBudget } from '../storage/deadline.store.ts';
import { graphFailed, graphOk, type GraphFailure, type GraphResult } from './graph-outcomes.ts';

/** What a click may spend on Graph: the person gets an answer within 5 seconds, rendering included. */
export const CLICK_DEADLINE_MS = 4_000;
/** What a card click keeps of its one budget after Graph (writes, Check now, directory reads): recording the outcome and answering. */
export const ANSWER_RESERVE_MS = 350;
/** What background work (reconciliation, the sweep) may spend on one call. */
export const BACKGROUND_DEADLINE_MS = 30_000;

export interface GraphCallOptions {
  /** The whole call, token and retries included, ends by then: default CLICK_DEADLINE_MS. */
  readonly deadlineMs?: number;
  /** An absolute end (epoch ms) shared by several calls made for one answer; the earlier of the two applies. */
  readonly deadlineAt?: number;
  /**
   * The call's time is part of the click's one budget (a write whose deadline was cut from what the click has left), not
   * added to it as other Graph time is (see outsideBudget).
   */
  readonly charged?: boolean;
}

/** Milliseconds left for a call under its options (never negative). */
function budgetOf(options: GraphCallOptions): number {
  const relative = options.deadlineMs ?? CLICK_DEADLINE_MS;
  const absolute = options.deadlineAt === undefined ? relative : options.deadlineAt - Date.now();
  return Math.max(0, Math.min(relative, absolute));
}

export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface GraphRequest<T> {
  readonly method: GraphMethod;
  /** Relative to the version root (`/tenantRelationships/…`), or a full `@odata.nextLink`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** The object's `@odata.etag`, sent as `If-Match` (Graph answers 412 when it is stale). */
  readonly ifMatch?: string;
  /** Validates a 2xx body; without it the body is ignored. */
  readonly schema?: z.ZodType<T>;
}

export interface GraphResponse<T> {
  readonly status: number;
  /** The validated body (undefined for 202/204 or when no schema was given). */
  readonly body: T | undefined;
  /** The `Location` header: the created object, or a long-running operation after 202. */
  readonly location: string | undefined;
}

/** Host names of Microsoft's own authorities, for which MSAL's instance discovery is right. */
const MICROSOFT_AUTHORITY_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);
/** Graph hosts that @microsoft/microsoft-graph-client already sends tokens to. */
const MICROSOFT_GRAPH_HOSTS = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'graph.microsoft.de',
  'microsoftgraph.chinacloudapi.cn',
  'canary.graph.microsoft.com',
]);

/** Entra error codes that mean "this app is not (or no longer) allowed in that tenant": an admin must consent. */
const CONSENT_CODES = [65001, 65004, 650052, 700016, 7000229, 500011, 50020];
/** Entra error codes that mean "the app's own credential is wrong": the operator must fix the configuration. */
const CREDENTIAL_CODES = [7000215, 7000222, 700027, 700024, 7000214, 50012];

export class GraphClient {
  readonly #settings: GraphSettings;
  readonly #scope: string;
  readonly #clients = new Map<string, Client>();
  readonly #credentials = new Map<string, TokenCredential>();

  constructor(settings: GraphSettings) {
    this.#settings = settings;
    this.#scope = `${new URL(settings.baseUrl).origin}/.default`;
  }

  get partnerTenantId(): string {
    return this.#settings.partnerTenantId;
  }

  /** The link an admin of `tenantId` opens to grant the app the application permissions it was registered with. */
  consentUrl(tenantId: string): string {
    const clientId = encodeURIComponent(this.#settings.clientId);
    return `${this.#settings.authorityHost}/${encodeURIComponent(tenantId)}/adminconsent?client_id=${clientId}`;
  }

  /** One request in one tenant, with an app-only token for that tenant. Never throws for what Graph or Entra answer. */
  async send<T>(tenantId: string, request: GraphRequest<T>, options: GraphCallOptions = {}): Promise<GraphResult<GraphResponse<T>>> {
    const budget = budgetOf(options);
    if (budget === 0) return graphFailed({ kind: 'unavailable', reason: 'timeout' });
    const deadline = Date.now() + budget;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), budget);
    try {
      // Bounded by its own deadline: not charged to a card click's store budget, unless cut from it.
      if (options.charged === true) return await this.#send(tenantId, request, deadline, controller.signal);
      return await outsideBudget(() => this.#send(tenantId, request, deadline, controller.signal));
    } finally {
      clearTimeout(timer);
    }
  }

  /** Every item of a collection, following `@odata.nextLink` page after page, all within one deadline. */
  async listAll<T>(
    tenantId: string,
    path: string,
    itemSchema: z.ZodType<T>,
    query: Readonly<Record<string, string>> = {},
    options: GraphCallOptions = {},
  ): Promise<GraphResult<T[]>> {
    const budget = budgetOf(options);
    if (budget === 0) return graphFailed({ kind: 'unavailable', reason: 'timeout' });
    const deadline = Date.now() + budget;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), budget);
    const page = collectionPageSchema(itemSchema);
    const items: T[] = [];
    try {
      let next: { path: string; query: Readonly<Record<string, string>> } | undefined = { path, query };
      for (let pages = 0; next !== undefined; pages += 1) {
        if (pages >= 1_000) return graphFailed({ kind: 'invalidResponse', detail: `${path}: more than 1000 pages` });
        const request: GraphRequest<z.infer<typeof page>> = { method: 'GET', ...next, schema: page };
        const answer: GraphResult<GraphResponse<z.infer<typeof page>>> = await outsideBudget(() =>
          this.#send(tenantId, request, deadline, controller.signal),
        );
        if (!answer.ok) return answer;
        const body: { value: T[]; '@odata.nextLink'?: string | undefined } | undefined = answer.value.body;
        if (body === undefined) return graphFailed({ kind: 'invalidResponse', detail: `${path}: empty page` });
        items.push(...body.value);
        const link: string | undefined = body['@odata.nextLink'];
        next = link === undefined ? undefined : { path: link, query: {} };
      }
      return graphOk(items);
    } finally {
      clearTimeout(timer);
    }
  }

  async #send<T>(
    tenantId: string,
    request: GraphRequest<T>,
    deadline: number,
    signal: AbortSignal,
  ): Promise<GraphResult<GraphResponse<T>>> {
    const token = await this.#token(tenantId, signal);
    if (!token.ok) return token;
    let response: Response;
    try {
      let call = this.#client(tenantId)
        .api(request.path)
        .responseType(ResponseType.RAW)
        .option('signal', signal)
        .middlewareOptions([
          new AuthenticationHandlerOptions({ getAccessToken: () => Promise.resolve(token.value) }),
          new RetryHandlerOptions(0.25, 10, (delay, attempt, _req, _opts, res) =>
            fitsBeforeDeadline(res as Response, delay, attempt, deadline),
          ),
        ]);
      if (request.query && Object.keys(request.query).length > 0) call = call.query({ ...request.query });
      if (request.ifMatch !== undefined) call = call.header('If-Match', request.ifMatch);
      response = (await (request.method === 'GET'
        ? call.get()
        : request.method === 'POST'
          ? call.post(request.body ?? {})
          : request.method === 'PATCH'
            ? call.patch(request.body ?? {})
            : call.delete())) as Response;
    } catch {
      return graphFailed({ kind: 'unavailable', reason: signal.aborted ? 'timeout' : 'network' });
    }
    return this.#interpret(tenantId, request, response, signal);
  }

  async #interpret<T>(
    tenantId: string,
    request: GraphRequest<T>,
    response: Response,
    signal: AbortSignal,
  ): Promise<GraphResult<GraphResponse<T>>> {
    let text: string;
    try {
      text = await response.text();
    } catch {
      return graphFailed({ kind: 'unavailable', reason: signal.aborted ? 'timeout' : 'network' });
    }
    const location = response.headers.get('location') ?? undefined;
    if (response.ok) {
      if (request.schema === undefined || response.status === 204 || response.status === 202 || text.trim() === '') {
        return graphOk({ status: response.status, body: undefined, location });
      }
      const parsed = request.schema.safeParse(parseJson(text));
      if (!parsed.success) {
        const where = parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
          .join('; ');
        return graphFailed({ kind: 'invalidResponse', detail: `${request.method} ${request.path}: ${where}` });
      }
      return graphOk({ status: response.status, body: parsed.data, location });
    }
    return graphFailed(this.#failureOf(tenantId, response, text));
  }

  #failureOf(tenantId: string, response: Response, text: string): GraphFailure {
    const error = graphErrorOf(text);
    switch (response.status) {
      case 404:
        return { kind: 'notFound' };
      case 412:
        return { kind: 'changedMeanwhile' };
      case 403:
        return {
          kind: 'consentMissing',
          cause: 'forbidden',
          tenantId,
          consentUrl: this.consentUrl(tenantId),
          detail: `${error.code}: ${error.message}`,
        };
      case 401:
        return { kind: 'credentialRejected', tenantId, detail: `${error.code}: ${error.message}` };
      case 429:
        return { kind: 'throttled', retryAfterSeconds: retryAfterSeconds(response) };
      default:
        if (response.status >= 500) return { kind: 'unavailable', reason: 'serverError', status: response.status };
        return { kind: 'rejected', status: response.status, code: error.code, message: error.message };
    }
  }

  async #token(tenantId: string, signal: AbortSignal): Promise<GraphResult<string>> {
    try {
      const token = await untilAborted(this.#credential(tenantId).getToken(this.#scope, { abortSignal: signal }), signal);
      return token ? graphOk(token.token) : graphFailed({ kind: 'unavailable', reason: 'network' });
    } catch (error) {
      if (signal.aborted) return graphFailed({ kind: 'unavailable', reason: 'timeout' });
      return graphFailed(this.#tokenFailure(tenantId, error));
    }
  }

  #tokenFailure(tenantId: string, error: unknown): GraphFailure {
    const text = error instanceof Error ? error.message : String(error);
    const codes = entraErrorCodes(error, text);
    const detail = codes.length > 0 ? `AADSTS${codes[0]}` : (text.split('\n')[0]?.slice(0, 200) ?? 'token request failed');
    if (codes.some((c) => CONSENT_CODES.includes(c))) {
      return { kind: 'consentMissing', cause: 'notConsented', tenantId, consentUrl: this.consentUrl(tenantId), detail };
    }
    if (codes.some((c) => CREDENTIAL_CODES.includes(c))) return { kind: 'credentialRejected', tenantId, detail };
    if (error instanceof AuthenticationError && error.statusCode >= 400 && error.statusCode < 500)
      return { kind: 'credentialRejected', tenantId, detail };
    return { kind: 'unavailable', reason: 'network' };
  }

  #credential(tenantId: string): TokenCredential {
    const key = tenantId.toLowerCase();
    let credential = this.#credentials.get(key);
    if (credential === undefined) {
      const { clientId, credential: secretOrCertificate, authorityHost } = this.#settings;
      const options = {
        authorityHost,
        // MSAL validates an authority against Microsoft's own host unless told not to: right for Microsoft, wrong elsewhere.
        disableInstanceDiscovery: !MICROSOFT_AUTHORITY_HOSTS.has(new URL(authorityHost).hostname.toLowerCase()),
        retryOptions: { maxRetries: 1, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 },
      };
      credential =
        secretOrCertificate.kind === 'secret'
          ? new ClientSecretCredential(key, clientId, secretOrCertificate.secret, options)
          : new ClientCertificateCredential(key, clientId, { certificatePath: secretOrCertificate.certificatePath }, options);
      this.#credentials.set(key, credential);
    }
    return credential;
  }

  #client(tenantId: string): Client {
    const key = tenantId.toLowerCase();
    let client = this.#clients.get(key);
    if (client === undefined) {
      const base = new URL(this.#settings.baseUrl);
      const version = base.pathname.replace(/^\/+|\/+$/g, '');
      client = Client.initWithMiddleware({
        // Replaced on every request by the token fetched for that call (so that its errors stay typed); never used as is.
        authProvider: { getAccessToken: () => Promise.reject(new Error('no token for this request')) },
        baseUrl: `${base.origin}/`,
        defaultVersion: version,
        // The client attaches tokens to Graph's own hosts only; a stand-in or proxy host must be named.
        ...(MICROSOFT_GRAPH_HOSTS.has(base.hostname.toLowerCase()) ? {} : { customHosts: new Set([base.hostname.toLowerCase()]) }),
      });
      this.#clients.set(key, client);
    }
    return client;
  }
}

/** One page of a Graph collection: `value`, and `@odata.nextLink` while more pages follow. */
function collectionPageSchema<T>(itemSchema: z.ZodType<T>) {
  return z.looseObject({ value: z.array(itemSchema), '@odata.nextLink': z.string().optional() });
}

/** Retries only when the wait Graph asks for (or the back-off) still ends before the deadline. */
function fitsBeforeDeadline(response: Response, delaySeconds: number, attempt: number, deadline: number): boolean {
  const next = attempt + 1;
  const backoff = next >= 2 ? Math.round(0.5 * (2 ** next - 1)) + delaySeconds + 1 : delaySeconds + 1;
  const wait = retryAfterSeconds(response) ?? backoff;
  // Leave room for the retried request itself to come back.
  return Date.now() + wait * 1_000 + 300 < deadline;
}

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers?.get('retry-after');
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

function graphErrorOf(text: string): { code: string; message: string } {
  const json = parseJson(text);
  if (typeof json === 'object' && json !== null && 'error' in json) {
    const error = (json as { error: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const { code, message } = error as { code?: unknown; message?: unknown };
      return { code: typeof code === 'string' ? code : 'unknown', message: typeof message === 'string' ? message.slice(0, 500) : '' };
    }
  }
  return { code: 'unknown', message: text.slice(0, 200) };
}

function entraErrorCodes(error: unknown, text: string): number[] {
  const codes = new Set<number>();
  if (error instanceof AuthenticationError) {
    const response = error.errorResponse as { errorCodes?: unknown; error_codes?: unknown };
    for (const list of [response.errorCodes, response.error_codes]) {
      if (Array.isArray(list)) for (const c of list) if (typeof c === 'number') codes.add(c);
    }
  }
  for (const match of text.matchAll(/AADSTS(\d+)/g)) codes.add(Number(match[1]));
  return [...codes];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
