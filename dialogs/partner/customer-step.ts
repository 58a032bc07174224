import type { Activity } from 'botbuilder';
import { renderPartnerFormCard, emptyForm, textInput } from '#cards/partner/partner-form.card.ts';
import type { Directory, Tenant } from '#domain/ports/directory.ts';
import { findCustomer } from './customer-lookup.ts';
import { field, FormPrompt, type Parsed } from './form-prompt.ts';
import { cardMessage } from '#presenters/card-message.ts';

/** The customer a flow is about, as the steps pass it on. */
export interface CustomerChoice {
  readonly tenantId: string;
  readonly name: string;
  readonly domain: string;
}

function choiceOf(tenant: Tenant): CustomerChoice {
  return { tenantId: tenant.id, name: tenant.name, domain: tenant.domain };
}

/** The "which customer?" card: candidates to pick, and a box to type a name, domain or tenant id. */
export function customerQuestion(title: string, intro: string, candidates: readonly Tenant[], step: string): Partial<Activity> {
  return cardMessage(
    renderPartnerFormCard({
      ...emptyForm(title, intro),
      step,
      optionsHeading: candidates.length > 0 ? 'Customers' : '',
      options: candidates.map((c) => ({
        title: c.name,
        detail: `${c.domain} · tenant ${c.id}`,
        buttonTitle: `Choose ${c.name}`,
        data: { customerTenantId: c.id },
      })),
      inputs: [textInput('customer', 'Or type the name, domain or tenant id', '', 'e.g. fabrikam.com')],
      submitTitle: 'Find',
    }),
  );
}

/** Looks up what the person named; a typo gets the closest customers as buttons. */
export async function resolveCustomer(directory: Directory, words: string, title: string, step: string): Promise<Parsed<CustomerChoice>> {
  const found = await findCustomer(directory, words);
  if (found.kind === 'found') return { ok: true, value: choiceOf(found.customer) };
  return {
    ok: false,
    message: found.message,
    ...(found.candidates.length > 0 ? { followUp: customerQuestion(title, 'Pick one, or type again.', found.candidates, step) } : {}),
  };
}

/** The customer prompt shared by the invite and GDAP flows; its context names the card for a retry. */
export function customerPrompt(id: string, directory: Directory): FormPrompt<CustomerChoice, { title: string; step: string }> {
  return new FormPrompt(id, async (answer, context) => {
    const picked = field(answer, 'customerTenantId');
    const words = picked !== '' ? picked : field(answer, 'customer') !== '' ? field(answer, 'customer') : answer.text;
    if (words === '')
      return { ok: false, message: "Type the customer's name, domain or tenant id, or pick one of the customers on the card." };
    return resolveCustomer(directory, words, context.title, context.step);
  });
}
