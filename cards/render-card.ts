import { readFileSync } from 'node:fs';
import { Template } from 'adaptivecards-templating';
import { markViewStrings, unmarkCard } from './plain-text.ts';

/** An Adaptive Card as sent to Teams (schema 1.5 at most; Teams mobile lags behind desktop). */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly [key: string]: unknown;
}

/** Teams refuses messages over 28 KB; a card near that is a bug in the view, not a user error. */
export const MAX_CARD_BYTES = 28 * 1024;

export const TEMPLATES_DIR = new URL('./templates/', import.meta.url);

/** A template read once from `cards/templates/<name>.card.json`, at the importing module's start. */
export interface CardTemplate<View> {
  readonly name: string;
  render(view: View): AdaptiveCard;
}

/** Cards kept per template: the same view renders the same card (the welcome card of one role, a page shown again). */
const RENDERED_PER_TEMPLATE = 64;

/**
 * Loads a card template; call at module top level so files are read once, not per render. Rendering is deterministic,
 * so the last few cards are kept by their view: a view seen before costs a JSON round trip instead of an expansion.
 * Each call returns its own copy (callers may add to a card).
 */
export function loadTemplate<View extends object>(name: string): CardTemplate<View> {
  const json: unknown = JSON.parse(readFileSync(new URL(`${name}.card.json`, TEMPLATES_DIR), 'utf8'));
  const template = new Template(json);
  const rendered = new Map<string, string>();
  return {
    name,
    render(view: View): AdaptiveCard {
      const key = JSON.stringify(view);
      const kept = rendered.get(key);
      if (kept !== undefined) {
        // Most recently used last, so the oldest goes first when the map is full.
        rendered.delete(key);
        rendered.set(key, kept);
        return JSON.parse(kept) as AdaptiveCard;
      }
      // View strings are plain text: marked before expansion so that only they are escaped after it (see plain-text.ts).
      const card: unknown = unmarkCard(template.expand({ $root: markViewStrings(view) }));
      if (!isAdaptiveCard(card)) throw new Error(`Template ${name} did not expand to an AdaptiveCard`);
      const text = JSON.stringify(card);
      const size = Buffer.byteLength(text);
      if (size > MAX_CARD_BYTES) throw new Error(`Card ${name} is ${size} bytes, over the ${MAX_CARD_BYTES} byte limit`);
      rendered.set(key, text);
      if (rendered.size > RENDERED_PER_TEMPLATE) rendered.delete(rendered.keys().next().value ?? '');
      return card;
    },
  };
}

function isAdaptiveCard(value: unknown): value is AdaptiveCard {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'AdaptiveCard';
}
