import { ChoicePrompt, ListStyle, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { NewRequestSuggestion } from '#domain/use-cases/partner-requests.ts';
import type { GdapRelationshipView } from '#domain/use-cases/views.ts';
import { CancelAndHelpDialog } from '../cancel-and-help.dialog.ts';
import type { DialogServices } from '../dialog-services.ts';
import { turnActor } from '../turn-actor.ts';
import { findRelationship } from './find-relationship.ts';

/** What the lifecycle dialogs keep between steps. */
export interface LifecycleValues {
  relationship?: GdapRelationshipView;
  candidates?: readonly GdapRelationshipView[];
  /** The new request offered instead of adding roles. */
  suggestion?: NewRequestSuggestion;
}

/** The typed step values of a lifecycle dialog. */
export function valuesOf(step: WaterfallStepContext): LifecycleValues {
  return step.values as LifecycleValues;
}

/** The words an intent captured, from the dialog's options. */
export function optionText(options: unknown, key: string): string {
  if (typeof options !== 'object' || options === null) return '';
  const value: unknown = (options as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : '';
}

/**
 * The base of the lifecycle dialogs: the first step finds the relationship the person named, asking which one
 * when the words fit several; later steps read it from `valuesOf(step).relationship`.
 */
export abstract class RelationshipDialog extends CancelAndHelpDialog {
  protected readonly services: DialogServices;
  readonly #choiceId: string;

  constructor(id: string, services: DialogServices) {
    super(id);
    this.services = services;
    this.#choiceId = `${id}.which`;
    this.addDialog(new ChoicePrompt(this.#choiceId));
  }

  /** Finds the named relationship; asks which one when several fit; ends the dialog when none does. */
  protected async askRelationshipStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const found = await findRelationship(this.services.domain, turnActor(step.context), optionText(step.options, 'relationship'));
    if (found.kind === 'none') {
      await step.context.sendActivity(found.message);
      return step.endDialog();
    }
    if (found.kind === 'found') return step.next(found.relationship.displayName);
    valuesOf(step).candidates = found.candidates;
    return step.prompt(this.#choiceId, {
      prompt: 'Which relationship do you mean?',
      choices: found.candidates.map((c) => ({ value: c.displayName, synonyms: [c.id] })),
      style: ListStyle.heroCard,
    });
  }

  /** Keeps the chosen relationship (fresh from the domain) for the next steps. */
  protected async rememberRelationship(step: WaterfallStepContext): Promise<GdapRelationshipView | undefined> {
    const result: unknown = step.result;
    const name =
      typeof result === 'string'
        ? result
        : typeof result === 'object' && result !== null && typeof (result as { value?: unknown }).value === 'string'
          ? (result as { value: string }).value
          : '';
    const found = await findRelationship(this.services.domain, turnActor(step.context), name);
    if (found.kind !== 'found') {
      await step.context.sendActivity(
        found.kind === 'none' ? found.message : 'That fits several relationships; type "manage" and its exact name.',
      );
      return undefined;
    }
    valuesOf(step).relationship = found.relationship;
    return found.relationship;
  }
}
