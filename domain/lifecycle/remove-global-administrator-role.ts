import type { Actor } from '../actors/actor.ts';
import type { Result } from '../shared/result.ts';
import type { UseCaseContext } from '../use-cases/context.ts';
import type { GdapChange } from '../use-cases/gdap-writes.ts';
import { changeGdap } from '../use-cases/gdap-writes.ts';
import type { GdapRelationshipView } from '../use-cases/views.ts';
import { withoutGlobalAdministrator } from './global-administrator-removal.ts';

/** The partner's Admin agent removes Global Administrator from an active relationship; auto-extension becomes possible. */
export function removeGlobalAdministratorRole(
  context: UseCaseContext,
  actor: Actor,
  change: GdapChange,
): Promise<Result<GdapRelationshipView>> {
  return changeGdap(
    context,
    actor,
    'removeGlobalAdministratorRole',
    { kind: 'removeGlobalAdministrator' },
    change,
    'gdap.globalAdministratorRemoved',
    withoutGlobalAdministrator,
    () => 'Global Administrator role removed',
  );
}
