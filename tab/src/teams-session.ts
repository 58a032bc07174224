import { app, authentication } from '@microsoft/teams-js';

export type Theme = 'default' | 'dark' | 'contrast';

/** What the page learns from Teams: who (for display only: the API trusts the token, not this), locale and theme. */
export interface TeamsSession {
  readonly userName: string | undefined;
  readonly userId: string | undefined;
  readonly tenantId: string | undefined;
  readonly locale: string | undefined;
  readonly theme: Theme;
  getToken(): Promise<string>;
  openLink(url: string): Promise<void>;
  onThemeChange(handler: (theme: Theme) => void): void;
}

// Inside Teams the host answers within a second; elsewhere initialize would wait a minute.
const HOST_TIMEOUT_MS = 4000;

/** Connects to the Teams host, or resolves undefined when the page is not inside Teams. */
export async function connectToTeams(): Promise<TeamsSession | undefined> {
  if (window.parent === window && window.opener === null) return undefined;
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), HOST_TIMEOUT_MS));
  const connected = await Promise.race([
    app
      .initialize()
      .then(() => true)
      .catch(() => false),
    timeout,
  ]);
  if (connected !== true) return undefined;
  const context = await app.getContext();
  app.notifySuccess().catch(() => undefined);
  return {
    userName: context.user?.displayName,
    userId: context.user?.id,
    tenantId: context.user?.tenant?.id,
    locale: context.app.locale,
    theme: asTheme(context.app.theme),
    getToken: () => authentication.getAuthToken(),
    openLink: (url) => app.openLink(url),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(asTheme(theme))),
  };
}

/** Teams' theme names; anything else counts as the default (light) theme. */
export function asTheme(theme: string | undefined): Theme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

/** Applies a theme to the page (CSS variables switch on the `data-theme` attribute). */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}
