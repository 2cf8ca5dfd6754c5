import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { invoiceFonts } from './invoice-fonts';
import { InvoiceFormat, type InvoiceWords } from './invoice-labels';
import { describeCharacter, printableText, Typesetter } from './invoice-text';

const run = promisify(execFile);
const fonts = invoiceFonts();
const typesetter = new Typesetter(fonts, fonts.fallbacks);

describe('what the invoice fonts can print', () => {
  it('prints Latin, Greek, Cyrillic, Chinese, Japanese, Korean, Arabic and Hebrew, regular and bold', () => {
    for (const text of [
      'Boutique Savoirs & Compétences – Œuvre €uro',
      'Δημήτρης Παπαδόπουλος',
      'Наталья Иванова',
      '北京语言培训有限公司（北京）',
      '株式会社東京研修センター 山田太郎',
      '臺灣繁體中文訓練',
      '한국어교육 주식회사',
      'شركة التدريب 123، شارع الملك فهد ٤٥',
      'חברת הדרכה 456',
    ]) {
      expect(typesetter.unprintable(text), text).toEqual([]);
      expect(typesetter.unprintable(text, 'bold'), text).toEqual([]);
    }
  });

  it('names the characters no font has: emoji, Ol Chiki', () => {
    expect(typesetter.unprintable('ᱚᱛᱟ ᱚ Santal')).toEqual(['ᱚ', 'ᱛ', 'ᱟ']);
    expect(typesetter.unprintable('Formation 🚀 2026')).toEqual(['🚀']);
    expect(['ᱚ', '🚀'].map(describeCharacter)).toEqual(['ᱚ (U+1C5A)', '🚀 (U+1F680)']);
  });

  it('reads every line end as one and tabs as spaces, and refuses other control characters', () => {
    expect(printableText('a\r\nb\rc\u2028d\te')).toBe('a\nb\nc\nd e');
    expect(typesetter.unprintable('a\r\nb\tc')).toEqual([]);
    // C1 controls: Windows-1252 quotes and dashes decoded as ISO-8859-1.
    expect(typesetter.unprintable('L\u0092Atelier \u0096 \u0000')).toEqual(['\u0092', '\u0096', '\u0000']);
    expect(describeCharacter('\u0092')).toBe('U+0092');
    // Direction marks and joiners need no glyph.
    expect(typesetter.unprintable('\u200fשלום\u200e ABC \u2067x\u2069 می\u200cخواهم')).toEqual([]);
  });

  it('prints every word of the invoice layout, in both languages', () => {
    for (const locale of ['fr', 'en'] as const) {
      const format = new InvoiceFormat(locale);
      const texts = Object.values(format.words as unknown as Record<string, unknown>).flatMap((value) => wordsOf(value));
      texts.push(
        format.words.terms(30, format.date(1_790_000_000)),
        format.words.page(2, 3),
        format.amount(-123_456, 'EUR'),
        format.rate(550),
        format.country('FR'),
      );
      for (const text of texts)
        for (const weight of ['regular', 'bold'] as const) expect(typesetter.unprintable(text, weight), text).toEqual([]);
    }
  });
});

describe('setting text of other scripts on a page', () => {
  /** A one-page document (A4, 40-point margins) drawn by `draw`, read back with pdftotext, page by page. */
  async function pagesOf(draw: (doc: PDFKit.PDFDocument) => void): Promise<string[]> {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bo-text-')), 'text.pdf');
    const doc = new PDFDocument({ size: 'A4', margins: { top: 40, left: 40, right: 40, bottom: 40 }, fontLayoutCache: false });
    const written = new Promise<void>((resolve) => doc.pipe(fs.createWriteStream(file)).on('close', () => resolve()));
    draw(doc);
    doc.end();
    await written;
    const { stdout } = await run('pdftotext', ['-raw', file, '-']);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    return stdout
      .replace(/[\u202a-\u202e]/g, '')
      .split('\f')
      .filter((page) => page.trim() !== '');
  }

  it('goes on to a new page at the bottom margin, as pdfkit does with its own text', async () => {
    const paragraph = Array.from({ length: 12 }, (_, index) => `شرط ${index + 1}`).join('\n');
    let height = 0;
    const pages = await pagesOf((doc) => (height = typesetter.draw(doc, paragraph, 40, 760, 300)));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toMatch(/^1 شرط$/m);
    expect(pages[1]).toMatch(/^12 شرط$/m);
    expect(height).toBeCloseTo(12 * 9 * 1.164, 0);
  });

  it('ends the last line that fits with an ellipsis when the box has a height', async () => {
    const text = 'שורה ראשונה\nשורה שנייה\nשורה שלישית';
    const pages = await pagesOf((doc) => typesetter.draw(doc, text, 40, 100, 300, { height: 22 }));
    expect(pages).toHaveLength(1);
    // As drawn: each line's words from last to first, the ellipsis at the left, where the line ends.
    expect(pages[0]).toMatch(/^ראשונה שורה$/m);
    expect(pages[0]).toMatch(/^… ?שנייה שורה$/m);
    expect(pages[0]).not.toContain('שלישית');
  });

  it('breaks ideographs anywhere, and a word wider than the box between its letters', async () => {
    const doc = new PDFDocument({ size: 'A4', fontLayoutCache: false });
    // 19 ideographs of 9 points in a box of 100: 11 on a line.
    expect(typesetter.height(doc, '北京市海淀区学院路语言大学国际交流中心', 100)).toBeCloseTo(2 * 9 * 1.164, 1);
    expect(typesetter.height(doc, '', 100)).toBe(0);
    doc.end();
    const word = 'אבגדהוזחטיכלמנסעפצקרשת'.repeat(2);
    let height = 0;
    const [page] = await pagesOf((pdf) => (height = typesetter.draw(pdf, word, 40, 100, 60)));
    const lines = page!.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(height).toBeCloseTo(lines.length * 9 * 1.164, 1);
    // Each line a piece of the word, in order.
    expect(lines.join('')).toBe(word);
  });
});

function wordsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value as InvoiceWords).flatMap((inner) => wordsOf(inner));
  return [];
}
