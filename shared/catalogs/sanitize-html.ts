/**
 * Rich text kept as sanitized HTML (descriptions, notes, EULAs), without a DOM: shared by the renderer (its
 * preview) and the core (what is saved and queued). An allow-list: these tags with these attributes, links
 * only to http(s) and mailto; script, style and their content, comments, event handlers and anything else
 * are dropped; text is re-escaped. The shop cleans again on write (clean_text()); this keeps the local copy
 * and the preview safe before that.
 */

const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [],
  br: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  u: [],
  s: [],
  sub: [],
  sup: [],
  ul: [],
  ol: [],
  li: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  blockquote: [],
  code: [],
  pre: [],
  span: ['lang'],
  a: ['href', 'title'],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: [],
  td: [],
};
const VOID = new Set(['br']);
/** Dropped with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'textarea',
  'select',
  'svg',
  'math',
]);

const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;

function escapeText(text: string): string {
  // Keep entities already written (&amp; &eacute; &#8217;), escape every other & < > ".
  return text
    .replace(/&(?!(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function decodeForCheck(value: string): string {
  return (
    value
      .replace(ENTITY, (_, code: string) => {
        if (code[0] !== '#') return code.toLowerCase() === 'colon' ? ':' : '';
        const n = code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) ? String.fromCodePoint(n) : '';
      })
      // Browsers ignore whitespace and control characters inside a scheme (java\tscript:).
      .replace(/\s/g, '')
      .split('')
      .filter((c) => c.charCodeAt(0) > 0x1f)
      .join('')
      .toLowerCase()
  );
}

function safeHref(value: string): boolean {
  const plain = decodeForCheck(value);
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(plain);
  return !scheme || ['http', 'https', 'mailto'].includes(scheme[1] ?? '');
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function sanitizeHtml(input: string): string {
  let out = '';
  let i = 0;
  const open: string[] = [];
  let dropping: string | null = null;
  while (i < input.length) {
    const lt = input.indexOf('<', i);
    if (lt < 0) {
      if (!dropping) out += escapeText(input.slice(i));
      break;
    }
    if (!dropping) out += escapeText(input.slice(i, lt));
    i = lt;
    if (input.startsWith('<!--', i)) {
      const end = input.indexOf('-->', i + 4);
      i = end < 0 ? input.length : end + 3;
      continue;
    }
    TAG.lastIndex = i;
    const match = TAG.exec(input);
    if (!match) {
      if (!dropping) out += '&lt;';
      i += 1;
      continue;
    }
    i = TAG.lastIndex;
    const closing = match[1] === '/';
    const name = (match[2] ?? '').toLowerCase();
    if (dropping) {
      if (closing && name === dropping) dropping = null;
      continue;
    }
    if (DROP_WITH_CONTENT.has(name)) {
      if (!closing && match[4] !== '/') dropping = name;
      continue;
    }
    const tagAllowed = ALLOWED[name];
    if (!tagAllowed) continue;
    // Moodle's editor writes classes (text alignment, Bootstrap); they carry no script.
    const allowed = [...tagAllowed, 'class'];
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at < 0) continue;
      // Close what was left open inside it, so the output is always well nested.
      while (open.length > at) out += `</${open.pop()}>`;
      continue;
    }
    let attrs = '';
    for (const attr of (match[3] ?? '').matchAll(ATTR)) {
      const key = (attr[1] ?? '').toLowerCase();
      const value = attr[2] ?? attr[3] ?? attr[4] ?? '';
      if (!allowed.includes(key)) continue;
      if (key === 'href' && !safeHref(value)) continue;
      attrs += ` ${key}="${escapeText(value)}"`;
    }
    if (name === 'a' && attrs.includes('href=')) attrs += ' rel="noopener noreferrer"';
    out += `<${name}${attrs}>`;
    if (!VOID.has(name)) open.push(name);
  }
  while (open.length > 0) out += `</${open.pop()}>`;
  return out;
}

/** The text of some HTML, for lists and comparisons (tags removed, the common entities decoded). */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
