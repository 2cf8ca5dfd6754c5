import sanitize from 'sanitize-html';
import { HTML_DROPPED_WITH_CONTENT, HTML_LINK_REL, HTML_TAGS, HTML_URL_SCHEMES, htmlAttributesOf } from '../../shared/catalogs/html-policy';

/**
 * Rich text the operator changed, cleaned before it is saved and queued for the shop: sanitize-html (a
 * maintained sanitizer built on the htmlparser2 parser, which tracks the browsers' mutation-XSS quirks) with
 * the shared allow-list (shared/catalogs/html-policy.ts), the same one the window's DOMPurify preview uses.
 * The output is re-serialized from the parse: only allowed tags and attributes, every text and value escaped.
 */

const POLICY: sanitize.IOptions = {
  allowedTags: [...HTML_TAGS],
  allowedAttributes: Object.fromEntries(HTML_TAGS.map((tag) => [tag, [...htmlAttributesOf(tag)]])),
  allowedSchemes: [...HTML_URL_SCHEMES],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'srcset', 'xlink:href'],
  allowProtocolRelative: true,
  allowVulnerableTags: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [...HTML_DROPPED_WITH_CONTENT],
  selfClosing: ['br'],
  parseStyleAttributes: false,
};

/**
 * The second pass: a link that kept its href (the first pass dropped unsafe ones) gets the policy's rel, and
 * no other link has one. sanitize-html transforms a tag before it filters the attributes, so one pass cannot
 * tell a link that will keep its href from one that will lose it.
 */
const LINK_REL: sanitize.IOptions = {
  ...POLICY,
  allowedAttributes: { ...(POLICY.allowedAttributes as Record<string, string[]>), a: [...htmlAttributesOf('a'), 'rel'] },
  transformTags: {
    a: (tagName, { rel: _rel, ...attribs }) => ({
      tagName,
      attribs: attribs['href'] === undefined ? attribs : { ...attribs, rel: HTML_LINK_REL },
    }),
  },
};

export function sanitizeHtml(input: string): string {
  return sanitize(sanitize(input, POLICY), LINK_REL);
}
