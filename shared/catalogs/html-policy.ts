/**
 * What rich text from the catalogs (descriptions, notes, EULAs, sales conditions, bill footers) may keep: one
 * allow-list, read by both sanitizers so that they agree. The window previews with DOMPurify in the page's own
 * DOM (renderer/src/workspaces/catalogs/sanitize-html.ts); the core cleans what it saves and queues with
 * sanitize-html, a parser-based sanitizer for Node (main/catalogs/sanitize-html.ts). Nothing here parses HTML.
 *
 * Everything not listed goes: other tags (their text is kept), other attributes (event handlers, style, src,
 * srcdoc...), comments, and links to any scheme but these. The shop cleans again on write (clean_text()).
 */

/** The tags kept, each with the attributes it may carry besides {@link HTML_GLOBAL_ATTRIBUTES}. */
export const HTML_TAG_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
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

export const HTML_TAGS: readonly string[] = Object.keys(HTML_TAG_ATTRIBUTES);

/** Moodle's editor writes classes (text alignment, Bootstrap); they carry no script. */
export const HTML_GLOBAL_ATTRIBUTES: readonly string[] = ['class'];

/** The attributes a tag may keep. */
export function htmlAttributesOf(tag: string): readonly string[] {
  const own = Object.hasOwn(HTML_TAG_ATTRIBUTES, tag) ? HTML_TAG_ATTRIBUTES[tag]! : [];
  return [...own, ...HTML_GLOBAL_ATTRIBUTES];
}

/** Schemes a link may use; a link without a scheme (relative, #anchor) is kept too. */
export const HTML_URL_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

/** Set on every link that keeps its href (and removed from the others). */
export const HTML_LINK_REL = 'noopener noreferrer';

/** Not kept, and dropped with everything inside them rather than leaving their text behind. */
export const HTML_DROPPED_WITH_CONTENT: readonly string[] = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'textarea',
  'select',
  'option',
  'xmp',
  'title',
  'svg',
  'math',
];
