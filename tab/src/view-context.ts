import type { TabApi } from './api-client.ts';
import type { Formats } from './format.ts';

/** What each view needs from the page: the API, formats, the chat hand-off and a place to say things. */
export interface ViewContext {
  readonly api: TabApi;
  readonly formats: Formats;
  /** Continues in the chat with the bot at a flow (a deep link in Teams; a hint to type it otherwise). */
  openChat(command: string): void;
  /** A short message at the top of the page (role="status"). */
  notify(message: string, tone?: 'info' | 'error'): void;
}
