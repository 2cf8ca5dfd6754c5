import type { EngineBill, EngineInvoice } from '../../main/lettering/match-engine';

/**
 * A shop's paid bills and the accounting software's invoices for them, generated with the truth known: which
 * invoice is which bill's, and how it was written (exactly, a cent off, under a renamed customer). For the
 * matching engine's tests and its bench. Deterministic for a seed.
 */
export type TruthKind = 'exact' | 'centOff' | 'renamed';

export interface Ledger {
  bills: EngineBill[];
  invoices: EngineInvoice[];
  /** invoice id → the bill it is, and how the accounting software wrote it. */
  truth: Map<number, { billId: number; kind: TruthKind }>;
}

const FIRST = [
  'Jean',
  'Marie',
  'Hélène',
  'François',
  'Zoé',
  'Loïc',
  'Amélie',
  'Jérôme',
  'Céline',
  'Noël',
  'Agnès',
  'Benoît',
  'Chloé',
  'Damien',
  'Élodie',
  'Gaëlle',
  'Hugo',
  'Inès',
  'Joël',
  'Léa',
  'Mathis',
  'Océane',
  'Pascal',
  'Raphaël',
  'Sébastien',
  'Thérèse',
  'Ulysse',
  'Valérie',
  'Yannick',
  'Anaïs',
];
const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefebvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Müller',
  'Henry',
  'Roussel',
  'Nicolas',
];
const ORG_WORDS = [
  'Alpha',
  'Boréal',
  'Cèdre',
  'Delta',
  'Étoile',
  'Forêt',
  'Granit',
  'Horizon',
  'Iris',
  'Jade',
  'Kairos',
  'Lumière',
  'Mistral',
  'Nova',
  'Orée',
  'Pôle',
  'Quartz',
  'Rivière',
  'Saphir',
  'Tilleul',
];
const ORG_KINDS = ['Formation', 'Conseil', 'Industries', 'Santé', 'Logistique', 'Numérique', 'Bâtiment', 'Éditions'];
const PRICES = [
  4900, 9900, 12900, 19000, 24900, 29000, 35000, 39000, 45000, 59000, 69000, 79000, 89000, 99000, 125000, 149000, 189000, 249000,
];

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    chance: (percent: number) => next() * 100 < percent,
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
    hex: (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join(''),
  };
}

/** How a customer's name may come back from the accounting software: case, accents, word order changed. */
function asAccountingWrites(name: string, variant: number): string {
  if (variant === 0) return name;
  if (variant === 1) return name.toUpperCase();
  if (variant === 2) return name.normalize('NFD').replace(/\p{M}+/gu, '');
  const words = name.split(' ');
  return [words.at(-1)!.toUpperCase(), ...words.slice(0, -1)].join(' ');
}

export function generateLedger(count: number, seed = 42, mix = { centOff: 1.5, renamed: 1.5, notInvoiced: 2, strayInvoice: 2 }): Ledger {
  const r = prng(seed);
  const customers = Array.from({ length: Math.max(10, Math.floor(count / 4)) }, (_, k) => {
    const first = r.pick(FIRST);
    const last = r.pick(LAST);
    const organisation = r.chance(50) ? `${r.pick(ORG_WORDS)} ${r.pick(ORG_KINDS)}${r.chance(30) ? ' SARL' : ''} ${k}` : '';
    return {
      first,
      last,
      organisation,
      email: `${first}.${last}.${k}@example.test`
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase(),
    };
  });
  const start = Date.UTC(2025, 0, 1) / 1000;
  const bills: EngineBill[] = [];
  const invoices: EngineInvoice[] = [];
  const truth = new Map<number, { billId: number; kind: TruthKind }>();
  for (let i = 0; i < count; i += 1) {
    const customer = r.pick(customers);
    const amount = r.chance(70) ? r.pick(PRICES) * (1 + r.int(3)) : 1000 + r.int(300_000);
    const bill: EngineBill = {
      id: 1000 + i,
      amountcents: amount,
      currency: 'EUR',
      date: start + r.int(365) * 86_400 + r.int(86_400),
      transactionid: r.hex(32),
      name: `${customer.first} ${customer.last}`,
      organisation: customer.organisation,
      email: customer.email,
    };
    bills.push(bill);
    const roll = r.int(1000) / 10;
    if (roll < mix.notInvoiced) continue;
    const invoiceDate = Math.floor(bill.date / 86_400) * 86_400 + r.int(8) * 86_400;
    const shown = customer.organisation || `${customer.first} ${customer.last}`;
    let kind: TruthKind = 'exact';
    let amountcents = amount;
    let name = asAccountingWrites(shown, r.int(4));
    let label = r.chance(40) ? `Commande ${bill.transactionid}` : `Formation ${r.pick(ORG_KINDS).toLowerCase()}`;
    if (roll < mix.notInvoiced + mix.centOff) {
      kind = 'centOff';
      amountcents = amount + (r.chance(50) ? 1 : -1);
      label = 'Formation';
    } else if (roll < mix.notInvoiced + mix.centOff + mix.renamed) {
      kind = 'renamed';
      name = `${r.pick(ORG_WORDS)} Holding ${i}`;
      label = 'Formation';
    }
    const id = 500_000 + i;
    invoices.push({
      id,
      reference: `FA-2025-${String(i + 1).padStart(6, '0')}`,
      amountcents,
      currency: 'EUR',
      date: invoiceDate,
      customer: name,
      email: '',
      label,
    });
    truth.set(id, { billId: bill.id, kind });
  }
  // Invoices the shop never saw (sold by phone, say): nothing must claim them for sure.
  const strays = Math.floor((count * mix.strayInvoice) / 100);
  for (let k = 0; k < strays; k += 1) {
    invoices.push({
      id: 900_000 + k,
      reference: `FA-2025-X${k}`,
      amountcents: 1000 + r.int(300_000),
      currency: 'EUR',
      date: start + r.int(365) * 86_400,
      customer: `${r.pick(FIRST)} ${r.pick(LAST)}`,
      email: '',
      label: 'Vente directe',
    });
  }
  return { bills, invoices, truth };
}
