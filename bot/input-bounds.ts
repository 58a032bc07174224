import type { Activity } from 'botbuilder';

/**
 * Free text is bounded here, at the edge, before any matching, searching or storing sees it: what a person types in
 * chat is a command with a name or a question, and no card input needs more than an e-mail draft.
 */
export const MAX_MESSAGE_CHARS = 1_000;
/** One input of a submitted card (Action.Submit): the longest is the editable invitation e-mail. */
export const MAX_CARD_FIELD_CHARS = 4_000;
/** Deeper than any card we send: a deeper value is not one of ours. */
const MAX_VALUE_DEPTH = 6;

const count = (n: number) => n.toLocaleString('en-US');

/** What is wrong with the size of a message's words or submitted inputs, in words; undefined when it fits. */
export function oversizedInput(activity: Partial<Activity>): string | undefined {
  // A card button's `command` is read as typed words, so it is held to the same limit.
  const value: unknown = activity.value;
  const command =
    typeof value === 'object' && value !== null && typeof (value as { command?: unknown }).command === 'string'
      ? (value as { command: string }).command
      : '';
  const text = command.length > (activity.text ?? '').length ? command : (activity.text ?? '');
  if (text.length > MAX_MESSAGE_CHARS) {
    return (
      `That message is ${count(text.length)} characters long; I read messages of up to ${count(MAX_MESSAGE_CHARS)}. ` +
      'Say what you need in a sentence or two, like "invite Contoso" or "what can I do at Fabrikam?".'
    );
  }
  const longest = longestString(activity.value, 0);
  if (longest === Number.POSITIVE_INFINITY) return 'That card sent answers I cannot read. Open the task again from the menu.';
  if (longest > MAX_CARD_FIELD_CHARS) {
    return `One of the answers on that card is ${count(longest)} characters long; a field holds at most ${count(MAX_CARD_FIELD_CHARS)}. Shorten it and send again.`;
  }
  return undefined;
}

/** The length of the longest string in a submitted value (Infinity when nested deeper than any card of ours). */
function longestString(value: unknown, depth: number): number {
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object' || value === null) return 0;
  if (depth >= MAX_VALUE_DEPTH) return Number.POSITIVE_INFINITY;
  let longest = 0;
  for (const [key, item] of Object.entries(value)) longest = Math.max(longest, key.length, longestString(item, depth + 1));
  return longest;
}
