import { loadTemplate, type AdaptiveCard } from './render-card.ts';

export interface WelcomeTask {
  readonly title: string;
  readonly description: string;
  /** What the button sends, and what the person may type instead. */
  readonly command: string;
}

export interface WelcomeCardView {
  readonly title: string;
  readonly intro: string;
  readonly identity: readonly { readonly label: string; readonly value: string }[];
  /** Empty when there is nothing to warn about. */
  readonly notice: string;
  readonly tasks: readonly WelcomeTask[];
  readonly footer: string;
}

const template = loadTemplate<WelcomeCardView>('welcome');

/** The card shown on install and on "help": who the bot thinks you are, and what you may do. */
export function renderWelcomeCard(view: WelcomeCardView): AdaptiveCard {
  return template.render(view);
}
