/** What `GET /` answers: a short page saying what this server is and where to go, instead of a 404. */
export function homePage(botName: string, localMode: boolean): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const name = escape(botName);
  const tryIt = localMode
    ? `<p>Local mode (no app id): chat with the bot in Microsoft's Agents Playground, one page per person:
<code>./dev playground adele megan</code>, or open the tab below and pick a demo user.</p>`
    : '<p>Add the app to Microsoft Teams (<code>./dev package</code> writes the app package) and chat with it there.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#242424}
code{background:#f0f0f0;padding:.1rem .3rem;border-radius:3px}a{color:#4f52b2}</style></head>
<body><h1>${name}</h1>
<p>A Microsoft Teams bot for partners and customers to set up, review and revoke delegated admin access.</p>
${tryIt}
<ul>
<li><a href="/tab">Relationships tab</a>: the dashboard of partners and customers</li>
<li><a href="/healthz">Health</a>: is this server up</li>
<li>Bot endpoint (for the Playground, the Emulator or Azure Bot Service): <code>POST /api/messages</code></li>
</ul></body></html>
`;
}

/** What `./dev start` prints once listening: where to go next. */
export function startBanner(port: number, authenticated: boolean): string {
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    `Partner Access is running: ${base}`,
    `  Bot endpoint:  ${base}/api/messages`,
    `  The tab:       ${base}/tab${authenticated ? '' : '  (local demo: pick a demo user)'}`,
    `  Health:        ${base}/healthz`,
  ];
  if (!authenticated) {
    lines.push(
      'Next: chat with it in the Agents Playground, one page per person (in another terminal; it uses this bot):',
      '  ./dev playground adele megan',
    );
  }
  lines.push('Ctrl+C stops it.', '');
  return lines.join('\n');
}
