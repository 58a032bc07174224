import restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { readActivityBody } from './http/activity-body.ts';
import { adapterResponse } from './http/adapter-response.ts';
import { hasPlausibleBearerToken } from './http/bearer-precheck.ts';
import { serviceUrlProblem } from './http/service-url.ts';
import { homePage } from './http/home-page.ts';
import { runHealthChecks, type HealthCheck } from './health.ts';

export interface ServerDeps {
  readonly adapter: CloudAdapter;
  readonly runTurn: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  /** True when an app id is configured: every activity must then carry a Bot Framework token. */
  readonly requireToken: boolean;
  /** The name shown on the home page (`GET /`). */
  readonly botName?: string;
  /** What `/healthz` asks (the store; Graph when configured); none: always healthy. */
  readonly health?: { readonly checks: readonly HealthCheck[]; readonly timeoutMs: number };
  /** Extra routes (the tab and its API) mounted by the composition root. */
  readonly mount?: (server: restify.Server) => void;
}

export interface BotServer {
  readonly server: restify.Server;
  /** Turns still running; shutdown waits for them. */
  inFlight(): number;
}

/** Builds the HTTP server without listening, so tests can run it on a free port. */
export function createServer(deps: ServerDeps): BotServer {
  const server = restify.createServer({ name: 'partner-access', handleUncaughtExceptions: false });
  let inFlight = 0;

  // Liveness: the process answers. Cheap, touches nothing.
  server.get('/livez', (_req, res, next) => {
    res.json(200, { status: 'ok' });
    next();
  });
  // Readiness: every dependency answers within its deadline; 503 tells a load balancer to send traffic elsewhere.
  server.get('/healthz', async (_req, res) => {
    const report = await runHealthChecks(deps.health?.checks ?? [], deps.health?.timeoutMs ?? 3_000, (name, error) =>
      deps.logger.warn({ err: error, check: name }, 'health check failed'),
    );
    res.json(report.status === 'ok' ? 200 : 503, report);
  });

  const home = homePage(deps.botName ?? 'Partner Access', !deps.requireToken);
  server.get('/', (_req, res, next) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(home);
    next();
  });

  server.post('/api/messages', async (req, res) => {
    inFlight += 1;
    try {
      const body = await readActivityBody(req);
      if (!body.ok) {
        res.json(body.status, { error: body.reason });
        return;
      }
      if (deps.requireToken && !hasPlausibleBearerToken(req.headers.authorization)) {
        res.json(401, { error: 'Unauthorized: a valid Bot Framework token is required.' });
        return;
      }
      // Replies go to the activity's serviceUrl: never to a host the sender picked for us.
      const refusedUrl = serviceUrlProblem(body.activity.serviceUrl, deps.requireToken ? 'authenticated' : 'local');
      if (refusedUrl !== undefined) {
        res.json(400, { error: `Not accepted: ${refusedUrl}.` });
        return;
      }
      const response = adapterResponse(res, deps.logger);
      await deps.adapter.process({ body: body.activity, headers: req.headers, method: 'POST' }, response, deps.runTurn);
    } catch (error) {
      deps.logger.error({ err: error }, 'unexpected failure at /api/messages');
      if (!res.headersSent) res.json(500, { error: 'The bot could not process this activity.' });
    } finally {
      inFlight -= 1;
    }
  });

  deps.mount?.(server);
  return { server, inFlight: () => inFlight };
}
