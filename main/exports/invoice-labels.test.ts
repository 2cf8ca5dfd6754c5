import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text';
import { InvoiceFormat } from './invoice-labels';

describe('invoice formats', () => {
  it('writes French amounts with a narrow no-break space between thousands and a no-break space before €', () => {
    const fr = new InvoiceFormat('fr');
    expect(fr.amount(125_000, 'EUR')).toBe('1\u202f250,00\u00a0€');
    expect(fr.amount(-318, 'EUR')).toBe('-3,18\u00a0€');
    expect(fr.rate(550)).toBe('5,5\u2007%');
    expect(fr.rate(0)).toBe('0\u2007%');
    expect(fr.country('FR')).toBe('France');
  });

  it('writes English amounts and dates day first', () => {
    const en = new InvoiceFormat('en');
    expect(en.amount(125_000, 'EUR')).toBe('€1,250.00');
    expect(en.rate(2000)).toBe('20%');
    expect(en.rate(0)).toBe('0%');
    const seconds = new Date(2026, 10, 22, 12).getTime() / 1000;
    expect(en.date(seconds)).toBe('22/11/2026');
    expect(new InvoiceFormat('fr').date(seconds)).toBe('22/11/2026');
  });

  it('never loses a cent, whatever the amount', () => {
    const fr = new InvoiceFormat('fr');
    for (const cents of [1, 5, 10, 15, 105, 115, 1005, 123_456_789, 99_999_999_999])
      expect(fr.amount(cents, 'EUR').replace(/\D/g, '')).toBe(String(cents).padStart(3, '0'));
  });
});

describe('HTML texts of the shop', () => {
  it('keeps paragraphs and list items as lines, decodes entities and drops any markup', () => {
    expect(htmlToText('<p>Savoirs &amp; Compétences&nbsp;: <b>SAS</b></p><ul><li>un</li><li>deux</li></ul><script>alert(1)</script>')).toBe(
      'Savoirs & Compétences\u00a0: SAS\n• un\n• deux',
    );
    expect(htmlToText('ligne<br/>suivante &#8364; &#x20AC; &unknown;')).toBe('ligne\nsuivante € € &unknown;');
  });
});
