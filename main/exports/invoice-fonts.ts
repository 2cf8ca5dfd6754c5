import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The fonts of the invoices. DejaVu Sans draws Latin with all accents and ligatures, Greek and Cyrillic, and
 * is the font of every word the app itself prints. A customer's legal name is printed as written, in
 * whatever script: what DejaVu lacks or draws poorly is drawn with a Noto font for that script, chosen
 * character by character (invoice-text.ts splits each text into runs by font):
 * - Arabic: Noto Naskh Arabic (regular and bold, 0.3 MB), preferred to DejaVu's Arabic, which lacks letters
 *   and draws plainer; its OpenType tables give the joined forms and the lam-alef ligatures.
 * - Hebrew: Noto Sans Hebrew (regular and bold, 50 KB), preferred to DejaVu's for the same reasons.
 * - Chinese and Japanese: Noto Sans SC (8.4 MB, regular only): 20,945 of the 20,992 unified ideographs, the
 *   extension A, kana and CJK punctuation, so Japanese and traditional Chinese names print too (in the
 *   simplified Chinese design of the shared ideographs). Extension B and later are not covered.
 * - Korean: Noto Sans KR (4.6 MB, regular only) for the hangul syllables.
 * CJK text set in bold is drawn with the regular weight: a bold would double the size for shop names only.
 * Characters no font covers (emoji, rarer scripts) are refused before anything is written (invoice-pdf.ts).
 * The fonts are embedded (as subsets) in each PDF, so the invoice looks the same on any machine and its
 * text stays selectable.
 *
 * Loaded once per process, and more than the bytes are kept. Measured on a one-page invoice: reading the
 * file is negligible; parsing the font and shaping each word (fontkit applies the font's substitution and
 * kerning tables) is most of the ~50 ms a document takes when it starts from the file. pdfkit accepts an
 * already parsed fontkit font as a font source, so the font is parsed once and shared by every document,
 * and the shaping of each distinct word is remembered across documents (pdfkit's own cache lives and dies
 * with one document, and grows without bound in a document of thousands of invoices). Each document still
 * makes and embeds its own subset of the glyphs it uses. The fonts for other scripts are read the first
 * time a text needs them (fontkit parses a font's tables only as they are used).
 */

/** A parsed fontkit font as pdfkit uses it: it recognises one by its `layout` method. */
export interface ShapingFont {
  layout(text: string, ...options: unknown[]): GlyphRun;
  hasGlyphForCodePoint(codePoint: number): boolean;
  unitsPerEm: number;
  ascent: number;
}

interface GlyphRun {
  glyphs: { path: { bbox: { maxY: number }; translate(x: number, y: number): { toSVG(): string } } }[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
}

/** What doc.registerFont accepts: a parsed font, or (fallback, and the benchmark's naive way) bytes or a path. */
export type FontSource = ShapingFont | Buffer | string;

/** A font for the characters DejaVu has no glyph for, or draws less well. */
export interface FallbackFont {
  /** Registered in each document under this name, and its bold under `${name}-bold`. */
  name: string;
  regular: FontSource;
  /** Without one, bold text is drawn with the regular. */
  bold?: FontSource;
  /** Letters of this script are drawn with this font even where DejaVu has a glyph. */
  script?: RegExp;
  /** Drawn this much larger than the size asked, to look as large as DejaVu beside it. */
  scale?: number;
}

export interface InvoiceFonts {
  /** DejaVu Sans, the font of every text it covers. */
  regular: FontSource;
  bold: FontSource;
  /** Tried in this order for a character DejaVu lacks; the shared ones when not given. */
  fallbacks?: readonly FallbackFont[];
}

// Resolved the way Node resolves an import from this file, both under tsx (ESM) and in the Electron bundle
// (CommonJS, where esbuild keeps exceljs, pdfkit and the font package external).
const requireHere = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);

export function dejaVuFile(name: 'DejaVuSans.ttf' | 'DejaVuSans-Bold.ttf'): string {
  return path.join(path.dirname(requireHere.resolve('dejavu-fonts-ttf/package.json')), 'ttf', name);
}

/**
 * A font file of an @embedpdf/fonts-* package (Noto fonts, SIL Open Font License). Their package.json is not
 * exported, so the folder is found from their entry point (dist/index.cjs).
 */
export function notoFile(pack: 'arabic' | 'hebrew' | 'sc' | 'kr', file: string): string {
  return path.join(path.dirname(path.dirname(requireHere.resolve(`@embedpdf/fonts-${pack}`))), 'fonts', file);
}

/** Distinct words whose shaping is kept per font: about 1 KB each, so the cache stays under ~20 MB. */
const SHAPED_WORDS = 20_000;

/**
 * Passed as pdfkit's `features` option to draw a run right to left: pdfkit hands it to the font's layout as
 * it is, and the layout of a parsed font (below) then shapes the run as right-to-left text and returns its
 * glyphs in visual order. Without it, fontkit guesses the direction from the run's script. With features
 * given, pdfkit also lays out the run whole instead of word by word. A font given as bytes or a path (the
 * benchmark's) only guesses, which is right for any run holding a letter of a right-to-left script.
 */
export const RIGHT_TO_LEFT: readonly string[] = Object.freeze(['rtla', 'rtlm']);
/**
 * The same, left to right: for the runs fontkit would guess wrong, Arabic-Indic digits (of the Arabic
 * script, so guessed right to left, yet read left to right like any number).
 */
export const LEFT_TO_RIGHT: readonly string[] = Object.freeze(['ltra', 'ltrm']);

const ARABIC_SCALE = 1.15;

let shared: InvoiceFonts | undefined;

export function invoiceFonts(): InvoiceFonts {
  shared ??= {
    regular: parsedFont(fs.readFileSync(dejaVuFile('DejaVuSans.ttf'))),
    bold: parsedFont(fs.readFileSync(dejaVuFile('DejaVuSans-Bold.ttf'))),
    fallbacks: [
      lazyFallback(
        'arabic',
        () => notoFile('arabic', 'NotoNaskhArabic-Regular.ttf'),
        () => notoFile('arabic', 'NotoNaskhArabic-Bold.ttf'),
        /\p{Script=Arabic}/u,
        // Naskh's letters are small for their size: at DejaVu's size they look a size smaller.
        ARABIC_SCALE,
      ),
      lazyFallback(
        'hebrew',
        () => notoFile('hebrew', 'NotoSansHebrew-Regular.ttf'),
        () => notoFile('hebrew', 'NotoSansHebrew-Bold.ttf'),
        /\p{Script=Hebrew}/u,
      ),
      lazyFallback('cjk', () => notoFile('sc', 'NotoSansHans-Regular.otf')),
      lazyFallback('korean', () => notoFile('kr', 'NotoSansKR-Regular.otf'), undefined, /\p{Script=Hangul}/u),
    ],
  };
  return shared;
}

/** A fallback whose files are read and parsed the first time a text needs one of its glyphs. */
function lazyFallback(name: string, regularFile: () => string, boldFile?: () => string, script?: RegExp, scale?: number): FallbackFont {
  let regular: FontSource | undefined;
  let bold: FontSource | undefined;
  const load = (file: string): FontSource => parsedFont(fs.readFileSync(file));
  const fallback: FallbackFont = {
    name,
    get regular() {
      return (regular ??= load(regularFile()));
    },
  };
  if (script) fallback.script = script;
  if (scale) fallback.scale = scale;
  // A getter, not a spread: spreading would read the file at once.
  if (boldFile) Object.defineProperty(fallback, 'bold', { enumerable: true, get: () => (bold ??= load(boldFile())) });
  return fallback;
}

/**
 * The font parsed by the fontkit pdfkit itself uses (resolved from pdfkit's folder, so it is the very copy
 * pdfkit would load), with its shaping remembered. Should pdfkit stop shipping fontkit, the bytes still
 * work, only slower.
 */
export function parsedFont(bytes: Buffer, shapedWords = SHAPED_WORDS): FontSource {
  let font: Partial<ShapingFont>;
  try {
    font = fontkitCreate(bytes) as Partial<ShapingFont>;
  } catch {
    return bytes;
  }
  if (typeof font.layout !== 'function') return bytes;
  return rememberShaping(font as ShapingFont, shapedWords);
}

/** fontkit's create, from the copy pdfkit uses. */
export function fontkitCreate(bytes: Buffer): unknown {
  return (fromPdfkit('fontkit') as { create(buffer: Buffer): unknown }).create(bytes);
}

/** A package as pdfkit itself requires it (fontkit, linebreak): the very copy pdfkit uses. */
export function fromPdfkit(name: 'fontkit' | 'linebreak'): unknown {
  return createRequire(requireHere.resolve('pdfkit'))(name);
}

/**
 * Replaces the font's layout with one that keeps the glyph runs of the last `capacity` distinct texts, and
 * that shapes in the direction asked with RIGHT_TO_LEFT or LEFT_TO_RIGHT. pdfkit scales the positions of the run it is
 * given in place, so every call gets its own copy of the positions; the glyphs themselves are shared,
 * read-only. Calls with other shaping options are not cached.
 */
function rememberShaping(font: ShapingFont, capacity: number): ShapingFont {
  const layout = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  font.layout = (text: string, ...options: unknown[]) => {
    const [features, ...rest] = options;
    const direction = features === RIGHT_TO_LEFT ? 'rtl' : features === LEFT_TO_RIGHT ? 'ltr' : undefined;
    if ((direction === undefined && features !== undefined) || rest.some((option) => option !== undefined)) return layout(text, ...options);
    // Runs with a direction are few (names, addresses): a prefix no text starts with keeps them apart.
    const key = direction ? `\u0000${direction}\u0000${text}` : text;
    let run = runs.get(key);
    if (run === undefined) {
      run = direction ? layout(text, [...(features as string[])], undefined, undefined, direction) : layout(text);
      // Oldest first: the words every invoice uses come straight back, the rest is names and numbers.
      if (runs.size >= capacity) runs.delete(runs.keys().next().value as string);
      runs.set(key, run);
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
