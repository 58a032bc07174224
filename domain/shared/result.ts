/** Every refusal a use case can answer with. Stable strings: callers switch on them, people read `message`. */
export const REFUSAL_CODES = [
  'forbidden',
  'not-found',
  'invalid',
  'invalid-transition',
  'conflict',
  'duplicate',
  'already-exists',
  'roles-cannot-be-added',
  'role-not-in-relationship',
  'relationship-not-active',
  'agreement-required',
  'nothing-to-change',
  /** Graph mode: the tenant has not consented to the app (or withdrew it); `link` is where an admin consents. */
  'consent-missing',
  /** Graph mode: Microsoft could not be reached, or kept throttling: nothing was changed, try again later. */
  'unavailable',
  'throttled',
  /**
   * Graph mode: the change is recorded and on its way, but Microsoft has not confirmed it within the time a person waits:
   * it is finished in the background and the person is told when it is done (or could not be done). Nothing is claimed done.
   */
  'pending',
  /** Graph mode: this is done in the Microsoft 365 admin center, not here; `link` opens the page. */
  'done-elsewhere',
  'too-many-open-requests',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

export interface Refusal<C = unknown> {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly message: string;
  /** The state as it is now, when that helps the caller explain ("this changed meanwhile"). */
  readonly current?: C;
  /** Where the person can act on the refusal (an admin-consent page, the admin center), when there is such a place. */
  readonly link?: string;
}

export type Result<T, C = T> = Ok<T> | Refusal<C>;

/** Wraps a successful value. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** Builds a refusal with a message a person understands. */
export function refuse<C = never>(code: RefusalCode, message: string, current?: C): Refusal<C> {
  return current === undefined ? { ok: false, code, message } : { ok: false, code, message, current };
}

/** A refusal that points to the page where the person can do it instead. */
export function refuseWithLink<C = never>(code: RefusalCode, message: string, link: string, current?: C): Refusal<C> {
  return { ...refuse(code, message, current), link };
}
