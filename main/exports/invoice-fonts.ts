import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * DejaVu Sans for every invoice: it covers Latin with all accents and ligatures, Greek and Cyrillic (and
 * Arabic glyphs, though pdfkit does not reorder right-to-left text); it has no CJK glyphs, so Chinese or
 * Japanese names print as empty boxes. The font is embedded (as a subset) in each PDF, so the invoice looks
 * the same on any machine and its text stays selectable.
 *
 * Loaded once per process, and more than the bytes are kept. Measured on a one-page invoice: reading the
 * file is negligible; parsing the font and shaping each word (fontkit applies the font's substitution and
 * kerning tables) is most of the ~50 ms a document takes when it starts from the file. pdfkit accepts an
 * already parsed fontkit font as a font source, so the font is parsed once and shared by every document,
 * and the shaping of each distinct word is remembered across documents (pdfkit's own cache lives and dies
 * with one document, and grows without bound in a document of thousands of invoices). Each document still
 * makes and embeds its own subset of the glyphs it uses.
 */

/** A parsed fontkit font as pdfkit uses it: it recognises one by its `layout` method. */
interface ShapingFont {
  layout(text: string, ...options: unknown[]): GlyphRun;
  unitsPerEm: number;
}

interface GlyphRun {
  glyphs: { path: { bbox: { maxY: number }; translate(x: number, y: number): { toSVG(): string } } }[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
}

/** What doc.registerFont accepts: a parsed font, or (fallback, and the benchmark's naive way) bytes or a path. */
export type FontSource = ShapingFont | Buffer | string;

export interface InvoiceFonts {
  regular: FontSource;
  bold: FontSource;
}

// Resolved the way Node resolves an import from this file, both under tsx (ESM) and in the Electron bundle
// (CommonJS, where esbuild keeps exceljs, pdfkit and the font package external).
const requireHere = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);

export function dejaVuFile(name: 'DejaVuSans.ttf' | 'DejaVuSans-Bold.ttf'): string {
  return path.join(path.dirname(requireHere.resolve('dejavu-fonts-ttf/package.json')), 'ttf', name);
}

/** Distinct words whose shaping is kept per font: about 1 KB each, so the cache stays under ~20 MB. */
const SHAPED_WORDS = 20_000;

let shared: InvoiceFonts | undefined;

export function invoiceFonts(): InvoiceFonts {
  shared ??= {
    regular: parsedFont(fs.readFileSync(dejaVuFile('DejaVuSans.ttf'))),
    bold: parsedFont(fs.readFileSync(dejaVuFile('DejaVuSans-Bold.ttf'))),
  };
  return shared;
}

/**
 * The font parsed by the fontkit pdfkit itself uses (resolved from pdfkit's folder, so it is the very copy
 * pdfkit would load), with its shaping remembered. Should pdfkit stop shipping fontkit, the bytes still
 * work, only slower.
 */
export function parsedFont(bytes: Buffer, shapedWords = SHAPED_WORDS): FontSource {
  let font: Partial<ShapingFont>;
  try {
    const fontkit = createRequire(requireHere.resolve('pdfkit'))('fontkit') as { create(buffer: Buffer): unknown };
    font = fontkit.create(bytes) as Partial<ShapingFont>;
  } catch {
    return bytes;
  }
  if (typeof font.layout !== 'function') return bytes;
  return rememberShaping(font as ShapingFont, shapedWords);
}

/**
 * Replaces the font's layout with one that keeps the glyph runs of the last `capacity` distinct texts. pdfkit
 * scales the positions of the run it is given in place, so every call gets its own copy of the positions;
 * the glyphs themselves are shared, read-only. Calls with shaping options are not cached.
 */
function rememberShaping(font: ShapingFont, capacity: number): ShapingFont {
  const layout = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  font.layout = (text: string, ...options: unknown[]) => {
    if (options.some((option) => option !== undefined)) return layout(text, ...options);
    let run = runs.get(text);
    if (run === undefined) {
      run = layout(text);
      // Oldest first: the words every invoice uses come straight back, the rest is names and numbers.
      if (runs.size >= capacity) runs.delete(runs.keys().next().value as string);
      runs.set(text, run);
    }
    return copyOfRun(run);
  };
  return font;
}

/**
 * The outline of `text` in `font` as SVG path data, in font units (y up), with its width and height above the baseline:
 * for marks that must look like text without being text (a watermark drawn as text would be read by text
 * extraction and copy-paste in the middle of the invoice's lines). Null for a font given as bytes or a path.
 */
export function textOutline(font: FontSource, text: string): { path: string; width: number; height: number; unitsPerEm: number } | null {
  if (typeof font === 'string' || Buffer.isBuffer(font)) return null;
  const run = font.layout(text);
  let x = 0;
  let height = 0;
  const parts = run.glyphs.map((glyph, index) => {
    const position = run.positions[index] ?? { xAdvance: 0, xOffset: 0, yOffset: 0 };
    const part = glyph.path.translate(x + position.xOffset, position.yOffset).toSVG();
    x += position.xAdvance;
    height = Math.max(height, glyph.path.bbox.maxY);
    return part;
  });
  return { path: parts.join(' '), width: x, height, unitsPerEm: font.unitsPerEm };
}

function copyOfRun(run: GlyphRun): GlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
  copy.positions = run.positions.map((position) =>
    Object.assign(Object.create(Object.getPrototypeOf(position) as object) as object, position),
  );
  return copy;
}
