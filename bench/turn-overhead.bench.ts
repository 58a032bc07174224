/**
 * `npm run bench:turns` (issue 21, item 9): what a turn of this bot costs beside a bare botbuilder echo bot on the same
 * CloudAdapter and HTTP server (bench/support/bench-server.ts, each in its own process, measured in turn). Measured
 * from outside with the same client loop: throughput and median latency of an echo turn, of a plain "help" turn (the
 * welcome card), and of a state-changing card click (auto-extend off and on again, each client on its own relationship,
 * always with the version its last answer showed), and of a typed sentence that goes through the understanding step
 * (typo correction, the NLP.js network and the sentence encoder's nearest utterances: "thanks, that was really
 * helpful" and the like, answered with a short reply, so the turn is mostly understanding). Aims: help >= 70% and the
 * click >= 50% of the echo bot's throughput; the typed sentence has none, it shows what understanding costs a turn.
 * A benchmark, not a test: it reports and never fails.
 *
 * BENCH_SECONDS (default 12) per turn, in BENCH_ROUNDS (default 4) rounds; BENCH_CLIENTS (default 8) concurrent clients.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createUnderstandingEngine } from '#bot/understanding/understanding.ts';
import { loadNluSet, SCHEMA_NAMES, sideOf } from '#eval/nlu/nlu-eval.ts';
import { benchActivity as activity } from './support/activity.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);

interface Partner {
  readonly key: string;
  readonly tenantId: string;
  readonly adminAgentId: string;
}

async function startServer(env: Record<string, string>): Promise<{ url: string; partners: Partner[]; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['bench/support/bench-server.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const started = await new Promise<{ port: number; partners: Partner[] }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited (${String(code)}) before listening`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as { port: number; partners: Partner[] }));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${started.port}`,
    partners: started.partners,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function post(url: string, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  return text;
}

interface Figures {
  readonly times: number[];
  readonly seconds: number;
}

/** `clients` loops of `turn(client)` for `seconds`: each turn's latency, and the time it took. */
async function measure(turn: (client: number) => Promise<void>, seconds: number): Promise<Figures> {
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      while (performance.now() - started < seconds * 1000) {
        const at = performance.now();
        await turn(client);
        times.push(performance.now() - at);
      }
    }),
  );
  return { times, seconds: (performance.now() - started) / 1000 };
}

/** Rounds together: turns per second and the median latency. */
function combine(rounds: readonly Figures[]): { perSecond: number; p50: number } {
  const times = rounds.flatMap((r) => r.times).sort((a, b) => a - b);
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  return { perSecond: times.length / seconds, p50: times[Math.floor(times.length / 2)] ?? 0 };
}

interface Toggle {
  readonly id: string;
  version: string;
  on: boolean;
}

/** The three turns, each against its own server process (both started before, idle while the other is measured). */
async function turns(echoServer: { url: string }, botServer: { url: string; partners: Partner[] }) {
  const partner = botServer.partners[0];
  if (partner === undefined) throw new Error('no partner seeded');
  const echo = (client: number) =>
    post(echoServer.url, activity('t', `echo-${client}`, { type: 'message', text: 'help' })).then(() => undefined);
  const help = (client: number) =>
    // One admin agent, a conversation per client (each has its own dialog state, as each person's chat does).
    post(botServer.url, {
      ...activity(partner.tenantId, partner.adminAgentId, { type: 'message', text: 'help' }),
      conversation: { id: `help-${client}`, conversationType: 'personal', tenantId: partner.tenantId },
    }).then(() => undefined);
  // The relationships whose auto-extend can be turned off and on: one per client.
  const res = await fetch(`${botServer.url}/api/tab/partner/relationships?sort=customer&limit=100`, {
    headers: { 'x-partner-access-demo-user': `${partner.tenantId}/${partner.adminAgentId}` },
  });
  const rows = ((await res.json()) as { rows: { id: string; version: string; kind: string; autoExtend: boolean | null; status: string }[] })
    .rows;
  const toggles: Toggle[] = rows
    .filter((r) => r.kind === 'gdap' && r.autoExtend === true && (r.status === 'active' || r.status === 'expiring'))
    .slice(0, CLIENTS)
    .map((r) => ({ id: r.id, version: r.version, on: true }));
  if (toggles.length < CLIENTS) throw new Error(`only ${toggles.length} relationships to toggle for ${CLIENTS} clients`);
  const stale = { count: 0 };
  const click = async (client: number) => {
    const toggle = toggles[client];
    if (toggle === undefined) return;
    const answer = await post(
      botServer.url,
      activity(partner.tenantId, partner.adminAgentId, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'lifecycle.autoExtend',
            data: { id: toggle.id, version: toggle.version, autoExtend: toggle.on ? 'off' : 'on' },
          },
        },
      }),
    );
    // The card answered carries the relationship's new version in its buttons' data.
    const version = new RegExp(`"id":"${toggle.id}","version":"([^"]+)"`).exec(answer)?.[1];
    if (version === undefined || version === toggle.version) stale.count += 1;
    else {
      toggle.version = version;
      toggle.on = !toggle.on;
    }
  };
  // Typed sentences, taken in turn (none is a greeting, so each is understood: a chit-chat reply, nothing else).
  let typedCount = 0;
  const typed = (client: number) =>
    post(botServer.url, {
      ...activity(partner.tenantId, partner.adminAgentId, { type: 'message', text: TYPED[(typedCount += 1) % TYPED.length]! }),
      conversation: { id: `typed-${client}`, conversationType: 'personal', tenantId: partner.tenantId },
    }).then(() => undefined);
  return { echo, help, click, typed, stale };
}

