import createDOMPurify, { type Config } from 'dompurify';
import {
  HTML_DROPPED_WITH_CONTENT,
  HTML_LINK_REL,
  HTML_TAGS,
  HTML_URL_SCHEMES,
  htmlAttributesOf,
} from '../../../../shared/catalogs/html-policy';

/**
 * Catalog HTML made safe to show in the page: DOMPurify, which parses with the browser's own parser (so it
 * sees the markup as the page will, mutation-XSS included), with the shared allow-list
 * (shared/catalogs/html-policy.ts) that the core's sanitize-html applies to what it saves. Its output goes
 * into dangerouslySetInnerHTML; the page's CSP forbids inline script besides. Chromium reports CSP violations
 * (script-src-attr, style-src-elem) for handlers and style elements in the HTML while DOMPurify parses it in
 * its inert document, where nothing runs; they are noise in the console, not a sign that anything got through.
 */

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A URL is kept when it has one of the policy's schemes, or none at all (relative, #anchor, //host), as
 * DOMPurify's own default does for its longer list. DOMPurify strips whitespace and controls first.
 */
const ALLOWED_URI = new RegExp(`^(?:(?:${HTML_URL_SCHEMES.map(escapeRegExp).join('|')}):|[^a-z]|[a-z+.\\-]+(?:[^a-z+.\\-:]|$))`, 'i');

const CONFIG: Config = {
  ALLOWED_TAGS: [...HTML_TAGS],
  ALLOWED_ATTR: [...new Set(HTML_TAGS.flatMap((tag) => htmlAttributesOf(tag)))],
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ADD_FORBID_CONTENTS: [...HTML_DROPPED_WITH_CONTENT],
  KEEP_CONTENT: true,
};

let purifier: ReturnType<typeof createDOMPurify> | null = null;

function instance(): ReturnType<typeof createDOMPurify> {
  if (purifier) return purifier;
  const purify = createDOMPurify();
  // Without a DOM, DOMPurify hands its input back unchanged: never show that.
  if (!purify.isSupported) throw new Error('DOMPurify cannot run here: no HTML is shown unsanitized.');
  // The policy gives attributes per tag (href on a, lang on span); DOMPurify's list is one for all tags.
  purify.addHook('uponSanitizeAttribute', (node, event) => {
    if (!htmlAttributesOf(node.nodeName.toLowerCase()).includes(event.attrName)) event.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    if (node.hasAttribute('href')) node.setAttribute('rel', HTML_LINK_REL);
    else node.removeAttribute('rel');
  });
  purifier = purify;
  return purify;
}

export function sanitizeHtml(input: string): string {
  return instance().sanitize(input, CONFIG);
}
