import type { ShownTarget } from '#domain/use-cases/remove-partner-roles.ts';
import { loadTemplate, type AdaptiveCard } from '../render-card.ts';

/** Before removing: exactly what will change and what will not, with Yes / No. */
export interface RemoveRolesReviewCardView {
  readonly partnerName: string;
  /** "Woodgrove Partners'", "Contoso's": the template's title reads it. */
  readonly partnerPossessive: string;
  readonly partnerTenantId: string;
  /** What this review lists as changing (ids and versions): "Yes" sends it back, and acts only if it still holds. */
  readonly shown: readonly ShownTarget[];
  readonly changes: readonly string[];
  readonly stays: readonly string[];
  /** Graph mode: the admin center page where the removal is done (no Yes here); '' when it is done in Teams. */
  readonly adminCenterUrl: string;
  /** Why the review is shown again ("this changed since you looked"), or empty. */
  readonly note: string;
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
