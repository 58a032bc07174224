/**
 * How a document is stored: keyv's own record `{ value, expires }` serialized by keyv's serializer,
 * whose `value` is the envelope `{ version, value }`. So `keyv.get('collection:id')` on the same
 * table or Redis database returns the envelope, and the atomic paths (SQL, Lua) can read the version.
 */
import { randomBytes } from 'node:crypto';
import { defaultDeserialize, defaultSerialize } from '@keyv/serialize';
import { z } from 'zod';
import type { Versioned } from '#domain/ports/document-store.ts';

const envelopeSchema = z.object({ version: z.string().min(1), value: z.unknown() });
const recordSchema = z.object({ value: envelopeSchema });

/** A fresh opaque version; random rather than a counter so a deleted and re-created document never repeats one. */
export function newVersion(): string {
  return randomBytes(12).toString('base64url');
}

/** Serializes a document the way keyv would store the envelope `{ version, value }`. */
export function encodeDocument(value: unknown, version: string): string {
  return defaultSerialize({ value: { version, value }, expires: null });
}

/** Reads a stored document back; throws if the stored text is not one of ours. */
export function decodeDocument<T>(raw: string, where: string): Versioned<T> {
  const record = recordSchema.safeParse(defaultDeserialize(raw));
  if (!record.success) throw new Error(`Not a stored document at ${where}.`);
  return envelopeOf<T>(record.data.value);
}

/** Checks an envelope as returned by `keyv.get`. */
export function envelopeOf<T>(data: unknown): Versioned<T> {
  const envelope = envelopeSchema.parse(data);
  // T is the caller's claim about its own collection; the port leaves validating the value to the caller.
  return { version: envelope.version, value: envelope.value as T };
}

/** Serializes a stream event; JSON keeps it readable by any client of the database. */
export function encodeEvent(event: unknown): string {
  return JSON.stringify(event ?? null);
}

/** Parses a stored stream event. */
export function decodeEvent(raw: string): unknown {
  return JSON.parse(raw);
}
