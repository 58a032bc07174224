import { z } from 'zod';

/** Thrown at start when the environment is wrong; its message lists every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

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
      .regex(/^(memory|sqlite|redis|rediss|postgres|postgresql):\/\//, 'must start with memory://, sqlite://, redis://, rediss://, postgres:// or postgresql://')
      .optional(),
  ),
  DIRECTORY_FILE: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BOT_NAME: z.string().trim().min(1).max(30).default('Partner Access'),
  PUBLIC_HOST: z.string().trim().regex(/^[a-z0-9.-]+(:\d+)?$/i, 'must be a host name without scheme or path, e.g. bot.example.com').default('localhost'),
  SWEEP_INTERVAL_MINUTES: z.coerce.number().min(0).max(24 * 60).default(60),
  CLOCK_OFFSET_DAYS: z.coerce.number().min(-3650).max(3650).default(0),
  TAB_SIGNING_KEYS_URL: z.url({ protocol: /^https?$/ }).default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
});

export interface Config {
  readonly port: number;
  /** Where to listen: 127.0.0.1 in local mode unless the operator opted in to the network, else 0.0.0.0 by default. */
  readonly host: string;
  /** True when local mode (no token required) was explicitly opened to the network: start-up says so loudly. */
  readonly localModeOnNetwork: boolean;
  /** Absent in local mode: the bot then accepts unauthenticated requests (Playground, Emulator, tests). */
  readonly auth: { readonly appId: string; readonly appPassword?: string; readonly appTenantId?: string; readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI' } | undefined;
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
  });
}

/** True for an interface only this machine can reach: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}
