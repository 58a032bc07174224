/** A way a person starts a flow in their own words: "invite fabrikam", "new gdap for northwind". */
export interface Intent {
  /** The dialog the words start. */
  readonly dialogId: string;
  /** The options to begin it with when the text matches, or undefined. */
  match(text: string): Record<string, unknown> | undefined;
}

/**
 * An intent from patterns; the first capture group, if any, becomes `option` (e.g. the customer's name).
 * Patterns are anchored by the caller's wording, so "assign" inside a question does not start a flow.
 */
export function patternIntent(dialogId: string, patterns: readonly RegExp[], option?: string): Intent {
  return {
    dialogId,
    match(text: string) {
      for (const pattern of patterns) {
        const found = pattern.exec(text);
        if (!found) continue;
        const captured = found[1]?.trim();
        return option && captured ? { [option]: captured } : {};
      }
      return undefined;
    },
  };
}

/** The first intent that matches the text. */
export function matchIntent(intents: readonly Intent[], text: string): { dialogId: string; options: Record<string, unknown> } | undefined {
  for (const intent of intents) {
    const options = intent.match(text);
    if (options) return { dialogId: intent.dialogId, options };
  }
  return undefined;
}
