/**
 * A customer's name as a comparison key: accents, case, punctuation, word order and legal forms ignored, so
 * "Société Générale SA", "SOCIETE GENERALE" and "générale société" are one key, and "Jean Dupont" matches
 * "DUPONT Jean". An empty key never matches anything.
 */
const LEGAL_FORMS = new Set([
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'sci',
  'snc',
  'scop',
  'ste',
  'societe',
  'ltd',
  'llc',
  'inc',
  'gmbh',
  'bv',
  'srl',
  'cie',
  'et',
  'and',
  'the',
  'le',
  'la',
  'les',
  'de',
  'du',
  'des',
  'mr',
  'mme',
  'm',
]);

export function foldText(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/ß/g, 'ss')
      // Greek: the final sigma is the same letter.
      .replace(/ς/g, 'σ')
  );
}

const known = new Map<string, string>();

export function customerKey(text: string): string {
  // The same names come back thousands of times in a ledger: fold each once.
  const cached = known.get(text);
  if (cached !== undefined) return cached;
  if (known.size > 200_000) known.clear();
  const words = foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !LEGAL_FORMS.has(w));
  const key = words.sort().join(' ');
  known.set(text, key);
  return key;
}

/** An email as a key: trimmed, lower case; '' when it is not one. */
export function emailKey(text: string): string {
  const t = text.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(t) ? t : '';
}
