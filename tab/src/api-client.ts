import type { TabConfig } from '#bot/tab/tab-contract.ts';

/** The header the server reads in local mode only (bot/tab/tab-identity.ts). */
const LOCAL_IDENTITY_HEADER = 'x-partner-access-demo-user';

export type Answer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: number; readonly error: string };

/** How the page proves who it is: a Teams SSO token, or (local demo only) the picked demo user. */
export type Credentials =
  { readonly kind: 'token'; get(): Promise<string> } | { readonly kind: 'local'; readonly tenantId: string; readonly userId: string };

/** A small typed client for /api/tab; every call carries the credentials. */
export class TabApi {
  private readonly credentials: Credentials;

  constructor(credentials: Credentials) {
    this.credentials = credentials;
  }

  /** GET a JSON resource. */
  get<T>(path: string): Promise<Answer<T>> {
    return this.send<T>(path, undefined);
  }

  /** POST a JSON body. */
  post<T>(path: string, body: unknown): Promise<Answer<T>> {
    return this.send<T>(path, body);
  }

  private async send<T>(path: string, body: unknown): Promise<Answer<T>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.credentials.kind === 'token') headers.Authorization = `Bearer ${await this.credentials.get()}`;
    else headers[LOCAL_IDENTITY_HEADER] = `${this.credentials.tenantId}/${this.credentials.userId}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const res = await fetch(`/api/tab/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        body: body === undefined ? null : JSON.stringify(body),
      });
      const json: unknown = await res.json();
      if (res.ok) return { ok: true, value: json as T };
      const error =
        typeof json === 'object' && json !== null && 'error' in json && typeof json.error === 'string' ? json.error : 'The request failed.';
      return { ok: false, status: res.status, error };
    } catch {
      return { ok: false, status: 0, error: 'Partner Access could not be reached. Check your connection and try again.' };
    }
  }
}

/** The page's start-up settings (public: no identity needed). */
export async function loadConfig(): Promise<TabConfig> {
  const res = await fetch('/api/tab/config', { headers: { Accept: 'application/json' } });
  return (await res.json()) as TabConfig;
}
