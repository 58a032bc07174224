import type { Clock } from '../domain/ports/clock.ts';
import type { Directory } from '../domain/ports/directory.ts';
import type { PartnerAccess } from '../domain/partner-access.ts';

/** What dialogs and card actions work with; injected, never imported from bot/. */
export interface DialogServices {
  readonly domain: PartnerAccess;
  readonly directory: Directory;
  readonly clock: Clock;
}
