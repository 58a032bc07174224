import { findRoleById, findRoleByName, searchRoles } from '#domain/roles/roles-catalog.ts';

/** Role names for display, from role template ids (an unknown id is shown as it is). */
export function roleNames(roleIds: readonly string[]): string[] {
  return roleIds.map((id) => findRoleById(id)?.name ?? id);
}

/**
 * The roles a person named in "add role X to …", split on commas and "and": the exact name, else the catalog's
 * best match (the confirmation shows the names, so a wrong guess is seen before anything starts); a piece
 * that matches nothing is kept as typed, and the domain's refusal names it.
 */
export function rolesFromWords(words: string): string[] {
  return words
    .split(/\s*,\s*|\s+and\s+/i)
    .map((w) => w.trim())
    .filter((w) => w.length > 0)
    .map((w) => findRoleByName(w)?.id ?? searchRoles(w)[0]?.id ?? w);
}
