import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decimalToCents } from '../../shared/lettering/decimal-cents';
import { FEC_HEADER, fecText, type FecInvoice } from '../../test/support/lettering-fec';
import { FEC_COLUMNS, fecDate } from './fec-format';
import { parseFec, previewFec } from './fec-parser';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** ISO-8859-1 bytes of a text (every character below U+0100). */
const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

const INVOICES: FecInvoice[] = [
  {
    reference: 'FA-2025-0001',
    date: '20250314',
    customer: 'Société Générale de Formation',
    account: 'C0001',
    label: 'Facture formation Excel',
    amountcents: 125000,
  },
  {
    reference: 'FA-2025-0002',
    date: '20250315',
    customer: 'Hélène Dupré',
    account: 'C0002',
    label: 'Proforma 4711 inscription',
    amountcents: 29,
  },
  {
    reference: 'AV-2025-0001',
    date: '20250320',
    customer: 'Hélène Dupré',
    account: 'C0002',
    label: 'Avoir sur FA-2025-0002',
    amountcents: -29,
  },
];

describe('amounts without floating point', () => {
  it('reads comma and dot decimals, signs and thousands marks to exact cents', () => {
    expect(decimalToCents('1250,00')).toBe(125000);
    expect(decimalToCents('0,29')).toBe(29);
    expect(decimalToCents('0,1')).toBe(10);
    expect(decimalToCents('-12.30')).toBe(-1230);
    expect(decimalToCents('1250')).toBe(125000);
    expect(decimalToCents('1 250,50', { thousands: true })).toBe(125050);
    expect(decimalToCents('1.250,50', { thousands: true })).toBe(125050);
    expect(decimalToCents('1,250.50', { thousands: true })).toBe(125050);
    // Floats would give 1.005 * 100 = 100.49999…: the digits give 100 and 5 tenths of a cent refused.
    expect(decimalToCents('1,005')).toBeNull();
    for (const wrong of ['', '12,3,4', '1 250,00', 'abc', '12€', '1e3', '1.250,50']) expect(decimalToCents(wrong)).toBeNull();
  });

  it('reads calendar dates only', () => {
    expect(fecDate('20250314')).toBe(Date.UTC(2025, 2, 14) / 1000);
    expect(fecDate('20240229')).not.toBeNull();
    for (const wrong of ['20250230', '2025-03-14', '14032025', '20251301', '']) expect(fecDate(wrong)).toBeNull();
  });
});

