/**
 * The renderer's Content-Security-Policy, sent as a header by Electron's app:// protocol and by the
 * browser-mode server, and repeated in renderer/index.html's meta tag (a test keeps the three equal).
 * No inline script, no eval, nothing loaded from outside the app's own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
