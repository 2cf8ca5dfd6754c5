import type { CategoryTableRow } from '../db/tables';
import type { EffectiveSeller, ExemptionBasis, InvoicingSettings, MissingMention, SiteSeller } from '../../shared/contract/invoicing';
import type { ReadableDb } from '../db/open';
import { basisFromTitle } from './exemptions';
import { effectiveSeller, needsShareCapital } from './seller';
import { siteSeller } from './site-seller';

export interface ShopTax {
  id: number;
  title: string;
  /** Basis points. */
  ratio: number;
}

/**
 * What every invoice of one export shares, read once: the seller as printed, the payment terms, which taxes
 * are exempt and on which basis, which categories sell goods. Built from the cache (the shop's settings and
 * taxes as last synced) and the profile's invoicing settings.
 */
export interface InvoicingContext {
  /** The connection it was read from (an export's own snapshot): what reads the documents uses it too. */
  db: ReadableDb;
  settings: InvoicingSettings;
  site: SiteSeller | null;
  seller: EffectiveSeller;
  taxes: ReadonlyMap<number, ShopTax>;
  /** The legal basis of a tax at 0 %: the settings' choice, else what its title names; null when neither. */
  exemptionOf(taxId: number): ExemptionBasis | null;
  /** Whether a line of this catalog item is goods (with 'both'; 'goods' and 'services' decide for every line). */
  isGoodsCategory(categoryId: number): boolean;
}

export function invoicingContext(db: ReadableDb, settings: InvoicingSettings): InvoicingContext {
  const site = siteSeller(db)?.seller ?? null;
  const taxes = new Map(
    db
      .prepare<unknown[], ShopTax>('SELECT id, title, ratio FROM tax ORDER BY id')
      .all()
      .map((tax) => [tax.id, tax]),
  );
  const chosen = new Map(settings.exemptions.map((entry) => [entry.taxId, entry.basis]));
  const goods = goodsCategories(db, settings.goodsCategoryIds);
  return {
    db,
    settings,
    site,
    seller: effectiveSeller(site, settings),
    taxes,
    exemptionOf: (taxId) => chosen.get(taxId) ?? basisFromTitle(taxes.get(taxId)?.title ?? ''),
    isGoodsCategory: (categoryId) => goods.has(categoryId),
  };
}

/** The chosen categories and every category under them. */
function goodsCategories(db: ReadableDb, chosen: readonly number[]): Set<number> {
  const set = new Set(chosen);
  if (set.size === 0) return set;
  const rows = db.prepare<[], Pick<CategoryTableRow, 'id' | 'parentid'>>('SELECT id, parentid FROM category').all();
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of rows) {
      if (!set.has(row.id) && set.has(row.parentid)) {
        set.add(row.id);
        grew = true;
      }
    }
  }
  return set;
}

/**
 * The mentions no invoice could print with these settings: the seller's identity (Code de commerce R123-237,
 * CGI annex II art. 242 nonies A), the payment terms (L441-9), the nature of the operations (the e-invoicing
 * reform), and the basis of each exemption the shop's taxes may need. The VAT number is asked for when the shop
 * has a taxed rate; an invoice with only exempt lines goes without it (mentionsMissing in invoice-mentions.ts).
 */
export function settingsMissing(context: InvoicingContext): MissingMention[] {
  const { seller, settings } = context;
  const missing: MissingMention[] = [];
  const need = (mention: MissingMention['mention']) => missing.push({ mention, where: 'settings' });
  if (seller.name === '') need('seller.name');
  if (seller.address === '' || seller.city === '') need('seller.address');
  if (seller.siren === '') need('seller.siren');
  if ([...context.taxes.values()].some((tax) => tax.ratio > 0) && seller.vatnumber === '') need('seller.vatnumber');
  if (seller.legalForm === '') need('seller.legalForm');
  if (needsShareCapital(seller.legalForm) && seller.shareCapitalCents === null) need('seller.shareCapital');
  if (seller.registry !== 'none' && seller.registryCity === '') need('seller.registryCity');
  if (settings.payment.latePenaltyBasisPoints === null) need('payment.latePenalty');
  if (settings.payment.earlyPaymentDiscountBasisPoints === null) need('payment.earlyPaymentDiscount');
  if (settings.operations === null) need('operations');
  for (const tax of context.taxes.values()) {
    if (tax.ratio === 0 && context.exemptionOf(tax.id) === null) {
      missing.push({ mention: 'tax.exemption', where: 'settings', tax: { id: tax.id, title: tax.title } });
    }
  }
  return missing;
}
