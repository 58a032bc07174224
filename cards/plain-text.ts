/**
 * Every string a view model brings to a card is plain text: names and words from other tenants must not become
 * Markdown (a link, bold "warning", a list) where Teams renders it. Templates keep their own Markdown (`**${name}**`,
 * `[Read…](${url})`); only what came from the view is escaped. To know which part of a rendered text came from the
 * view, each view string is wrapped in two private-use characters before the template expands, and unwrapped after.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKERS = /[\uE000\uE001]/g;
const SEGMENT = /\uE000([^\uE000\uE001]*)\uE001/g;

/** Backslash-escapes what Teams' Markdown would act on anywhere in a line. */
const INLINE = /[\\*_[\]`<>~|]/g;
/** A line that Markdown would read as a list item, heading or quote. */
const LINE_START = /(^|\n)([ ]*)([-+#>]|\d+[.)])/g;

/** Invisible and formatting characters (control, zero-width, bidi, blank fillers) out; line breaks kept; NFKC. */
function withoutInvisibles(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\v\f\u0085\u2028\u2029]/g, ' ')
    .replace(INVISIBLE, '');
}
const INVISIBLE = /(?!\n)[\p{Cc}\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]/gu;

/** Text as Teams should show it, letter for letter: invisible characters removed, Markdown escaped. */
export function plainText(text: string): string {
  return escapeMarkdown(withoutInvisibles(text).replace(MARKERS, ''), true);
}

/**
 * A chat message's text with the Markdown that names could carry (links, emphasis, code) escaped and invisible
 * characters removed; its own line layout (a numbered list of choices) is kept.
 */
export function inlinePlainText(text: string): string {
  return outsideUrls(withoutInvisibles(text).replace(MARKERS, ''), (part) => part.replace(INLINE, (c) => `\\${c}`));
}

/** A bare URL is left as it is (an escape inside it would change the address Teams links to); the rest goes through `escape`. */
const BARE_URL = /https?:\/\/[^\s<>"]+/g;
function outsideUrls(text: string, escape: (part: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(BARE_URL)) {
    out += escape(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escape(text.slice(last));
}

function escapeMarkdown(text: string, atLineStart: boolean): string {
  // Each line is its own paragraph: a single newline would otherwise run lines together.
  const escaped = outsideUrls(text, (part) => part.replace(INLINE, (c) => `\\${c}`)).replace(/\n+/g, '\n\n');
  return escaped.replace(LINE_START, (match: string, before: string, spaces: string, marker: string, offset: number) =>
    offset === 0 && before === '' && !atLineStart ? match : `${before}${spaces}${escapeMarker(marker)}`,
  );
}

/** `-` → `\-`, `1.` → `1\.`: the character that makes the line a list, heading or quote, escaped. */
function escapeMarker(marker: string): string {
  return /^\d/.test(marker) ? `${marker.slice(0, -1)}\\${marker.slice(-1)}` : `\\${marker}`;
}

/** Wraps every non-empty string of a view model (deeply), after removing invisible characters from it. */
export function markViewStrings(value: unknown): unknown {
  if (typeof value === 'string') return value === '' ? '' : `${OPEN}${withoutInvisibles(value).replace(MARKERS, '')}${CLOSE}`;
  if (Array.isArray(value)) return value.map(markViewStrings);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, markViewStrings(item)]));
  }
  return value;
}

/** Where Teams renders Markdown: a TextBlock's text and a fact's title and value. */
function rendersMarkdown(parent: Record<string, unknown>, key: string, inFacts: boolean): boolean {
  return (key === 'text' && parent.type === 'TextBlock') || (inFacts && (key === 'title' || key === 'value'));
}

/** Unwraps the view's strings in an expanded card: escaped where Teams renders Markdown, as they were elsewhere. */
export function unmarkCard(node: unknown, inFacts = false): unknown {
  if (Array.isArray(node)) return node.map((item) => unmarkCard(item, inFacts));
  if (typeof node !== 'object' || node === null) return typeof node === 'string' ? unmarked(node) : node;
  const record = node as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) => {
      if (typeof item === 'string')
        return [key, !hasMarkers(item) ? item : rendersMarkdown(record, key, inFacts) ? renderText(item) : unmarked(item)];
      return [key, unmarkCard(item, key === 'facts')];
    }),
  );
}

/** Most of a card's strings are the template's own: no view string in them, nothing to unwrap or escape. */
function hasMarkers(text: string): boolean {
  return text.includes(OPEN) || text.includes(CLOSE);
}

function unmarked(text: string): string {
  return hasMarkers(text) ? text.replace(MARKERS, '') : text;
}

/** A rendered text: template parts as written, view parts escaped (a link target from the view stays as it is). */
function renderText(text: string): string {
  return text
    .replace(SEGMENT, (_match: string, segment: string, offset: number) => {
      if (text.slice(Math.max(0, offset - 2), offset) === '](') return segment;
      const atLineStart = offset === 0 || text[offset - 1] === '\n';
      return escapeMarkdown(segment, atLineStart);
    })
    .replace(MARKERS, '');
}
