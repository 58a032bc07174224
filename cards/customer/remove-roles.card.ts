import { loadTemplate, type AdaptiveCard } from '../render-card.ts';

/** Before removing: exactly what will change and what will not, with Yes / No. */
export interface RemoveRolesReviewCardView {
  readonly partnerName: string;
  /** "Woodgrove Partners'", "Contoso's": the template's title reads it. */
  readonly partnerPossessive: string;
  readonly partnerTenantId: string;
  readonly changes: readonly string[];
  readonly stays: readonly string[];
  /** Graph mode: the admin center page where the removal is done (no Yes here); '' when it is done in Teams. */
  readonly adminCenterUrl: string;
}

/** After removing: what was removed and what remains. */
export interface RemoveRolesResultCardView {
  readonly title: string;
  readonly removed: readonly string[];
  readonly lost: readonly string[];
  readonly remains: readonly string[];
  readonly footer: string;
}

const reviewTemplate = loadTemplate<RemoveRolesReviewCardView>('customer-remove-roles-review');
const resultTemplate = loadTemplate<RemoveRolesResultCardView>('customer-remove-roles-result');

/** Renders the review card. */
export function renderRemoveRolesReviewCard(view: RemoveRolesReviewCardView): AdaptiveCard {
  return reviewTemplate.render(view);
}

/** Renders the result card. */
export function renderRemoveRolesResultCard(view: RemoveRolesResultCardView): AdaptiveCard {
  return resultTemplate.render(view);
}
