import type { TabConfig, TabMe } from '#bot/tab/tab-contract.ts';
import { TabApi, loadConfig, type Credentials } from './api-client.ts';
import { showCustomerView } from './customer-view.ts';
import { h, replace } from './dom.ts';
import { formatsFor } from './format.ts';
import { showPartnerView } from './partner-view.ts';
import { applyTheme, connectToTeams, type TeamsSession } from './teams-session.ts';
import type { ViewContext } from './view-context.ts';

const root = document.getElementById('app') ?? document.body;
const banner = document.getElementById('banner') ?? document.body;
const toast = document.getElementById('toast') ?? document.body;

function notify(message: string, tone: 'info' | 'error' = 'info'): void {
  replace(toast, h('div', { class: `notice notice-${tone}`, role: tone === 'error' ? 'alert' : 'status' }, message));
}

/** The bot's personal chat with the command typed in: how a row hands a task over to the chat flow. */
function chatDeepLink(botAppId: string, command: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(botAppId)}&message=${encodeURIComponent(command)}`;
}

async function showFor(credentials: Credentials, config: TabConfig, session: TeamsSession | undefined): Promise<void> {
  const api = new TabApi(credentials);
  const ctx: ViewContext = {
    api,
    formats: formatsFor(session?.locale ?? navigator.language),
    notify,
    openChat: (command) => {
      if (session !== undefined && config.botAppId !== null) {
        session
          .openLink(chatDeepLink(config.botAppId, command))
          .catch(() => notify(`In your chat with ${config.botName}, type “${command}”.`));
      } else {
        notify(`In your chat with ${config.botName}, type “${command}”.`);
      }
    },
  };
  replace(root, h('p', { class: 'muted' }, 'Loading…'));
  const me = await api.get<TabMe>('me');
  if (!me.ok) {
    replace(root, h('div', { class: 'notice notice-error', role: 'alert' }, me.error));
    return;
  }
  document
    .getElementById('who')
    ?.replaceChildren(`${me.value.name} · ${me.value.tenantName}${me.value.roles.length > 0 ? ` · ${me.value.roles.join(', ')}` : ''}`);
  await (me.value.side === 'partner' ? showPartnerView(root, ctx) : showCustomerView(root, ctx));
}

function localPicker(config: TabConfig, session: TeamsSession | undefined, reshow: (c: Credentials) => void): Credentials | undefined {
  const fromHash = /^#as=([0-9a-f-]{36})\/([0-9a-f-]{36})$/i.exec(location.hash);
  const preset =
    fromHash !== null
      ? { tenantId: fromHash[1] ?? '', userId: fromHash[2] ?? '' }
      : config.demoUsers.find((u) => u.tenantId === session?.tenantId && u.userId === session.userId);
  const tenants = [...new Set(config.demoUsers.map((u) => u.tenantName))];
  const select = h(
    'select',
    {
      'aria-label': 'Demo user',
      onchange: () => {
        const [tenantId = '', userId = ''] = select.value.split('/');
        history.replaceState(null, '', `#as=${tenantId}/${userId}`);
        reshow({ kind: 'local', tenantId, userId });
      },
    },
    h('option', { value: '' }, 'Pick a demo user…'),
    ...tenants.map((t) =>
      h(
        'optgroup',
        { label: t },
        ...config.demoUsers
          .filter((u) => u.tenantName === t)
          .map((u) =>
            h(
              'option',
              { value: `${u.tenantId}/${u.userId}`, selected: u.tenantId === preset?.tenantId && u.userId === preset.userId },
              `${u.name} (${u.roles})`,
            ),
          ),
      ),
    ),
  );
  replace(
    banner,
    h(
      'div',
      { class: 'banner', role: 'note' },
      h('strong', {}, 'Local demo'),
      ' · no sign-in: the server runs without an app id, so you act as anyone from the demo directory. ',
      h('label', {}, 'Act as ', select),
    ),
  );
  return preset === undefined ? undefined : { kind: 'local', tenantId: preset.tenantId, userId: preset.userId };
}

async function start(): Promise<void> {
  const [config, session] = await Promise.all([loadConfig(), connectToTeams()]);
  applyTheme(session?.theme ?? 'default');
  let current: Credentials | undefined;
  const show = (credentials: Credentials) => {
    current = credentials;
    void showFor(credentials, config, session);
  };
  session?.onThemeChange((theme) => {
    applyTheme(theme);
    if (current !== undefined) show(current);
  });
  if (config.mode === 'local') {
    const preset = localPicker(config, session, show);
    if (preset !== undefined) show(preset);
    else replace(root, h('p', { class: 'notice' }, 'Pick a demo user above to see their view.'));
    return;
  }
  if (session === undefined) {
    replace(
      root,
      h(
        'div',
        { class: 'notice', role: 'alert' },
        h('h1', {}, 'Open this page in Microsoft Teams'),
        h(
          'p',
          {},
          `This is the ${config.botName} tab: it signs you in through Teams. In Teams, open the ${config.botName} app from Apps (or the … menu on the left) and select its Relationships tab.`,
        ),
      ),
    );
    return;
  }
  show({ kind: 'token', get: () => session.getToken() });
}

start().catch(() => notify('The page could not start. Reload it, or open it again from Teams.', 'error'));
