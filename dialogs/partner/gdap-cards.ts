import type { Activity } from 'botbuilder';
import { renderPartnerFormCard, emptyForm, choicesInput, numberInput, textInput, toggleInput } from '#cards/partner/partner-form.card.ts';
import { DISPLAY_NAME_MAX_LENGTH, MAX_DURATION_DAYS, MIN_DURATION_DAYS } from '#domain/relationships/gdap-validation.ts';
import { findRoleById, ROLES_CATALOG, SUGGESTED_ROLE_SETS } from '#domain/roles/roles-catalog.ts';
import type { CustomerChoice } from './customer-step.ts';
import { DEFAULT_DURATION_DAYS, GLOBAL_ADMIN_NO_AUTO_EXTEND, roleName } from './gdap-answers.ts';
import { cardMessage } from '#presenters/card-message.ts';

export const GDAP_STEPS = 6;

/** What the GDAP flow has gathered so far. */
export interface GdapDraft {
  customer?: CustomerChoice;
  displayName?: string;
  roleIds?: readonly string[];
  days?: number;
  autoExtend?: boolean;
  /** The role template the request starts from (its groups are assigned once the customer approves). */
  templateId?: string;
  templateName?: string;
}

/** A role template offered on the roles step. */
export interface TemplateChoice {
  readonly id: string;
  readonly name: string;
  readonly roleIds: readonly string[];
  readonly lines: readonly string[];
}

function stepLabel(n: number): string {
  return `Request GDAP: step ${n} of ${GDAP_STEPS}`;
}

function draftFacts(draft: GdapDraft): { label: string; value: string }[] {
  return [
    ...(draft.customer ? [{ label: 'Customer', value: `${draft.customer.name} (${draft.customer.domain})` }] : []),
    ...(draft.displayName ? [{ label: 'Name', value: draft.displayName }] : []),
    ...(draft.roleIds ? [{ label: 'Roles', value: draft.roleIds.map(roleName).join(', ') }] : []),
    ...(draft.templateName ? [{ label: 'Template', value: `${draft.templateName} (its groups are assigned once approved)` }] : []),
    ...(draft.days !== undefined ? [{ label: 'Duration', value: `${draft.days} days` }] : []),
  ];
}

/** Step 2: the relationship's name, with a suggestion that is not yet taken. */
export function nameQuestion(draft: GdapDraft, suggestion: string): Partial<Activity> {
  return cardMessage(
    renderPartnerFormCard({
      ...emptyForm(
        'Name the relationship',
        `The customer sees this name. It must be unique among your relationships, at most ${DISPLAY_NAME_MAX_LENGTH} characters. "${suggestion}" is free; keep it or type another.`,
      ),
      step: stepLabel(2),
      facts: draftFacts(draft),
      inputs: [textInput('displayName', 'Relationship name', suggestion)],
      submitTitle: 'Next',
      submitData: { step: 'name' },
    }),
  );
}

/** Step 3: roles, with least-privilege sets for common jobs and one plain line per role. */
export function rolesQuestion(
  draft: GdapDraft,
  preselected: readonly string[] = draft.roleIds ?? [],
  templates: readonly TemplateChoice[] = [],
): Partial<Activity> {
  return cardMessage(
    renderPartnerFormCard({
      ...emptyForm(
        'Which roles?',
        'Ask only for what the job needs: roles cannot be added to a relationship later, but a relationship with fewer roles is easier for the customer to approve. Pick a suggested set, or tick roles below.',
      ),
      step: stepLabel(3),
      facts: draftFacts(draft),
      optionsHeading:
        templates.length === 0 ? 'Suggested least-privilege sets' : 'Your role templates, then suggested least-privilege sets',
      options: [
        ...templates.map((t) => ({
          title: `Template: ${t.name}`,
          detail: `${t.lines.join('; ')}. These groups are assigned automatically once the customer approves.`,
          buttonTitle: `Use template ${t.name}`,
          data: { template: t.id },
        })),
        ...SUGGESTED_ROLE_SETS.map((set) => ({
          title: set.title,
          detail: `${set.roleIds.map(roleName).join(', ')}. ${set.why}`,
          buttonTitle: `Use the ${set.title} set`,
          data: { roleSet: set.id },
        })),
      ],
      // One compact multi-select, each role with what it permits beside it, rather than a long list of boxes and a second list.
      inputs: [
        choicesInput(
          'roles',
          'Or choose roles yourself (each with what it permits)',
          ROLES_CATALOG.map((r) => ({ title: `${r.name}: ${r.description}`, value: r.id })),
          preselected,
          true,
          'compact',
        ),
      ],
      submitTitle: 'Use the roles I ticked',
      submitData: { step: 'roles' },
    }),
  );
}

/** Step 4: how long, 1–730 days, two years by default. */
export function durationQuestion(draft: GdapDraft): Partial<Activity> {
  return cardMessage(
    renderPartnerFormCard({
      ...emptyForm(
        'For how long?',
        `From ${MIN_DURATION_DAYS} to ${MAX_DURATION_DAYS} days (two years, the longest: there are no permanent relationships). An unanswered request expires after 90 days.`,
      ),
      step: stepLabel(4),
      facts: draftFacts(draft),
      inputs: [numberInput('days', 'Duration in days', DEFAULT_DURATION_DAYS, MIN_DURATION_DAYS, MAX_DURATION_DAYS)],
      submitTitle: 'Next',
      submitData: { step: 'duration' },
    }),
  );
}

/** Step 5: auto-extend, offered only without Global Administrator. */
export function autoExtendQuestion(draft: GdapDraft): Partial<Activity> {
  return cardMessage(
    renderPartnerFormCard({
      ...emptyForm(
        'Extend automatically?',
        'With auto-extend, the relationship adds 180 days at each end date until one side turns it off or ends it. Turning it on or off sends no e-mail.',
      ),
      step: stepLabel(5),
      facts: draftFacts(draft),
      inputs: [toggleInput('autoExtend', 'Extend by 180 days at each end date', false)],
      submitTitle: 'Next',
      submitData: { step: 'autoExtend' },
    }),
  );
}

/** Said before a request with Global Administrator is sent: it is not least privilege, and the customer may say no. */
export const GLOBAL_ADMIN_WARNING =
  "Global Administrator gives full control of the customer's tenant: this goes beyond least privilege, and the customer " +
  'may object or decline. Ask for it only if the job truly needs it; for most work a narrower role does (for Business Central, Dynamics 365 ' +
  `Business Central Administrator). ${GLOBAL_ADMIN_NO_AUTO_EXTEND}`;

/** Step 6: everything at once, before anything is created. */
export function confirmQuestion(draft: GdapDraft, includesGlobalAdmin: boolean): Partial<Activity> {
  const roles = (draft.roleIds ?? []).map((id) => findRoleById(id)).filter((r) => r !== undefined);
  return cardMessage(
    renderPartnerFormCard({
      ...emptyForm(
        'Send this request for approval?',
        'On "Send for approval" the relationship is created and locked for the customer\'s approval; you get the approval link to send.',
      ),
      step: stepLabel(6),
      facts: [...draftFacts(draft), { label: 'Auto-extend', value: draft.autoExtend ? 'Yes, 180 days at each end date' : 'No' }],
      warning: includesGlobalAdmin ? GLOBAL_ADMIN_WARNING : '',
      linesHeading: 'Roles requested',
      lines: roles.map((r) => ({ title: r.name, text: r.description })),
      submitTitle: 'Send for approval',
      submitData: { confirm: 'yes' },
    }),
  );
}