describe('parseFec', () => {
  it('takes the invoices from the customer-account lines of sale entries, pipe separated, UTF-8', () => {
    const parsed = parseFec(utf8(fecText(INVOICES, { withPayments: true })));
    expect(parsed.problems).toEqual([]);
    expect(parsed.encoding).toBe('utf-8');
    // 3 sale entries of 3 lines and 3 payments of 2 lines.
    expect(parsed.lineCount).toBe(15);
    expect(parsed.invoices.map((i) => [i.reference, i.amountcents, i.customer, i.customerAccount])).toEqual([
      ['FA-2025-0001', 125000, 'Société Générale de Formation', 'C0001'],
      ['FA-2025-0002', 29, 'Hélène Dupré', 'C0002'],
      ['AV-2025-0001', -29, 'Hélène Dupré', 'C0002'],
    ]);
    expect(parsed.invoices[0]!.date).toBe(Date.UTC(2025, 2, 14) / 1000);
    expect(parsed.invoices[1]!.label).toBe('Proforma 4711 inscription');
    // The payment entries (bank account 512) give no invoice, and every sale line is kept for the export.
    expect(parsed.invoices[0]!.lines).toEqual([2]);
  });

  it('reads a tab-separated ISO-8859-1 file the same, accents intact', () => {
    const parsed = parseFec(latin1(fecText(INVOICES, { separator: '\t' })));
    expect(parsed.problems).toEqual([]);
    expect(parsed.encoding).toBe('iso-8859-1');
    expect(parsed.invoices.map((i) => i.customer)).toEqual(['Société Générale de Formation', 'Hélène Dupré', 'Hélène Dupré']);
  });

  it('accepts lines that all end with the separator, as some software writes them', () => {
    const text = fecText(INVOICES)
      .split('\r\n')
      .map((line) => (line ? `${line}|` : line))
      .join('\r\n');
    const parsed = parseFec(utf8(text));
    expect(parsed.problems).toEqual([]);
    expect(parsed.invoices).toHaveLength(3);
  });

  it('accepts a UTF-8 byte order mark and a header in other letter case', () => {
    const text = `\uFEFF${fecText(INVOICES).replace('EcritureLet', 'ECRITURELET')}`;
    const parsed = parseFec(utf8(text));
    expect(parsed.problems).toEqual([]);
    expect(parsed.invoices).toHaveLength(3);
  });

  it('previews the rows the parse reads, without checking them: same count, same first rows', () => {
    const trailing = fecText(INVOICES, { withPayments: true })
      .split('\r\n')
      .map((line) => (line ? `${line}|` : line))
      .join('\r\n');
    const files = [
      utf8(fecText(INVOICES, { withPayments: true })),
      latin1(fecText(INVOICES, { separator: '\t', withPayments: true }).replace(/\r\n/g, '\n')),
      utf8(`\uFEFF${trailing}\r\n\r\n`),
    ];
    // A line with a column missing, at the top: the import refuses it; the preview neither counts nor shows it.
    const broken = fecText(INVOICES, { withPayments: true }).split('\r\n');
    broken[1] = broken[1]!.split('|').slice(0, 10).join('|');
    for (const bytes of [...files, utf8(broken.join('\r\n'))]) {
      const parsed = parseFec(bytes);
      const preview = previewFec(bytes, 4);
      expect(preview).toEqual({
        encoding: parsed.encoding,
        lineCount: parsed.lineCount,
        sample: parsed.rows.slice(0, 4).map((r) => r.fields),
      });
      expect(preview.lineCount).toBeGreaterThan(4);
      expect(preview.sample.every((fields) => fields.length === 18)).toBe(true);
    }
    // A file that is not a FEC previews as no rows; the import reports why.
    expect(previewFec(utf8('a|b|c\r\n1|2|3'))).toEqual({ encoding: 'utf-8', sample: [], lineCount: 0 });
  });

  it('reports every malformed line with its number and reason, and gives no invoice', () => {
    const lines = fecText(INVOICES).split('\r\n');
    lines[2] = lines[2]!.split('|').slice(0, 17).join('|'); // a column missing
    lines[4] = lines[4]!.replace('|0,29|', '|0,2x9|'); // an amount that is not one
    lines[8] = lines[8]!.replace(/\|20250320\|/, '|20250231|'); // no 31 February
    const parsed = parseFec(utf8(lines.join('\r\n')));
    expect(parsed.problems.map((p) => [p.line, p.code, 'column' in p.params ? p.params.column : null])).toEqual(
      expect.arrayContaining([
        [3, 'columns', null],
        [5, 'amount', 'Debit'],
        [9, 'date', 'EcritureDate'],
      ]),
    );
    expect(parsed.problems.find((p) => p.code === 'columns')).toMatchObject({ params: { expected: 18, found: 17, separator: 'pipe' } });
    // The parameters let the window word it per language; the English message is for the CLI and the log.
    expect(parsed.problems.find((p) => p.code === 'amount')).toMatchObject({
      params: { column: 'Debit', value: '0,2x9' },
      message: 'Line 5: Debit "0,2x9" is not an amount such as 1250,00.',
    });
    // The caller imports nothing when there is any problem; the lines it names are exactly the wrong ones.
    expect(new Set(parsed.problems.map((p) => p.line)).has(2)).toBe(false);
  });

  it('refuses an unbalanced entry, naming its first line', () => {
    const lines = fecText(INVOICES).split('\r\n');
    lines[3] = lines[3]!.replace(/\|0,00\|(\d+,\d\d)\|/, (_m, credit: string) => `|0,00|${credit === '1041,67' ? '1041,66' : '0,01'}|`);
    const parsed = parseFec(utf8(lines.join('\r\n')));
    expect(parsed.problems).toEqual([
      // The VAT line's 208,33 became 0,01: debits exceed credits by 208,32.
      expect.objectContaining({ line: 2, code: 'unbalanced', params: { journal: 'VT', entry: 'VT000001', differenceCents: 20832 } }),
    ]);
  });

  it('refuses a file in a wrong encoding: UTF-16, or UTF-8 mixed with ISO-8859-1, with the lines concerned', () => {
    const text = fecText(INVOICES);
    const utf16 = new Uint8Array(Buffer.from(text, 'utf16le'));
    const binary = parseFec(utf16);
    expect(binary.problems[0]).toMatchObject({ code: 'encoding', line: 1, params: { reason: 'binary' } });
    expect(binary.invoices).toEqual([]);

    const lines = text.split('\r\n');
    const mixed = new Uint8Array([...utf8(lines.slice(0, 4).join('\r\n') + '\r\n'), ...latin1(lines.slice(4).join('\r\n'))]);
    const parsed = parseFec(mixed);
    expect(parsed.invoices).toEqual([]);
    // Lines 5 onwards were appended in ISO-8859-1: those with an accent are named.
    const named = parsed.problems.map((p) => p.line);
    expect(parsed.problems.every((p) => p.code === 'encoding')).toBe(true);
    expect(named).toContain(5);
    expect(named.every((line) => line >= 5)).toBe(true);
  });

  it('refuses a file whose header is not the 18 legal columns in order', () => {
    const swapped = FEC_HEADER.replace('Debit|Credit', 'Credit|Debit');
    const parsed = parseFec(utf8(fecText(INVOICES).replace(FEC_HEADER, swapped)));
    expect(parsed.problems).toEqual([expect.objectContaining({ line: 1, code: 'header' })]);
    expect(parseFec(utf8('a;b;c\r\n1;2;3')).problems[0]).toMatchObject({ line: 1, code: 'header', params: { found: 1 } });
  });

  it('takes the amount in the invoice currency from Montantdevise and Idevise', () => {
    const lines = fecText([{ ...INVOICES[0]!, amountcents: 110000 }]).split('\r\n');
    lines[1] = lines[1]!.replace(/\|\|$/, '|1200,00|USD');
    const parsed = parseFec(utf8(lines.join('\r\n')));
    expect(parsed.problems).toEqual([]);
    expect(parsed.invoices[0]).toMatchObject({ currency: 'USD', amountcents: 120000 });
  });

  it('counts the lines to correct, not the problems: 8 lines with three bad dates each are 8 lines', () => {
    const lines = fecText(INVOICES).split('\r\n');
    for (let k = 1; k <= 8; k += 1) lines[k] = lines[k]!.replace(/20250(31[45]|320)/g, '2025-03-14');
    const parsed = parseFec(utf8(lines.join('\r\n')));
    // EcritureDate, PieceDate and ValidDate of each line.
    expect(parsed.problems.filter((p) => p.code === 'date')).toHaveLength(24);
    expect(parsed.reading).toMatchObject({ problemCount: 24, problemLines: 8 });
  });

  it('reads a file with CR-only line ends (old Mac software) as the same file with CRLF', () => {
    const crlf = parseFec(utf8(fecText(INVOICES, { withPayments: true })));
    const cr = parseFec(utf8(fecText(INVOICES, { withPayments: true }).replace(/\r\n/g, '\r')));
    expect(cr.problems).toEqual([]);
    expect(cr.invoices).toEqual(crlf.invoices);
    expect(cr.rows).toEqual(crlf.rows);
  });

  it('reads fields in double quotes without their quotes, and says so when a quoted field holds the separator', () => {
    const quote = (line: string) =>
      line
        .split('|')
        .map((f) => `"${f.replace(/"/g, '""')}"`)
        .join('|');
    const plain = fecText([{ ...INVOICES[0]!, label: 'Stage "Excel" avancé' }, INVOICES[1]!]);
    const quoted = plain.split('\r\n').map((line) => (line ? quote(line) : line));
    const parsed = parseFec(utf8(quoted.join('\r\n')));
    expect(parsed.problems).toEqual([]);
    expect(parsed.invoices.map((i) => [i.reference, i.amountcents, i.customer, i.label])).toEqual([
      ['FA-2025-0001', 125000, 'Société Générale de Formation', 'Stage "Excel" avancé'],
      ['FA-2025-0002', 29, 'Hélène Dupré', 'Proforma 4711 inscription'],
    ]);
    expect(parsed.rows).toEqual(parseFec(utf8(plain)).rows);

    quoted[2] = quoted[2]!.replace('"Prestations de services"', '"Prestations | services"');
    const refused = parseFec(utf8(quoted.join('\r\n')));
    expect(refused.problems).toEqual([
      expect.objectContaining({ line: 3, code: 'columns', params: { expected: 18, found: 19, separator: 'pipe', quoted: true } }),
    ]);
    expect(refused.problems[0]!.message).toMatch(/in quotes: one of them holds a \|/);
  });

  it('names the column out of place when the header has the 18 columns in another order', () => {
    const swapped = FEC_HEADER.replace('Debit|Credit', 'Credit|Debit');
    const parsed = parseFec(utf8(fecText(INVOICES).replace(FEC_HEADER, swapped)));
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        line: 1,
        code: 'header',
        params: { expected: 18, found: 18, column: 12, name: 'Credit', expectedName: 'Debit' },
      }),
    ]);
    expect(parsed.problems[0]!.message).toContain('column 12 is "Credit" where Debit is expected');
  });

  it('reads a Windows-1252 FEC with ’ – € Œ as written, in the invoices and in the rows kept for the FEC written back', () => {
    const customer = 'L’Atelier d’Anglais – Formation €uro';
    const label = 'Œuvres complètes – 1 250 €';
    const text = fecText([{ ...INVOICES[0]!, customer, label }], { separator: '\t' });
    const parsed = parseFec(new Uint8Array(iconv.encode(text, 'windows-1252')));
    expect(parsed.problems).toEqual([]);
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.invoices[0]).toMatchObject({ customer, label });
    expect(parsed.rows[0]!.fields[FEC_COLUMNS.indexOf('CompAuxLib')]).toBe(customer);
    expect(JSON.stringify(parsed.rows)).not.toMatch(/[\u0080-\u009f]/);
  });
});
