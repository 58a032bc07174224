import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { CancelAndHelpDialog, CANCELLED_MESSAGE, CANCEL_WORDS } from '../cancel-and-help.dialog.ts';
import { readAnswer } from './form-prompt.ts';

/**
 * The base of the partner dialogs: besides typed "cancel", the Cancel button of a card (an Action.Submit
 * whose `command` is "cancel", with no typed text) also ends the flow without changing anything.
 */
export abstract class PartnerDialog extends CancelAndHelpDialog {
  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const activity = innerDc.context.activity;
    const fromCard = activity.value !== undefined && (activity.text ?? '').trim() === '';
    if (fromCard && CANCEL_WORDS.test(readAnswer(activity).text)) {
      await innerDc.context.sendActivity(CANCELLED_MESSAGE);
      return innerDc.cancelAllDialogs();
    }
    return super.onContinueDialog(innerDc);
  }
}
