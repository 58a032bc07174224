import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);

/** The official schema for a manifest version, from the copy bundled in @microsoft/app-manifest (offline). */
export function officialSchemaPath(manifestVersion: string): string {
  const packageDir = require.resolve('@microsoft/app-manifest/package.json').replace(/package\.json$/, '');
  return `${packageDir}build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`;
}

/** Validates a manifest against the official JSON schema of its version; returns the problems, if any. */
export function validateManifest(manifest: Record<string, unknown>): string[] {
  const version = typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : '';
  const schema: unknown = JSON.parse(readFileSync(officialSchemaPath(version), 'utf8'));
  // The official schemas are draft-04 with a few later keywords (const); strict mode would reject those.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema as object);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `  ${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
}
