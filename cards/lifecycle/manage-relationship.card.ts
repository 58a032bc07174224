import { loadTemplate, type AdaptiveCard } from '../render-card.ts';
import type { AutoExtendActionData, RelationshipActionData } from './lifecycle-verbs.ts';

/** One relationship's lifecycle: end date, days left, auto-extend, and what the partner may change. */
export interface ManageRelationshipCardView {
  /** A short note on top (what just changed, or why not); empty: none. */
  readonly note: string;
  /** Good for a change that was made; Warning for one that was not. */
  readonly noteColor: 'Good' | 'Warning';
  readonly title: string;
  readonly statusText: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  /** Why auto-extend is as it is (e.g. impossible with Global Administrator); empty: none. */
  readonly autoExtendNote: string;
  readonly rolesNote: string;
  readonly canChangeAutoExtend: boolean;
  readonly autoExtendTitle: string;
  readonly autoExtendData: AutoExtendActionData;
  readonly canRemoveGlobalAdmin: boolean;
  readonly removeGlobalAdminWarning: string;
  readonly relationshipData: RelationshipActionData;
  /** What "Request a new relationship" sends as typed words; empty: no button. */
  readonly newRequestCommand: string;
}

const template = loadTemplate<ManageRelationshipCardView>('lifecycle-manage');

/** Renders the "manage <relationship>" card. */
export function renderManageRelationshipCard(view: ManageRelationshipCardView): AdaptiveCard {
  return template.render(view);
}
