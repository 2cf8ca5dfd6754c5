import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize-html';

// What it keeps and drops is tested in Chromium (test/e2e/html-sanitizers.test.ts): DOMPurify needs a DOM.
describe('sanitizeHtml (window, DOMPurify)', () => {
  it('refuses to run without a DOM rather than hand back the HTML unsanitized, as DOMPurify alone would', () => {
    expect(() => sanitizeHtml('<img src=x onerror=alert(1)>')).toThrow(/DOMPurify cannot run here/);
  });
});
