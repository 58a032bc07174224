import type { PresenterServices } from '#presenters/presenter-services.ts';

export type { ConversationFinder } from '#presenters/presenter-services.ts';

/** What dialogs and card actions work with (the presenters' services); injected, never imported from bot/. */
export type DialogServices = PresenterServices;
