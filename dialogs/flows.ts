import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import type { StatePropertyAccessor } from 'botbuilder';
import { customerFlows } from './customer/index.ts';
import type { DialogServices } from './dialog-services.ts';
import type { Intent } from './intent.ts';
import { lifecycleFlows } from './lifecycle/index.ts';
import { partnerFlows } from './partner/index.ts';

export interface Flows {
  readonly dialogs: DialogSet;
  readonly intents: readonly Intent[];
}

/** Every task dialog in one set, with the intents that start them (lifecycle's narrow words first, then partner, customer). */
export function createFlows(services: DialogServices, dialogState: StatePropertyAccessor<DialogState>): Flows {
  const dialogs = new DialogSet(dialogState);
  const partner = partnerFlows(services);
  const customer = customerFlows(services);
  const lifecycle = lifecycleFlows(services);
  for (const dialog of [...partner.dialogs, ...customer.dialogs, ...lifecycle.dialogs]) dialogs.add(dialog);
  return { dialogs, intents: [...lifecycle.intents, ...partner.intents, ...customer.intents] };
}