const TYPED = [
  'thanks, that was really helpful',
  'cheers, much appreciated',
  'thank you so much for the help',
  'great, thanks a lot',
  'ok thanks, have a nice day',
  'awesome, thank you',
];

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const [echoServer, botServer] = [
  await startServer({ BENCH_SERVER_MODE: 'echo' }),
  await startServer({ BENCH_SERVER_MODE: 'bot', BENCH_PARTNERS: `turns:${CLIENTS * 2}:${CLIENTS * 6}` }),
];
try {
  const t = await turns(echoServer, botServer);
  // Warm-up (JIT, caches), then rounds that take turns, so a change in the machine's load falls on all three alike.
  for (const turn of [t.echo, t.help, t.click, t.typed]) await measure(turn, 2);
  t.stale.count = 0;
  const totals = { echo: [] as Figures[], help: [] as Figures[], click: [] as Figures[], typed: [] as Figures[] };
  for (let round = 0; round < ROUNDS; round += 1) {
    totals.echo.push(await measure(t.echo, SECONDS / ROUNDS));
    totals.help.push(await measure(t.help, SECONDS / ROUNDS));
    totals.click.push(await measure(t.click, SECONDS / ROUNDS));
    totals.typed.push(await measure(t.typed, SECONDS / ROUNDS));
  }
  const echo = combine(totals.echo);
  const help = combine(totals.help);
  const click = combine(totals.click);
  const typed = combine(totals.typed);
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(
    `turn overhead: ${CLIENTS} clients, ${SECONDS} s per turn in ${ROUNDS} alternating rounds, each server in its own process (Node ${process.version})`,
  );
  console.table([
    { turn: 'bare echo bot ("help" echoed)', 'turns/s': Math.round(echo.perSecond), p50: ms(echo.p50), 'of echo': '100%', aim: '' },
    {
      turn: '"help" (welcome card)',
      'turns/s': Math.round(help.perSecond),
      p50: ms(help.p50),
      'of echo': pct(help.perSecond / echo.perSecond),
      aim: `>= 70% ${help.perSecond / echo.perSecond >= 0.7 ? 'MET' : 'NOT MET'}`,
    },
    {
      turn: 'card click: auto-extend off/on',
      'turns/s': Math.round(click.perSecond),
      p50: ms(click.p50),
      'of echo': pct(click.perSecond / echo.perSecond),
      aim: `>= 50% ${click.perSecond / echo.perSecond >= 0.5 ? 'MET' : 'NOT MET'}`,
    },
    {
      turn: 'typed sentence, understood',
      'turns/s': Math.round(typed.perSecond),
      p50: ms(typed.p50),
      'of echo': pct(typed.perSecond / echo.perSecond),
      aim: '',
    },
  ]);
  if (t.stale.count > 0) console.log(`(${t.stale.count} clicks answered without a new version)`);
} finally {
  await Promise.all([echoServer.stop(), botServer.stop()]);
}

/**
 * The understanding step alone, in this process: the mean and the 90th percentile of the time to understand the
 * typed messages of the tuning and dev sets (a realistic mix: tasks, questions, chit-chat), with the network alone
 * and with the sentence encoder's vote too (encoded only when the network is not already sure).
 */
async function understandingAlone(meaning: boolean): Promise<{ mean: number; p90: number }> {
  const engine = await createUnderstandingEngine({ meaning });
  const cases = ['eval/tuning/nlu.tuning.json', 'eval/tuning/nlu.tuning-2.json', 'eval/tuning/nlu.dev-3.json'].flatMap(loadNluSet);
  for (const c of cases.slice(0, 20)) await engine.understand({ text: c.text, side: sideOf(c.asker), names: SCHEMA_NAMES });
  const times: number[] = [];
  for (const c of cases) {
    const at = performance.now();
    await engine.understand({ text: c.text, side: sideOf(c.asker), names: SCHEMA_NAMES });
    times.push(performance.now() - at);
  }
  times.sort((a, b) => a - b);
  return { mean: times.reduce((sum, t) => sum + t, 0) / times.length, p90: times[Math.floor(times.length * 0.9)] ?? 0 };
}
const [alone, withMeaning] = [await understandingAlone(false), await understandingAlone(true)];
const figure = (f: { mean: number; p90: number }) => `${f.mean.toFixed(1)} ms mean, ${f.p90.toFixed(1)} ms p90`;
console.log(
  `understanding a typed message in process (the 585 messages of the tuning and dev sets): network alone ${figure(alone)}; ` +
    `with the vote by meaning ${figure(withMeaning)}`,
);
