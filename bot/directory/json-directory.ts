import { readFile } from 'node:fs/promises';
import type { Directory, DirectoryUser, SecurityGroup, Tenant } from '#domain/ports/directory.ts';
import { directoryFileSchema, type DirectoryFile } from './directory-file.schema.ts';

/** A directory file that cannot be used; the message names the file and each bad entry. */
export class DirectoryFileError extends Error {
  override name = 'DirectoryFileError';
}

/** The embedded directory: everything in memory, read once from a JSON file. */
export class JsonDirectory implements Directory {
  readonly #tenants: ReadonlyMap<string, Tenant>;
  readonly #users: ReadonlyMap<string, DirectoryUser>;
  readonly #groups: ReadonlyMap<string, SecurityGroup>;

  constructor(file: DirectoryFile) {
    this.#tenants = new Map(file.tenants.map((t) => [t.id.toLowerCase(), Object.freeze({ ...t })]));
    this.#users = new Map(file.users.map((u) => [u.id.toLowerCase(), Object.freeze({ ...u, roles: Object.freeze([...u.roles]) })]));
    this.#groups = new Map(file.groups.map((g) => [g.id.toLowerCase(), Object.freeze({ ...g, members: Object.freeze([...g.members]) })]));
  }

  async findTenant(tenantId: string): Promise<Tenant | undefined> {
    return this.#tenants.get(tenantId.toLowerCase());
  }

  async listTenants(): Promise<readonly Tenant[]> {
    return [...this.#tenants.values()];
  }

  async findUser(tenantId: string, userId: string): Promise<DirectoryUser | undefined> {
    const user = this.#users.get(userId.toLowerCase());
    return user && sameId(user.tenantId, tenantId) ? user : undefined;
  }

  async listUsers(tenantId: string): Promise<readonly DirectoryUser[]> {
    return [...this.#users.values()].filter((u) => sameId(u.tenantId, tenantId));
  }

  async listGroups(tenantId: string): Promise<readonly SecurityGroup[]> {
    return [...this.#groups.values()].filter((g) => sameId(g.tenantId, tenantId));
  }

  async findGroup(tenantId: string, groupId: string): Promise<SecurityGroup | undefined> {
    const group = this.#groups.get(groupId.toLowerCase());
    return group && sameId(group.tenantId, tenantId) ? group : undefined;
  }
}

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Parses and checks a directory document; throws DirectoryFileError listing every problem. */
export function parseDirectory(text: string, source: string): JsonDirectory {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DirectoryFileError(`Directory file ${source} is not valid JSON: ${(error as SyntaxError).message}`);
  }
  const parsed = directoryFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${describePath(json, issue.path)}: ${issue.message}`);
    throw new DirectoryFileError(`Directory file ${source} is invalid:\n${problems.join('\n')}`);
  }
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) {
    throw new DirectoryFileError(`Directory file ${source} is inconsistent:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return new JsonDirectory(parsed.data);
}

/** Reads the directory file named by DIRECTORY_FILE. */
export async function loadDirectoryFile(path: string): Promise<JsonDirectory> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DirectoryFileError(`Directory file ${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  return parseDirectory(text, path);
}

function crossCheck(file: DirectoryFile): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, where: string) => {
    const key = id.toLowerCase();
    const first = seen.get(key);
    if (first) problems.push(`${where}: duplicate id "${id}" (already used by ${first})`);
    else seen.set(key, where);
  };
  file.tenants.forEach((t, i) => claim(t.id, `tenants[${i}] "${t.name}"`));
  file.users.forEach((u, i) => claim(u.id, `users[${i}] "${u.name}"`));
  file.groups.forEach((g, i) => claim(g.id, `groups[${i}] "${g.name}"`));

  const tenantIds = new Set(file.tenants.map((t) => t.id.toLowerCase()));
  const domains = new Map<string, number>();
  file.tenants.forEach((t, i) => {
    const other = domains.get(t.domain.toLowerCase());
    if (other !== undefined) problems.push(`tenants[${i}] "${t.name}": domain "${t.domain}" is also used by tenants[${other}]`);
    domains.set(t.domain.toLowerCase(), i);
  });
  const userTenant = new Map(file.users.map((u) => [u.id.toLowerCase(), u.tenantId.toLowerCase()]));
  file.users.forEach((u, i) => {
    if (!tenantIds.has(u.tenantId.toLowerCase()))
      problems.push(`users[${i}] "${u.name}": tenantId "${u.tenantId}" is not a tenant in this file`);
  });
  file.groups.forEach((g, i) => {
    if (!tenantIds.has(g.tenantId.toLowerCase()))
      problems.push(`groups[${i}] "${g.name}": tenantId "${g.tenantId}" is not a tenant in this file`);
    for (const member of g.members) {
      const tenant = userTenant.get(member.toLowerCase());
      if (tenant === undefined) problems.push(`groups[${i}] "${g.name}": member "${member}" is not a user in this file`);
      else if (tenant !== g.tenantId.toLowerCase()) problems.push(`groups[${i}] "${g.name}": member "${member}" belongs to another tenant`);
    }
  });
  return problems;
}

function describePath(json: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  const [section, index] = path;
  let label = path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  if (typeof section === 'string' && typeof index === 'number' && isRecord(json)) {
    const list = json[section];
    const entry = Array.isArray(list) ? (list[index] as unknown) : undefined;
    if (isRecord(entry) && typeof entry.id === 'string') label += ` (id "${entry.id}")`;
  }
  return label;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
