import { loadTemplate, type AdaptiveCard } from '../render-card.ts';

/** One GDAP relationship as the customer sees it among a partner's details. */
export interface GdapSummary {
  readonly title: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly roles: string;
}

/** A partner of the customer, formatted for the list and the details cards. */
export interface PartnerSummary {
  readonly partnerTenantId: string;
  readonly name: string;
  readonly types: string;
  /** "Global Administrator, Helpdesk Administrator (DAP); Helpdesk Administrator (GDAP …)" or "None". */
  readonly rolesNow: string;
  readonly hasAdminRoles: boolean;
  readonly resellerFacts: readonly { readonly label: string; readonly value: string }[];
  readonly gdap: readonly GdapSummary[];
}

/** The customer's partners, as the admin center's Partner relationships page, in one card. */
export interface MyPartnersCardView {
  readonly customerName: string;
  readonly intro: string;
  readonly partners: readonly PartnerSummary[];
}

/** One partner in detail, with Remove roles for those who may (a Global admin) while it holds any. */
export interface PartnerDetailsCardView {
  readonly partner: PartnerSummary;
  readonly canRemoveRoles: boolean;
  readonly note: string;
}

const listTemplate = loadTemplate<MyPartnersCardView>('customer-my-partners');
const detailsTemplate = loadTemplate<PartnerDetailsCardView>('customer-partner-details');

/** Renders the list of partners. */
export function renderMyPartnersCard(view: MyPartnersCardView): AdaptiveCard {
  return listTemplate.render(view);
}

/** Renders one partner's details. */
export function renderPartnerDetailsCard(view: PartnerDetailsCardView): AdaptiveCard {
  return detailsTemplate.render(view);
}
