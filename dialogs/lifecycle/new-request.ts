import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { NewRequestSuggestion } from '#domain/use-cases/partner-requests.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { roleNames } from './role-words.ts';

/**
 * The partner flows' "Request GDAP" dialog (dialogs/partner/request-gdap.dialog.ts). Named here rather than
 * imported so the lifecycle flows do not depend on that file's internals; begun by id from the shared set.
 */
export const PARTNER_REQUEST_GDAP_DIALOG = 'partner.requestGdap';

/** The begin options of the new request: the customer (which the GDAP dialog reads), then the name and roles to prefill. */
export interface NewRequestOptions {
  readonly customer: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly said?: { readonly durationDays: number };
}

/** Starts the partner's GDAP request for the same customer, with the suggested unique name and the roles. */
export async function beginNewRequest(
  step: WaterfallStepContext,
  old: GdapRelationshipView,
  suggestion: NewRequestSuggestion,
): Promise<DialogTurnResult> {
  const names = roleNames(suggestion.roles);
  // A duration said with the words ("renew it for 6 months") is taken by the request, which skips that question.
  const days: unknown =
    typeof step.options === 'object' && step.options !== null ? (step.options as { durationDays?: unknown }).durationDays : undefined;
  const options: NewRequestOptions = {
    customer: old.customer.name,
    displayName: suggestion.displayName,
    roles: suggestion.roles,
    ...(typeof days === 'number' ? { said: { durationDays: days } } : {}),
  };
  const summary = `a new relationship with ${old.customer.name}, named "${suggestion.displayName}", with ${names.join(', ')}`;
  if (step.findDialog(PARTNER_REQUEST_GDAP_DIALOG) === undefined) {
    await step.context.sendActivity(`To request ${summary}, type "new gdap for ${old.customer.name}".`);
    return step.endDialog();
  }
  await step.context.sendActivity(`Starting ${summary}: the name and roles are filled in, check them as you go.`);
  return step.beginDialog(PARTNER_REQUEST_GDAP_DIALOG, options);
}
