import type { CatalogItemRecord, CatalogRecord, CategoryRecord } from '../lib/shop/structures';
import type { HandlerName, ItemSpec, RequiredField } from './catalog-item-spec';
import { ENGLISH_ONLY_ITEMS, ENGLISH_OVERRIDES, MASTER_ITEMS } from './catalog-items';
import { MASTER_CATALOG_ID, TAX_IDS, taxRatio } from './shop';

/**
 * The catalogs as the shop holds them: a French master catalog (groupid = its own id) and an English slave
 * (groupid = the master's id) that overrides some master items by code and sells two of its own. Ids are
 * given in a fixed order, so they are the same for every seed: only customers, bills and products vary.
 */

export const SLAVE_CATALOG_ID = 2;

const DAY = 86_400;

/** A master item with what bills and products need to know of it, parsed once. */
export interface SellableItem {
  id: number;
  code: string;
  name: string;
  prices: readonly (readonly [number, number])[];
  taxcode: number;
  taxratio: number;
  status: string;
  type: 'plain' | 'set' | 'bundle';
  /** The codes of the parts of a bundle (empty otherwise). */
  parts: readonly string[];
  partOf: string;
  seatmode: boolean;
  handler: HandlerName | '';
  params: Readonly<Record<string, string | number>>;
  handlerparams: string;
  required: readonly RequiredField[];
}

export interface Catalog {
  catalogs: CatalogRecord[];
  categories: CategoryRecord[];
  catalogItems: CatalogItemRecord[];
  /** The master's items by code. */
  items: ReadonlyMap<string, SellableItem>;
}

/**
 * `k1=v1&k2=v2` as an administrator types it in local_shop's item form: nothing encoded, since the shop
 * splits on `&` and `=` and decodes nothing (`+90D` is stored as `+90D`). The demo's values hold neither.
 */
export function encodeHandlerParams(params: Readonly<Record<string, string | number>>): string {
  return Object.entries(params)
    .map(([key, value]) => {
      const text = String(value);
      if (/[&=]/.test(key + text)) throw new Error(`The demo's handler parameter ${key}=${text} holds a separator the shop cannot read.`);
      return `${key}=${text}`;
    })
    .join('&');
}

const CATEGORY_ROWS: readonly (readonly [id: number, catalogid: number, parentid: number, name: string, seoalias: string])[] = [
  [1, MASTER_CATALOG_ID, 0, 'Formations en ligne', 'formations-en-ligne'],
  [2, MASTER_CATALOG_ID, 1, 'Bureautique et numérique', 'bureautique-numerique'],
  [3, MASTER_CATALOG_ID, 1, 'Langues', 'langues'],
  [4, MASTER_CATALOG_ID, 1, 'Gestion et finance', 'gestion-finance'],
  [5, MASTER_CATALOG_ID, 1, 'Management', 'management'],
  [6, MASTER_CATALOG_ID, 1, 'Santé, sécurité et réglementation', 'sante-securite'],
  [7, MASTER_CATALOG_ID, 0, "Sessions d'entreprise", 'sessions-entreprise'],
  [8, MASTER_CATALOG_ID, 0, 'Options et prolongations', 'options-prolongations'],
  [9, MASTER_CATALOG_ID, 0, 'Certificats et crédits', 'certificats-credits'],
  [10, MASTER_CATALOG_ID, 0, 'Livres et supports', 'livres-supports'],
  [11, MASTER_CATALOG_ID, 0, 'Packs', 'packs'],
  [12, SLAVE_CATALOG_ID, 0, 'English-language courses', 'english-courses'],
  [13, SLAVE_CATALOG_ID, 12, 'Exam preparation', 'exam-preparation'],
];

function catalogRecords(setupTime: number): CatalogRecord[] {
  return [
    {
      id: MASTER_CATALOG_ID,
      name: 'Catalogue Savoirs & Compétences',
      description: '<p>Toutes nos formations, sessions et ouvrages.</p>',
      salesconditions: '<p>Paiement à 30 jours pour les entreprises. Convention de formation sur demande.</p>',
      groupid: MASTER_CATALOG_ID,
      countryrestrictions: '',
      billfooter:
        '<p>Savoirs &amp; Compétences SAS — Déclaration d’activité n° 84 69 12345 69 auprès du préfet de région ' +
        'Auvergne-Rhône-Alpes (cet enregistrement ne vaut pas agrément de l’État).</p>',
      version: 3,
      timemodified: setupTime + 2 * DAY,
    },
    {
      id: SLAVE_CATALOG_ID,
      name: 'English catalogue',
      description: '<p>Our courses for English-speaking learners.</p>',
      salesconditions: '<p>Payment within 30 days for companies.</p>',
      groupid: MASTER_CATALOG_ID,
      countryrestrictions: 'GB,IE,CA,US',
      billfooter: '<p>Savoirs &amp; Compétences SAS — registered training organisation.</p>',
      version: 1,
      timemodified: setupTime + 3 * DAY,
    },
  ];
}

