import { loadTemplate, type AdaptiveCard } from '../render-card.ts';

/** One input of a form step; exactly one of the `is…` flags is true (the template shows that input). */
export interface FormInputView {
  readonly id: string;
  readonly label: string;
  readonly isText: boolean;
  readonly isNumber: boolean;
  readonly isToggle: boolean;
  readonly isChoices: boolean;
  /** Text and choices: the current value (choices: comma-separated values). */
  readonly text: string;
  /** Number inputs: the current value, and the allowed range. */
  readonly number: number;
  readonly min: number;
  readonly max: number;
  /** Toggles: "true" or "false". */
  readonly toggle: string;
  readonly placeholder: string;
  readonly choices: readonly { readonly title: string; readonly value: string }[];
  readonly isMultiSelect: boolean;
}

/** A ready-made answer the person can pick with one click (a customer, a relationship, a role set). */
export interface FormOptionView {
  readonly title: string;
  readonly detail: string;
  readonly buttonTitle: string;
  /** What the button submits into the dialog (Action.Submit). */
  readonly data: Readonly<Record<string, string>>;
}

/** A step of a partner dialog: a question, what is known so far, the inputs or options, and Submit/Cancel. */
export interface PartnerFormCardView {
  readonly title: string;
  /** "Step 2 of 5", or empty. */
  readonly step: string;
  readonly intro: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly linesHeading: string;
  readonly lines: readonly { readonly title: string; readonly text: string }[];
  readonly optionsHeading: string;
  readonly options: readonly FormOptionView[];
  readonly inputs: readonly FormInputView[];
  /** Shown in warning colour: something the person should know before answering (empty: nothing). */
  readonly warning: string;
  readonly hint: string;
  /** Empty: no submit button (options only). */
  readonly submitTitle: string;
  readonly submitData: Readonly<Record<string, string>>;
  readonly cancelData: { readonly command: 'cancel' };
}

const template = loadTemplate<PartnerFormCardView>('partner-form');

/** Renders one step of a partner dialog. */
export function renderPartnerFormCard(view: PartnerFormCardView): AdaptiveCard {
  return template.render(view);
}

const BLANK_INPUT: Omit<FormInputView, 'id' | 'label'> = {
  isText: false,
  isNumber: false,
  isToggle: false,
  isChoices: false,
  text: '',
  number: 0,
  min: 0,
  max: 0,
  toggle: 'false',
  placeholder: '',
  choices: [],
  isMultiSelect: false,
};

/** A text input. */
export function textInput(id: string, label: string, value: string, placeholder = ''): FormInputView {
  return { ...BLANK_INPUT, id, label, isText: true, text: value, placeholder };
}

/** A whole-number input within a range. */
export function numberInput(id: string, label: string, value: number, min: number, max: number): FormInputView {
  return { ...BLANK_INPUT, id, label, isNumber: true, number: value, min, max };
}

/** An on/off toggle; Teams and the Playground submit "true" or "false". */
export function toggleInput(id: string, label: string, on: boolean): FormInputView {
  return { ...BLANK_INPUT, id, label, isToggle: true, toggle: on ? 'true' : 'false' };
}

/** A list of choices; several may be chosen when `multi` (submitted comma-separated). */
export function choicesInput(
  id: string,
  label: string,
  choices: FormInputView['choices'],
  selected: readonly string[],
  multi: boolean,
): FormInputView {
  return { ...BLANK_INPUT, id, label, isChoices: true, choices, text: selected.join(','), isMultiSelect: multi };
}

/** A form view with every list empty, to spread and fill in. */
export function emptyForm(title: string, intro: string): PartnerFormCardView {
  return {
    title,
    step: '',
    intro,
    facts: [],
    linesHeading: '',
    lines: [],
    optionsHeading: '',
    options: [],
    inputs: [],
    warning: '',
    hint: 'Type "cancel" at any time to stop; nothing changes until the last step.',
    submitTitle: '',
    submitData: {},
    cancelData: { command: 'cancel' },
  };
}
