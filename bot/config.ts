import { existsSync } from 'node:fs';
import { z } from 'zod';

/** Thrown at start when the environment is wrong; its message lists every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optionalText,
  LOCAL_MODE_ON_NETWORK: z.enum(['true', 'false', '']).default('false'),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  STORAGE_URL: optionalText.pipe(
    z
      .string()
      .regex(
        /^(memory|sqlite|redis|rediss|postgres|postgresql):\/\//,
        'must start with memory://, sqlite://, redis://, rediss://, postgres:// or postgresql://',
      )
      .optional(),
  ),
  DIRECTORY_FILE: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BOT_NAME: z.string().trim().min(1).max(30).default('Partner Access'),
  PUBLIC_HOST: z
    .string()
    .trim()
    .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name without scheme or path, e.g. bot.example.com')
    .default('localhost'),
  SWEEP_INTERVAL_MINUTES: z.coerce
    .number()
    .min(0)
    .max(24 * 60)
    .default(60),
  CLOCK_OFFSET_DAYS: z.coerce.number().min(-3650).max(3650).default(0),
  STORE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(3_000),
  // Under Teams' 2 s for a card click's answer, whatever the store does (network and Teams take the rest).
  INVOKE_BUDGET_MS: z.coerce.number().int().min(200).max(1_900).default(1_500),
  STATE_TTL_DAYS: z.coerce.number().min(0).max(3650).default(180),
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  OUTBOX_GIVE_UP_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 14)
    .default(24),
  TAB_SIGNING_KEYS_URL: z.url({ protocol: /^https?$/ }).default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  GRAPH_MODE: optionalText.pipe(z.enum(['embedded', 'graph']).optional()).transform((mode) => mode ?? 'embedded'),
  PARTNER_TENANT_ID: optionalText.pipe(z.string().regex(GUID, 'must be the partner tenant id (a GUID)').optional()),
  PARTNER_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,12}$/, 'must be the numeric Partner ID')
      .optional(),
  ),
  GRAPH_CLIENT_ID: optionalText.pipe(z.string().regex(GUID, "must be the app registration's application (client) id, a GUID").optional()),
  GRAPH_CLIENT_SECRET: optionalText,
  GRAPH_CLIENT_CERTIFICATE_PATH: optionalText,
  GRAPH_BASE_URL: optionalText
    .pipe(
      z
        .string()
        .regex(
          /^https:\/\/[a-z0-9.-]+(:\d+)?\/(v1\.0|beta)\/?$/i,
          'must be https://<host>[:port]/v1.0, e.g. https://graph.microsoft.com/v1.0',
        )
        .optional(),
    )
    .transform((url) => (url ?? 'https://graph.microsoft.com/v1.0').replace(/\/$/, '')),
  AZURE_AUTHORITY_HOST: optionalText
    .pipe(
      z
        .string()
        .regex(/^https:\/\/[a-z0-9.-]+(:\d+)?\/?$/i, 'must be https://<host>[:port] without a path, e.g. https://login.microsoftonline.com')
        .optional(),
    )
    .transform((url) => (url ?? 'https://login.microsoftonline.com').replace(/\/$/, '')),
  GRAPH_SYNC_MINUTES: z.coerce
    .number()
    .min(0)
    .max(24 * 60)
    .default(5),
  GRAPH_DIRECTORY_CACHE_MINUTES: z.coerce
    .number()
    .min(0)
    .max(24 * 60)
    .default(5),
});

export interface Config {
  readonly port: number;
  /** Where to listen: 127.0.0.1 in local mode unless the operator opted in to the network, else 0.0.0.0 by default. */
  readonly host: string;
  /** True when local mode (no token required) was explicitly opened to the network: start-up says so loudly. */
  readonly localModeOnNetwork: boolean;
  /** Absent in local mode: the bot then accepts unauthenticated requests (Playground, Emulator, tests). */
  readonly auth:
    | {
        readonly appId: string;
        readonly appPassword?: string;
        readonly appTenantId?: string;
        readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
      }
    | undefined;
  readonly dataDir: string;
  readonly storageUrl: string;
  readonly directoryFile: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly botName: string;
  /** The public host name (no scheme) that serves the bot and the tab; the tab's token audience is `api://<host>/<app id>`. */
  readonly publicHost: string;
  /** Microsoft Entra's published signing keys (JWKS), which validate the tab's SSO tokens. */
  readonly signingKeysUrl: string;
  /** How often the bot runs its lifecycle sweep (expiry, auto-extend, reminders); 0: never (use `npm run sweep`). */
  readonly sweepIntervalMs: number;
  /** Days added to the wall clock, to try the lifecycle ahead of time on a copy of the data; 0 in production. */
  readonly clockOffsetDays: number;
  /** The deadline of every store call: past it the person is told it could not be done, and /healthz says unhealthy. */
  readonly storeTimeoutMs: number;
  /**
   * A card click's whole budget (under 2 s): its store calls share it (each gets what is left, at most storeTimeoutMs),
   * none starts once it is spent, and the click is answered when it runs out, in plain words.
   */
  readonly invokeBudgetMs: number;
  /** Conversation references and dialog state unused this long are deleted by the sweep; 0: kept for ever. */
  readonly stateTtlMs: number;
  /** How often the bot delivers what is due in the outbox (proactive messages and their retries); 0: only `npm run sweep`. */
  readonly outboxIntervalMs: number;
  /** How long a failing delivery is retried before it is marked "could not be delivered". */
  readonly outboxGiveUpMs: number;
  /** `embedded`: our store is the system of record and the directory is a file; `graph`: Microsoft Graph is. */
  readonly graphMode: 'embedded' | 'graph';
  /** How to reach Microsoft Graph and Microsoft Entra: present in graph mode only. */
  readonly graph: GraphSettings | undefined;
}

