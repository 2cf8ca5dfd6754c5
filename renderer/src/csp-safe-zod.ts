import { z } from 'zod';

/*
 * Zod compiles fast parsers with `new Function` unless told not to. The page's CSP forbids eval, so the probe
 * fails, and although zod swallows the error, Chromium still logs a CSP violation on every start, which would
 * hide real ones. Imported first by main.tsx, before any schema parses.
 */
z.config({ jitless: true });
