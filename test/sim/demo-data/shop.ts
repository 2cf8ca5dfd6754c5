import type { ShopRecord, TaxRecord } from '../lib/shop/structures';
import type { TaxKind } from './catalog-item-spec';
import { courseByShortname } from './moodle-site';

/**
 * The one shop of the demo training company and its French VAT rates. Training can be exempt of VAT
 * (an approved training body, CGI art. 261-4-4°), books are at the reduced rate, everything else at 20 %.
 */

export const SHOP_ID = 1;
export const MASTER_CATALOG_ID = 1;
export const CURRENCY = 'EUR';
export const PAYMODES = ['check', 'transfer', 'paypal'] as const;
export type Paymode = (typeof PAYMODES)[number];

/** Discounts the shop grants above a threshold (basis points), as the plugin's shop settings hold them. */
export const DISCOUNT_THRESHOLD_CENTS = 150_000;
export const DISCOUNT_RATES = [500, 1000, 1500] as const;

export const TAX_IDS: Readonly<Record<TaxKind, number>> = { standard: 1, reduced: 2, exempt: 3 };

const TAX_ROWS: readonly { kind: TaxKind; title: string; ratio: number }[] = [
  { kind: 'standard', title: 'TVA 20 %', ratio: 2000 },
  { kind: 'reduced', title: 'TVA 5,5 %', ratio: 550 },
  { kind: 'exempt', title: 'Exonéré (art. 261-4-4° du CGI)', ratio: 0 },
];

export function taxRatio(taxcode: number): number {
  const row = TAX_ROWS.find((tax) => TAX_IDS[tax.kind] === taxcode);
  if (!row) throw new Error(`demo data: no tax ${taxcode}`);
  return row.ratio;
}

export function buildTaxes(setupTime: number): TaxRecord[] {
  return TAX_ROWS.map((tax) => ({
    id: TAX_IDS[tax.kind],
    country: 'FR',
    title: tax.title,
    ratio: tax.ratio,
    formula: '',
    timemodified: setupTime,
  }));
}

/**
 * The seller identity in local_shop's settings (config_plugins, plugin local_shop), as a site administrator
 * fills them: what local_shopbackoffice_get_site reports and invoices print. local_shop has no setting for the
 * legal form, the share capital or the payment terms: the back-office's invoicing settings give those.
 */
export const SELLER_SETTINGS: Readonly<Record<string, string>> = {
  sellername: 'Savoirs & Compétences',
  selleraddress: '18 quai Claude Bernard',
  sellerzip: '69007',
  sellercity: 'Lyon',
  sellercountry: 'FR',
  sellermail: 'contact@savoirs-competences.example',
  sellermailsupport: 'support@savoirs-competences.example',
  sellerphonesupport: '+33 4 72 00 00 00',
  sellerID: '842 105 371 RCS Lyon',
  tvaeurope: 'FR13842105371',
  defaultcurrency: CURRENCY,
};

export function buildShop(setupTime: number): ShopRecord {
  return {
    id: SHOP_ID,
    name: 'Boutique Savoirs & Compétences',
    description: '<p>Formations en ligne, sessions pour les entreprises et ouvrages de l’organisme Savoirs &amp; Compétences.</p>',
    currency: CURRENCY,
    catalogid: MASTER_CATALOG_ID,
    allowtax: 1,
    discountthresholdcents: DISCOUNT_THRESHOLD_CENTS,
    discountrate: DISCOUNT_RATES[0],
    discountrate2: DISCOUNT_RATES[1],
    discountrate3: DISCOUNT_RATES[2],
    eula: '<p>Toute commande vaut acceptation des conditions générales de vente. Droit de rétractation : 14 jours.</p>',
    paymodes: PAYMODES.join(','),
    defaultpaymode: 'transfer',
    defaultcustomersupportcourse: courseByShortname('CUSTOMERSUPPORT').id,
    timemodified: setupTime,
  };
}
