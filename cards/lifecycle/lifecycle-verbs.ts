/** Action.Execute verbs of the lifecycle cards (reminders, auto-extend, removing Global Administrator). */
export const LIFECYCLE_VERBS = ['lifecycle.autoExtend', 'lifecycle.removeGlobalAdmin'] as const;

/** Which relationship, at which version: never a status, role or tenant. */
export interface RelationshipActionData {
  readonly id: string;
  readonly version: string;
}

/** "Turn auto-extend on/off": the wanted setting, for the relationship at the version the card showed. */
export interface AutoExtendActionData extends RelationshipActionData {
  readonly autoExtend: 'on' | 'off';
}
