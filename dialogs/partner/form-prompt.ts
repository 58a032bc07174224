import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import {
  Prompt,
  type PromptOptions,
  type PromptRecognizerResult,
  type WaterfallStepContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';

/** What the person answered: words they typed (or a button's `command`), and a card's submitted inputs. */
export interface FormAnswer {
  readonly text: string;
  readonly value: Readonly<Record<string, unknown>>;
}

/** A parsed answer, or what is wrong with it in words. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string; readonly followUp?: Partial<Activity> };

const FAILURE_KEY = Symbol('partnerAccess.formPromptFailure');

function isFailure(value: unknown): value is { ok: false; message: string; followUp?: Partial<Activity> } {
  return typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string';
}

/** Reads an answer; `context` is the plain data the asking step passed (it is stored in dialog state). */
export type FormParser<T, C> = (answer: FormAnswer, context: C, turn: TurnContext) => Promise<Parsed<T>> | Parsed<T>;

/** The person's answer from a message: typed text, or an Action.Submit's data (a `command` counts as text). */
export function readAnswer(activity: Partial<Activity>): FormAnswer {
  const raw: unknown = activity.value;
  const value: Record<string, unknown> = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...raw } : {};
  const typed = activity.type === ActivityTypes.Message ? (TurnContext.removeRecipientMention(activity) ?? activity.text ?? '') : '';
  const command = typeof value.command === 'string' ? value.command : '';
  return { text: (typed.trim() === '' ? command : typed).replace(/\s+/g, ' ').trim(), value };
}

/**
 * A prompt that takes either typed words or a card's submitted inputs, and parses them with the step's own
 * rules. A wrong answer gets its reason in words and the prompt waits again (the card stays where it was).
 */
export class FormPrompt<T, C extends object> extends Prompt<T> {
  readonly #parse: FormParser<T, C>;

  constructor(id: string, parse: FormParser<T, C>) {
    // The validator only reports: recognition may run twice a turn (botbuilder also recognizes before bubbling events).
    super(id, async (prompt) => {
      if (prompt.recognized.succeeded) return true;
      const failure: unknown = prompt.context.turnState.get(FAILURE_KEY);
      if (isFailure(failure)) {
        await prompt.context.sendActivity(failure.message);
        if (failure.followUp !== undefined) await prompt.context.sendActivity(failure.followUp);
      }
      return false;
    });
    this.#parse = parse;
  }

  /** Shows the question (a card or text) and waits for the answer; `context` reaches the parser. */
  ask(step: WaterfallStepContext, question: Partial<Activity> | string, context: C): Promise<DialogTurnResult> {
    const prompt = typeof question === 'string' ? { type: ActivityTypes.Message, text: question } : question;
    return step.prompt(this.id, { prompt, validations: context });
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    if (!isRetry && options.prompt !== undefined) await context.sendActivity(options.prompt);
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<T>> {
    // `validations` is only ever written by ask() above, with this prompt's own context type.
    const parsed = await this.#parse(readAnswer(context.activity), (options.validations ?? {}) as C, context);
    if (parsed.ok) return { succeeded: true, value: parsed.value };
    context.turnState.set(FAILURE_KEY, parsed);
    return { succeeded: false };
  }
}

/** A string field of a submitted card, trimmed; empty when absent. */
export function field(answer: FormAnswer, name: string): string {
  const raw = answer.value[name];
  return typeof raw === 'string' ? raw.trim() : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : '';
}

/** A string option a flow was started with (from the person's words), if any. */
export function optionText(options: unknown, name: string): string | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const raw: unknown = (options as Record<string, unknown>)[name];
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
}

/** The answers a dialog has gathered so far (`step.values`, written only by that dialog's own steps). */
export function valuesOf<T extends object>(step: WaterfallStepContext): Partial<T> {
  return step.values as Partial<T>;
}

/** A list of strings a flow was started with (e.g. roles to pre-tick, from another flow), if any. */
export function optionList(options: unknown, name: string): readonly string[] {
  if (typeof options !== 'object' || options === null) return [];
  const raw: unknown = (options as Record<string, unknown>)[name];
  return Array.isArray(raw) ? raw.filter((item): item is string => typeof item === 'string') : [];
}
