/**
 * Other users' latency under a mixed load with hostile requests in it (issue 16): the bot runs in its own process;
 * first a quiet run of ordinary turns (partner and customer questions, menus, tasks), then the same ordinary turns
 * while other connections send hostile ones (texts at and over the limits, enormous words, oversized bodies and card
 * fields, malformed card actions, activities pointing the bot elsewhere). Prints the ordinary turns' p50/p99 in both runs
 * and their ratio; the aim is a mixed p99 within twice the quiet one. A benchmark, not a test: these machines are
 * shared and noisy, so it reports and never fails.
 *
 * BENCH_SECONDS (default 60) is the mixed run's length; BENCH_QUIET_SECONDS (default a third of it, at least 5) the quiet one's.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon, { type Request, type Result } from 'autocannon';
import { benchActivity as activity } from './support/activity.ts';

const MIXED_SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const QUIET_SECONDS = Number(process.env.BENCH_QUIET_SECONDS ?? Math.max(5, Math.round(MIXED_SECONDS / 3)));

const WOODGROVE = '4f1c2a9e-6b7d-4e21-9a3f-5c8d7e6f1a01';
const CONTOSO = '2a7c5e1f-8d3b-4a9c-b6e2-7f1d4c8a9e03';
const ADELE = 'a1e5c7d9-3b2f-4e6a-8c1d-0f9e8d7c6b11';
const MEGAN = 'f6d0b2c4-8a7e-4d1f-b16c-5e4d3c2b1a16';
const SAM = 'b2f6d8e0-4c3a-4f7b-9d2e-1a0f9e8d7c12';

const post = (body: unknown): Request => ({
  method: 'POST',
  path: '/api/messages',
  headers: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const say = (tenantId: string, userId: string, text: string) => post(activity(tenantId, userId, { type: 'message', text }));

/** What people do all day: each is a full turn with its reply. */
const ORDINARY: Request[] = [
  say(WOODGROVE, ADELE, 'help'),
  say(CONTOSO, MEGAN, 'what can a delegated admin do in Business Central?'),
  say(WOODGROVE, SAM, 'what can I do at Contoso?'),
  say(CONTOSO, MEGAN, 'my partners'),
  say(WOODGROVE, ADELE, 'how long can a GDAP relationship last?'),
  say(WOODGROVE, ADELE, 'my customers'),
];

const word = (n: number) => 'administrator'.repeat(Math.ceil(n / 13)).slice(0, n);
const manyWords = Array.from({ length: 60 }, (_, i) => `delegatedadmin${i}xq`)
  .join(' ')
  .slice(0, 999);
/** What an attacker sends between them: limits, enormous words, junk shapes and foreign service URLs. */
const HOSTILE: Request[] = [
  say(WOODGROVE, ADELE, `invite ${word(992)}`),
  say(WOODGROVE, ADELE, word(1000)),
  say(CONTOSO, '00000000-dead-4bad-8bad-000000000000', manyWords),
  say(WOODGROVE, ADELE, 'x'.repeat(200_000)),
  post(JSON.stringify(activity(WOODGROVE, ADELE, { type: 'message', text: 'y'.repeat(300_000) }))),
  post(activity(WOODGROVE, ADELE, { type: 'message', text: '', value: { displayName: 'z'.repeat(200_000) } })),
  post(activity(CONTOSO, MEGAN, { type: 'invoke', name: 'adaptiveCard/action', value: 'accept' })),
  post(
    activity(CONTOSO, MEGAN, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'v'.repeat(50_000), data: [] } },
    }),
  ),
  post(
    activity(CONTOSO, MEGAN, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'roles.remove', data: { partnerTenantId: WOODGROVE, shown: [] } } },
    }),
  ),
  post({ ...activity(CONTOSO, MEGAN, { type: 'message', text: 'help' }), serviceUrl: 'http://169.254.169.254/latest/' }),
  post('{"type": "message", '),
];

async function startBot(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['bot/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      STORAGE_URL: 'memory://',
      SWEEP_INTERVAL_MINUTES: '0',
      MicrosoftAppId: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bot exited (${String(code)}) before listening`)));
    lines.on('line', (line) => {
      const parsed = JSON.parse(line) as { port?: unknown };
      if (typeof parsed.port === 'number') resolve(parsed.port);
    });
  });
  lines.removeAllListeners('line');
  child.stdout.resume();
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const describe = (name: string, r: Result) =>
  `${name}: ${r.requests.total} turns, p50 ${ms(r.latency.p50)}, p99 ${ms(r.latency.p99)}, max ${ms(r.latency.max)}, errors ${r.errors}, non-2xx ${r.non2xx}`;

const bot = await startBot();
try {
  await autocannon({ url: bot.url, connections: 2, duration: 3, requests: ORDINARY }); // warm-up: JIT, directory, indexes
  console.log(`security load: ordinary turns ${QUIET_SECONDS} s quiet, then ${MIXED_SECONDS} s with hostile requests beside them`);
  const quiet = await autocannon({ url: bot.url, connections: 4, duration: QUIET_SECONDS, requests: ORDINARY });
  console.log(describe('quiet  (ordinary)', quiet));
  const [mixed, hostile] = await Promise.all([
    autocannon({ url: bot.url, connections: 4, duration: MIXED_SECONDS, requests: ORDINARY }),
    autocannon({ url: bot.url, connections: 2, duration: MIXED_SECONDS, requests: HOSTILE, timeout: 30 }),
  ]);
  console.log(describe('mixed  (ordinary)', mixed));
  const codes = Object.entries(hostile.statusCodeStats)
    .map(([code, s]) => `${code}×${s.count}`)
    .join(', ');
  console.log(`hostile: ${hostile.requests.total} requests (${codes}), p99 ${ms(hostile.latency.p99)}, timeouts ${hostile.timeouts}`);
  const ratio = mixed.latency.p99 / Math.max(quiet.latency.p99, 1);
  console.log(`ordinary p99 mixed / quiet: ${ratio.toFixed(2)}× (aim: at most 2×) ${ratio <= 2 ? 'WITHIN' : 'OVER'}`);
} finally {
  bot.stop();
}