function categoryRecords(setupTime: number): CategoryRecord[] {
  return CATEGORY_ROWS.map(([id, catalogid, parentid, name, seoalias], index) => ({
    id,
    catalogid,
    parentid,
    name,
    description: `<p>${name}</p>`,
    sortorder: index + 1,
    visible: 1,
    seoalias,
    version: 1,
    timemodified: setupTime + id * 60,
  }));
}

function description(spec: ItemSpec): string {
  if (spec.seatmode) return `<p>${spec.name}. Indiquez les apprenants et les tuteurs lors de la commande : un siège par personne.</p>`;
  if (spec.handler === 'std_enrolonecourse')
    return `<p>${spec.name}. Accès en ligne, tutorat par messagerie, attestation de fin de formation.</p>`;
  return `<p>${spec.name}.</p>`;
}

function itemRecord(spec: ItemSpec, id: number, catalogid: number, setid: number, setupTime: number): CatalogItemRecord {
  // A few items were edited after creation, so versions and modification times are not all equal.
  const edits = id % 5 === 0 ? 2 : id % 7 === 0 ? 1 : 0;
  return {
    id,
    catalogid,
    categoryid: spec.category,
    code: spec.code,
    shortname: spec.code.toLowerCase(),
    name: spec.name,
    idnumber: spec.tax === 'exempt' && spec.handler ? `RS${5000 + id}` : '',
    description: description(spec),
    notes: '',
    eula: spec.seatmode ? '<p>Une convention de formation est établie pour chaque session.</p>' : '',
    prices: spec.prices.map(([fromquantity, unitcents]) => ({ fromquantity, unitcents })),
    taxcode: TAX_IDS[spec.tax],
    stock: spec.stock ?? 0,
    // How many were sold is only known once every bill is walked; the demo data leaves it at 0.
    sold: 0,
    status: spec.status ?? 'AVAILABLE',
    maxdeliveryquant: spec.maxdeliveryquant ?? 0,
    onlyforloggedin: spec.handler === 'std_assignroleoncontext' ? 1 : 0,
    seatmode: spec.seatmode ? 1 : 0,
    renewable: spec.renewable ? 1 : 0,
    type: spec.type ?? 'plain',
    setid,
    requireddata: spec.required ? JSON.stringify(spec.required) : '',
    enablehandler: spec.handler ?? '',
    handlerparams: spec.params ? encodeHandlerParams(spec.params) : '',
    version: 1 + edits,
    timemodified: setupTime + id * 600 + edits * 40 * DAY,
  };
}

export function buildCatalog(setupTime: number): Catalog {
  const catalogItems: CatalogItemRecord[] = [];
  const masterIds = new Map<string, number>();
  MASTER_ITEMS.forEach((spec, index) => masterIds.set(spec.code, index + 1));
  const idOf = (code: string): number => {
    const id = masterIds.get(code);
    if (id === undefined) throw new Error(`demo data: no master item ${code}`);
    return id;
  };
  for (const spec of MASTER_ITEMS) {
    catalogItems.push(itemRecord(spec, idOf(spec.code), MASTER_CATALOG_ID, spec.partOf ? idOf(spec.partOf) : 0, setupTime));
  }
  // A slave's override is a copy of the master item with the same code, translated, sometimes repriced.
  for (const override of ENGLISH_OVERRIDES) {
    const master = MASTER_ITEMS.find((spec) => spec.code === override.code);
    if (!master || master.partOf) throw new Error(`demo data: cannot override ${override.code}`);
    const spec: ItemSpec = { ...master, name: override.name, prices: override.prices ?? master.prices };
    const record = itemRecord(spec, catalogItems.length + 1, SLAVE_CATALOG_ID, 0, setupTime);
    catalogItems.push({ ...record, description: `<p>${override.name}.</p>`, idnumber: '' });
  }
  for (const spec of ENGLISH_ONLY_ITEMS) catalogItems.push(itemRecord(spec, catalogItems.length + 1, SLAVE_CATALOG_ID, 0, setupTime));

  const items = new Map<string, SellableItem>();
  for (const spec of MASTER_ITEMS) {
    const id = idOf(spec.code);
    items.set(spec.code, {
      id,
      code: spec.code,
      name: spec.name,
      prices: spec.prices,
      taxcode: TAX_IDS[spec.tax],
      taxratio: taxRatio(TAX_IDS[spec.tax]),
      status: spec.status ?? 'AVAILABLE',
      type: spec.type ?? 'plain',
      parts: MASTER_ITEMS.filter((part) => part.partOf === spec.code && spec.type === 'bundle').map((part) => part.code),
      partOf: spec.partOf ?? '',
      seatmode: spec.seatmode ?? false,
      handler: spec.handler ?? '',
      params: spec.params ?? {},
      handlerparams: spec.params ? encodeHandlerParams(spec.params) : '',
      required: spec.required ?? [],
    });
  }
  return { catalogs: catalogRecords(setupTime), categories: categoryRecords(setupTime), catalogItems, items };
}

/** The untaxed unit price for a quantity: the tier with the largest `fromquantity` not above it. */
export function unitPrice(item: SellableItem, quantity: number): number {
  let price = item.prices[0]?.[1] ?? 0;
  for (const [fromquantity, unitcents] of item.prices) if (quantity >= fromquantity) price = unitcents;
  return price;
}
