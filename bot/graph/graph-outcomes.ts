/**
 * What a call to Microsoft Graph can come back with, as values: the caller decides what the person sees.
 * Every failure a person can meet has its own kind; nothing of Graph's raw error text is meant for them.
 */

export type GraphFailure =
  /** 412: the object changed at Microsoft since its etag was read (in the admin center, or by a colleague). */
  | { readonly kind: 'changedMeanwhile' }
  /** 404: the object is gone at Microsoft (deleted there, or never existed). */
  | { readonly kind: 'notFound' }
  /**
   * The app may not act in this tenant: its admin never consented (the token request is refused, AADSTS65001 and
   * the like), or a permission is missing or was revoked after a token was issued (Graph answers 403).
   * `consentUrl` is the admin-consent link to show to that tenant's admin.
   */
  | {
      readonly kind: 'consentMissing';
      readonly cause: 'notConsented' | 'forbidden';
      readonly tenantId: string;
      readonly consentUrl: string;
      readonly detail: string;
    }
  /** Microsoft Entra refused the app's own credential (wrong or expired secret, unknown certificate): an operator's problem. */
  | { readonly kind: 'credentialRejected'; readonly tenantId: string; readonly detail: string }
  /** 429 still, after the retries that fit in the call's deadline. */
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number | undefined }
  /** Graph or Entra did not answer in time, answered 5xx, or could not be reached. Nothing is known to have changed. */
  | { readonly kind: 'unavailable'; readonly reason: 'timeout' | 'serverError' | 'network'; readonly status?: number }
  /** Graph refused the request as such (400, 409, …): its code and message, for logs and for mapping by the caller. */
  | { readonly kind: 'rejected'; readonly status: number; readonly code: string; readonly message: string }
  /** Graph answered 2xx with a body that does not match the documented contract. */
  | { readonly kind: 'invalidResponse'; readonly detail: string };

export type GraphFailureKind = GraphFailure['kind'];

export type GraphResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: GraphFailure };

export function graphOk<T>(value: T): GraphResult<T> {
  return { ok: true, value };
}

export function graphFailed<T = never>(failure: GraphFailure): GraphResult<T> {
  return { ok: false, failure };
}

/** For ports that cannot return a value (the Directory): the failure travels as an exception, still typed. */
export class GraphCallError extends Error {
  override name = 'GraphCallError';
  readonly failure: GraphFailure;

  constructor(failure: GraphFailure, what: string) {
    super(`${what}: ${describeGraphFailure(failure)}`);
    this.failure = failure;
  }
}

/** A one-line description for logs (ids and codes only, no personal data). */
export function describeGraphFailure(failure: GraphFailure): string {
  switch (failure.kind) {
    case 'changedMeanwhile':
      return 'changed at Microsoft meanwhile (412)';
    case 'notFound':
      return 'not found at Microsoft (404)';
    case 'consentMissing':
      return `no consent in tenant ${failure.tenantId} (${failure.cause}): ${failure.detail}`;
    case 'credentialRejected':
      return `the app's credential was refused for tenant ${failure.tenantId}: ${failure.detail}`;
    case 'throttled':
      return `throttled (429${failure.retryAfterSeconds === undefined ? '' : `, retry after ${failure.retryAfterSeconds} s`})`;
    case 'unavailable':
      return `unavailable (${failure.reason}${failure.status === undefined ? '' : ` ${failure.status}`})`;
    case 'rejected':
      return `rejected (${failure.status} ${failure.code}): ${failure.message}`;
    case 'invalidResponse':
      return `unexpected response: ${failure.detail}`;
  }
}
