/**
 * Invoice numbers as the accounting software and the shop write them, compared after normalising: the shop may
 * hold `FA-2026-001927` where the FEC says `F2026001927`, `FA 2026 1927`, `Facture 1927`… A number is read as
 * tokens (runs of letters, runs of digits; accents, case, spaces and separators ignored); the leading words
 * that only say "invoice" (FA, F, Facture, Fact, Invoice, Inv, N°…) are dropped. Two numbers are the same when
 *  - their tokens are, each number without its leading zeros (`FA-2026-001927` = `fa 2026 1927`), or
 *  - one of them is written as a single number, and the digits run together are (`F2026001927` =
 *    `FA-2026-001927`; padding inside cannot be told from digits there, so `F20261927` is another number).
 * Other letters stay: `AV-2026-12` (a credit note) is not `FA-2026-12`.
 */

const INVOICE_WORDS = new Set(['FACTURE', 'FACTURES', 'FACT', 'FAC', 'FCT', 'FA', 'F', 'INVOICE', 'INV', 'N', 'NO', 'NUM', 'NUMERO']);

export interface InvoiceNumberKey {
  /** The tokens, numbers without their leading zeros: "2026.1927". */
  grouped: string;
  /** The tokens run together as written, without leading zeros: "2026001927". */
  joined: string;
  /** How many runs of digits: a number written as one run can only be compared by `joined`. */
  numbers: number;
}

export function invoiceNumberKey(text: string): InvoiceNumberKey | null {
  // Accents folded only where there are some: most numbers are ASCII.
  const folded = /[^\x20-\x7e]/.test(text) ? text.normalize('NFD').replace(/\p{M}+/gu, '') : text;
  const tokens = folded.toUpperCase().match(/[A-Z]+|[0-9]+/g) ?? [];
  let start = 0;
  while (start < tokens.length - 1 && INVOICE_WORDS.has(tokens[start]!)) start += 1;
  const kept = tokens.slice(start);
  const numbers = kept.filter((t) => t.charCodeAt(0) <= 57).length;
  if (numbers === 0) return null;
  const unpadded = (t: string) => (t.charCodeAt(0) <= 57 ? t.replace(/^0+(?=.)/, '') : t);
  return { grouped: kept.map(unpadded).join('.'), joined: kept.join('').replace(/^0+(?=.)/, ''), numbers };
}

/** The keys a number is filed under, for an index of known numbers (the shop's letterings). */
export function invoiceNumberIndexKeys(key: InvoiceNumberKey): string[] {
  return [`g:${key.grouped}`, `${key.numbers === 1 ? 'j1' : 'jn'}:${key.joined}`];
}

/** The keys to look a number up with in such an index: the same number filed by either of its ways. */
export function invoiceNumberLookupKeys(key: InvoiceNumberKey): string[] {
  const keys = [`g:${key.grouped}`, `j1:${key.joined}`];
  if (key.numbers === 1) keys.push(`jn:${key.joined}`);
  return keys;
}

export function sameInvoiceNumber(a: string, b: string): boolean {
  const [ka, kb] = [invoiceNumberKey(a), invoiceNumberKey(b)];
  if (!ka || !kb) return a.trim() !== '' && a.trim().toUpperCase() === b.trim().toUpperCase();
  const filed = new Set(invoiceNumberIndexKeys(kb));
  return invoiceNumberLookupKeys(ka).some((k) => filed.has(k));
}

/**
 * The invoice numbers a lettering names: the shop's idnumber is one number, or several joined with "+" (one
 * bill became several invoices), each perhaps with "/1", "/2"… (several bills became one invoice; the shop keeps
 * idnumber unique). `share` says the bill is one of several of that invoice.
 */
export function letteringNumbers(idnumber: string): { number: string; share: boolean }[] {
  const out: { number: string; share: boolean }[] = [];
  for (const part of idnumber.split('+')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    out.push({ number: trimmed, share: false });
    const base = /^(.*\d.*?)\/\d{1,3}$/.exec(trimmed);
    if (base) out.push({ number: base[1]!.trim(), share: true });
  }
  return out;
}

const IN_LABEL = [
  // "Facture 1234", "Facture n° FA-2026-001234", "Invoice #1234", "Fact. 12/2026"
  /\b(?:FACTURES?|FACT|FAC|INVOICE|INV)\b\.?\s*(?:N\s*[O°º]?\.?\s*)?[:#]?\s*((?:[A-Z]{1,3}-?)?\d[\dA-Z]*(?:[-/.][\dA-Z]*\d[\dA-Z]*)*)/g,
  // "FA1234", "FA-2026-001234" on its own
  /\b(FA-?\d[\dA-Z]*(?:[-/.][\dA-Z]*\d[\dA-Z]*)*)\b/g,
];

/** Invoice numbers written in a label ("Facture 1234", "FA1234"), as written there. */
export function invoiceNumbersIn(label: string): string[] {
  const text = label
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase();
  const found = new Set<string>();
  for (const pattern of IN_LABEL) for (const m of text.matchAll(pattern)) found.add(m[1]!);
  return [...found];
}