/** The app registration and endpoints the bot uses in graph mode (app-only tokens, one per tenant). */
export interface GraphSettings {
  readonly partnerTenantId: string;
  /** The numeric Partner ID shown to partner staff, when configured. */
  readonly partnerId: string | undefined;
  readonly clientId: string;
  readonly credential:
    { readonly kind: 'secret'; readonly secret: string } | { readonly kind: 'certificate'; readonly certificatePath: string };
  /** Graph's root with its version, no trailing slash: `https://graph.microsoft.com/v1.0`. */
  readonly baseUrl: string;
  /** Microsoft Entra's authority host, no trailing slash: `https://login.microsoftonline.com`. */
  readonly authorityHost: string;
  /** How often relationships are reconciled with Graph; 0: only on demand. */
  readonly syncIntervalMs: number;
  /** How long directory reads (roles, groups, customers) are kept per tenant; 0: not at all. */
  readonly directoryCacheMs: number;
}

export const DEMO_DIRECTORY_FILE = new URL('./directory/demo-directory.json', import.meta.url).pathname;

/** Reads and validates the environment once; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  if (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppId && !e.MicrosoftAppTenantId) {
    throw new ConfigError('Invalid configuration:\n  MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant');
  }
  if (!e.MicrosoftAppId && (e.MicrosoftAppPassword || e.MicrosoftAppTenantId)) {
    throw new ConfigError('Invalid configuration:\n  MicrosoftAppId: required when MicrosoftAppPassword or MicrosoftAppTenantId is set');
  }
  const localOnNetwork = e.LOCAL_MODE_ON_NETWORK === 'true';
  if (!e.MicrosoftAppId && e.HOST !== undefined && !isLoopbackHost(e.HOST) && !localOnNetwork) {
    throw new ConfigError(
      `Invalid configuration:\n  HOST: local mode (no MicrosoftAppId) accepts requests without a token, so it listens on 127.0.0.1 only; HOST=${e.HOST} ` +
        'would let anyone on the network act as any user. Set MicrosoftAppId, or set LOCAL_MODE_ON_NETWORK=true if you really mean it.',
    );
  }
  const host = e.HOST ?? (e.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1');
  const graph = e.GRAPH_MODE === 'graph' ? graphSettings(e) : undefined;
  const auth = e.MicrosoftAppId
    ? { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appTenantId: e.MicrosoftAppTenantId, appType: e.MicrosoftAppType }
    : undefined;
  return Object.freeze({
    port: e.PORT,
    host,
    localModeOnNetwork: !e.MicrosoftAppId && !isLoopbackHost(host),
    auth: auth && Object.freeze(auth),
    dataDir: e.DATA_DIR,
    storageUrl: e.STORAGE_URL ?? `sqlite://${e.DATA_DIR.replace(/\/$/, '')}/partner-access.sqlite`,
    directoryFile: e.DIRECTORY_FILE ?? DEMO_DIRECTORY_FILE,
    logLevel: e.LOG_LEVEL,
    botName: e.BOT_NAME,
    publicHost: e.PUBLIC_HOST,
    signingKeysUrl: e.TAB_SIGNING_KEYS_URL,
    sweepIntervalMs: Math.round(e.SWEEP_INTERVAL_MINUTES * 60_000),
    clockOffsetDays: e.CLOCK_OFFSET_DAYS,
    storeTimeoutMs: e.STORE_TIMEOUT_MS,
    invokeBudgetMs: e.INVOKE_BUDGET_MS,
    stateTtlMs: Math.round(e.STATE_TTL_DAYS * 86_400_000),
    outboxIntervalMs: Math.round(e.OUTBOX_INTERVAL_SECONDS * 1000),
    outboxGiveUpMs: Math.round(e.OUTBOX_GIVE_UP_HOURS * 3_600_000),
    graphMode: e.GRAPH_MODE,
    graph: graph && Object.freeze(graph),
  });
}

/** True for an interface only this machine can reach: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** Graph mode needs the partner tenant, the app and one credential; every missing or bad one is named. */
function graphSettings(e: z.infer<typeof envSchema>): GraphSettings {
  const problems: string[] = [];
  const required = 'required when GRAPH_MODE is graph';
  if (!e.PARTNER_TENANT_ID) problems.push(`PARTNER_TENANT_ID: ${required}`);
  if (!e.GRAPH_CLIENT_ID) problems.push(`GRAPH_CLIENT_ID: ${required}`);
  if (e.GRAPH_CLIENT_SECRET && e.GRAPH_CLIENT_CERTIFICATE_PATH) {
    problems.push('GRAPH_CLIENT_SECRET: set either GRAPH_CLIENT_SECRET or GRAPH_CLIENT_CERTIFICATE_PATH, not both');
  } else if (!e.GRAPH_CLIENT_SECRET && !e.GRAPH_CLIENT_CERTIFICATE_PATH) {
    problems.push(`GRAPH_CLIENT_SECRET: ${required} (or GRAPH_CLIENT_CERTIFICATE_PATH for a certificate)`);
  } else if (e.GRAPH_CLIENT_CERTIFICATE_PATH && !existsSync(e.GRAPH_CLIENT_CERTIFICATE_PATH)) {
    problems.push(`GRAPH_CLIENT_CERTIFICATE_PATH: no file at ${e.GRAPH_CLIENT_CERTIFICATE_PATH}`);
  }
  if (problems.length > 0 || !e.PARTNER_TENANT_ID || !e.GRAPH_CLIENT_ID) {
    throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return {
    partnerTenantId: e.PARTNER_TENANT_ID.toLowerCase(),
    partnerId: e.PARTNER_ID,
    clientId: e.GRAPH_CLIENT_ID.toLowerCase(),
    credential: e.GRAPH_CLIENT_SECRET
      ? { kind: 'secret', secret: e.GRAPH_CLIENT_SECRET }
      : { kind: 'certificate', certificatePath: e.GRAPH_CLIENT_CERTIFICATE_PATH ?? '' },
    baseUrl: e.GRAPH_BASE_URL,
    authorityHost: e.AZURE_AUTHORITY_HOST,
    syncIntervalMs: Math.round(e.GRAPH_SYNC_MINUTES * 60_000),
    directoryCacheMs: Math.round(e.GRAPH_DIRECTORY_CACHE_MINUTES * 60_000),
  };
}
