import { BotState, type Storage, type TurnContext } from 'botbuilder';

/**
 * Dialog state kept per person per conversation: in a group chat or channel, each person walks their
 * own flow, so one person's answer never continues another's half-finished request.
 */
export class PersonalDialogState extends BotState {
  constructor(storage: Storage) {
    super(storage, async (context: TurnContext) => {
      const { channelId, conversation, from } = context.activity;
      if (!channelId || !conversation?.id || !from?.id)
        throw new Error('PersonalDialogState: the activity lacks channelId, conversation.id or from.id');
      return `${channelId}/conversations/${conversation.id}/users/${from.id}/dialogs`;
    });
  }
}
