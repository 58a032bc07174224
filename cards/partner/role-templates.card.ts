import { loadTemplate, type AdaptiveCard } from '../render-card.ts';

/** A button that starts a flow with words (Action.Submit `command`), e.g. "apply template Tier 1 support". */
export interface CommandButtonView {
  readonly title: string;
  readonly data: { readonly command: string };
}

/** One role template: what it gives, and what can be done with it. */
export interface RoleTemplateRowView {
  readonly name: string;
  /** Revision and who changed it last. */
  readonly detail: string;
  /** One line per role: "Helpdesk Administrator → Tier 1 Support, HelpdeskAgents". */
  readonly lines: readonly string[];
  readonly actions: readonly CommandButtonView[];
}

/** The partner's role templates. */
export interface RoleTemplatesCardView {
  readonly title: string;
  readonly intro: string;
  readonly templates: readonly RoleTemplateRowView[];
  readonly emptyText: string;
  readonly hint: string;
  /** Empty: no "New template" button. */
  readonly newTitle: string;
  readonly newData: { readonly command: string };
}

const template = loadTemplate<RoleTemplatesCardView>('partner-role-templates');

/** Renders the list of role templates. */
export function renderRoleTemplatesCard(view: RoleTemplatesCardView): AdaptiveCard {
  return template.render(view);
}
