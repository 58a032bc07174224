import MiniSearch from 'minisearch';
import { vi } from 'vitest';

/**
 * A step counter for typo-forgiving search: every MiniSearch instance looks terms up with typos forgiven through
 * one method of its term map, whose work is one edit-distance table of term length × (term length + distance).
 * Counting those cells says how much a search cost without timing it.
 */
export interface FuzzyWork {
  /** Cells of every edit-distance table built since the counter started. */
  cells(): number;
  /** The longest term looked up with typos forgiven. */
  longestTerm(): number;
  restore(): void;
}

export function countFuzzyWork(): FuzzyWork {
  const probe = new MiniSearch({ fields: ['text'] }) as unknown as { _index: object };
  const termMap = Object.getPrototypeOf(probe._index) as { fuzzyGet: (term: string, distance: number) => unknown };
  const spy = vi.spyOn(termMap, 'fuzzyGet');
  const calls = () => spy.mock.calls.map(([term, distance]) => ({ length: term.length, distance }));
  return {
    cells: () => calls().reduce((sum, call) => sum + call.length * (call.length + call.distance), 0),
    longestTerm: () => Math.max(0, ...calls().map((call) => call.length)),
    restore: () => spy.mockRestore(),
  };
}
