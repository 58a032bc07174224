import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';

/** Words that stop the current flow, wherever the person is in it. */
export const CANCEL_WORDS =
  /^(?:(?:cancel|stop|quit|exit|abort)(?: (?:it|that|this|please|pls))?|never ?mind|nvm|forget (?:it|that|about it))[.!]*$/i;

/** What a cancelled flow tells the person; exported so tests and flows say the same. */
export const CANCELLED_MESSAGE = 'Cancelled. Nothing was changed. Type "help" to see what I can do.';

/**
 * The base of every task dialog: "cancel" (or "stop") ends the flow at any step without changing
 * anything; "help" repeats the current step's guidance instead of leaving the flow.
 */
export abstract class CancelAndHelpDialog extends ComponentDialog {
  /** One line on what this flow does, shown when the person types "help" inside it. */
  protected abstract readonly helpText: string;

  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const text = (innerDc.context.activity.text ?? '').trim();
    if (innerDc.context.activity.value !== undefined && text === '') return undefined;
    if (CANCEL_WORDS.test(text)) {
      await innerDc.context.sendActivity(CANCELLED_MESSAGE);
      return innerDc.cancelAllDialogs();
    }
    if (/^(help|\?)$/i.test(text)) {
      await innerDc.context.sendActivity(`${this.helpText} Answer the question above to go on, or type "cancel" to stop.`);
      return { status: DialogTurnStatus.waiting };
    }
    return undefined;
  }
}
