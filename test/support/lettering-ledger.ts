import type { EngineBill, EngineInvoice, EngineLetteredBill } from '../../main/lettering/match-engine';

/**
 * A shop's paid bills and the accounting software's invoices for them, generated with the truth known: which
 * invoice is which bill's, and how it was written (exactly, a cent off, under a renamed customer). For the
 * matching engine's tests and its bench. Deterministic for a seed.
 *
 * With `unpaid` or `lettered` in the mix, traps as an independent test set them: the invoice's bill is not a
 * paid open one, but an order not paid yet (invoiced first), or a bill already lettered on the shop whose number
 * the FEC writes differently (`F2025000123` for `FA-2025-000123`); and the same customer has another paid bill
 * of the same amount three days later (the decoy), never invoiced. An unpaid bill with a decoy is a `twin`: no
 * rule can tell the two apart, so it must never be exact. `unpaidAlone`: an order invoiced before its payment,
 * no decoy: exact, to the unpaid bill.
 */
export type TruthKind = 'exact' | 'centOff' | 'renamed' | 'twin';

export interface Ledger {
  bills: EngineBill[];
  invoices: EngineInvoice[];
  /** Bills that carry a lettering on the shop (the `lettered` traps). */
  lettered: EngineLetteredBill[];
  /** invoice id → the bill it is, and how the accounting software wrote it. */
  truth: Map<number, { billId: number; kind: TruthKind }>;
  /** The decoys of the traps: no invoice is theirs. */
  decoys: Set<number>;
}

export interface LedgerMix {
  centOff: number;
  renamed: number;
  notInvoiced: number;
  strayInvoice: number;
  /** Percentages of bills made traps (see above); none by default. */
  unpaid?: number;
  unpaidAlone?: number;
  lettered?: number;
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

export function generateLedger(
  count: number,
  seed = 42,
  mix: LedgerMix = { centOff: 1.5, renamed: 1.5, notInvoiced: 2, strayInvoice: 2 },
): Ledger {
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
  const lettered: EngineLetteredBill[] = [];
  const truth = new Map<number, { billId: number; kind: TruthKind }>();
  const decoys = new Set<number>();
  const traps = { unpaid: mix.unpaid ?? 0, unpaidAlone: mix.unpaidAlone ?? 0, lettered: mix.lettered ?? 0 };
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
    // Rolled only when traps are asked for: the default ledger stays the one the bench's figures were taken on.
    const trapRoll = traps.unpaid + traps.unpaidAlone + traps.lettered > 0 ? r.int(1000) / 10 : 100;
    if (trapRoll < traps.unpaid + traps.unpaidAlone + traps.lettered) {
      const id = 500_000 + i;
      const n = String(i + 1).padStart(6, '0');
      const invoice: EngineInvoice = {
        id,
        reference: `FA-2025-${n}`,
        amountcents: amount,
        currency: 'EUR',
        date: Math.floor(bill.date / 86_400) * 86_400 + r.int(8) * 86_400,
        customer: asAccountingWrites(customer.organisation || `${customer.first} ${customer.last}`, r.int(4)),
        email: '',
        label: 'Formation',
      };
      let kind: TruthKind = 'exact';
      if (trapRoll < traps.lettered) {
        lettered.push({ id: bill.id, idnumber: `FA-2025-${n}`, amountcents: amount, currency: 'EUR', matched: false });
        invoice.reference = `F2025${n}`;
      } else {
        bills.push({ ...bill, payment: 'unpaid', status: r.chance(50) ? 'PENDING' : 'PREPROD' });
        if (trapRoll < traps.lettered + traps.unpaid) kind = 'twin';
      }
      if (trapRoll < traps.lettered + traps.unpaid) {
        const decoy = { ...bill, id: 800_000 + i, transactionid: r.hex(32), date: bill.date + 3 * 86_400 };
        bills.push(decoy);
        decoys.add(decoy.id);
      }
      invoices.push(invoice);
      truth.set(id, { billId: bill.id, kind });
      continue;
    }
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
  return { bills, invoices, lettered, truth, decoys };
}
