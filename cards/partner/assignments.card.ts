import { loadTemplate, type AdaptiveCard } from '../render-card.ts';
import type { AssignmentActionData } from './partner-verbs.ts';

export interface AssignmentRowView {
  readonly groupName: string;
  readonly roles: string;
  readonly assignedBy: string;
  readonly canChange: boolean;
  readonly changeData: AssignmentActionData;
  readonly removeData: AssignmentActionData;
}

/** The security groups that act through one GDAP relationship, with change/remove buttons and an optional editor. */
export interface AssignmentsCardView {
  readonly title: string;
  readonly statusText: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly assignments: readonly AssignmentRowView[];
  /** Shown when there are no assignments (or why there cannot be any yet). */
  readonly emptyText: string;
  readonly isEditing: boolean;
  readonly editTitle: string;
  readonly editChoices: readonly { readonly title: string; readonly value: string }[];
  /** Comma-separated role ids already chosen. */
  readonly editValue: string;
  readonly saveData: AssignmentActionData;
  readonly viewData: AssignmentActionData;
  readonly hint: string;
  /** A short note on top (saved, changed meanwhile, refused); empty: none. */
  readonly note: string;
  readonly noteIsWarning: boolean;
}

const template = loadTemplate<AssignmentsCardView>('partner-assignments');

/** Renders the assignments of a relationship. */
export function renderAssignmentsCard(view: AssignmentsCardView): AdaptiveCard {
  return template.render(view);
}
