import { loadTemplate, type AdaptiveCard } from '../render-card.ts';
import type { RelationshipActionData } from '../action-data.ts';
import type { CustomersPageActionData, CustomersRemindActionData } from './partner-verbs.ts';

/** One relationship of one customer, with the next thing to do about it. */
export interface CustomerRowView {
  readonly customerName: string;
  readonly relationship: string;
  readonly status: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly nextAction: string;
  /** A button that starts a flow (Action.Submit `command`), e.g. "assign groups for …". */
  readonly hasCommand: boolean;
  readonly commandTitle: string;
  readonly commandData: { readonly command: string };
  /** "Send a reminder": the same send as on the invitation card; the answer is this list again, with what was sent. */
  readonly hasReminder: boolean;
  readonly reminderData: RelationshipActionData | CustomersRemindActionData;
}

/** The partner's relationships by customer, one page at a time (the card must stay under 28 KB). */
export interface MyCustomersCardView {
  readonly title: string;
  readonly summary: string;
  readonly rows: readonly CustomerRowView[];
  readonly emptyText: string;
  readonly hasPrevious: boolean;
  readonly previousData: CustomersPageActionData;
  readonly hasMore: boolean;
  readonly moreData: CustomersPageActionData;
  readonly hint: string;
  /** What the last click on this list did (a reminder sent, or why not); empty otherwise. */
  readonly note?: string;
}

const template = loadTemplate<MyCustomersCardView>('partner-my-customers');

/** Renders one page of "my customers". */
export function renderMyCustomersCard(view: MyCustomersCardView): AdaptiveCard {
  return template.render({ ...view, note: view.note ?? '' });
}
