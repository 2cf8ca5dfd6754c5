import type { ExemptionBasis } from '../../shared/contract/invoicing';
import type { ExportLocale } from '../exports/spreadsheet-cells';

/**
 * The legal bases of a line invoiced at 0 %, and the words an invoice prints beside such a line and its VAT
 * row (CGI annex II art. 242 nonies A, I, 9° and 13°: the provision that exempts it, or "Autoliquidation"
 * when the customer owes the tax). French invoices use the wording the tax administration's guides use;
 * the English ones translate it and keep the French article, which is what a French auditor looks for.
 */
export interface ExemptionWording {
  fr: string;
  en: string;
  /** The provision, for docs and the settings' choices. */
  source: string;
  /** Read from a tax's title when the settings name no basis for it: the title names the article. */
  titlePattern: RegExp;
}

export const EXEMPTIONS: Readonly<Record<ExemptionBasis, ExemptionWording>> = {
  training: {
    fr: 'Exonération de TVA, article 261-4-4° du CGI',
    en: 'VAT exemption, article 261-4-4° of the French tax code (CGI)',
    source: 'CGI art. 261-4-4° a (vocational training)',
    titlePattern: /261[\s-]*4[\s-]*4/,
  },
  franchise: {
    fr: 'TVA non applicable, article 293 B du CGI',
    en: 'VAT not applicable, article 293 B of the French tax code (CGI)',
    source: 'CGI art. 293 B (franchise in base)',
    titlePattern: /293\s*B/i,
  },
  reverseCharge: {
    fr: 'Autoliquidation : TVA due par le preneur, article 283-2 du CGI',
    en: 'Reverse charge (autoliquidation): VAT due by the customer, article 196 of Directive 2006/112/EC',
    source: 'CGI art. 283-2; Directive 2006/112/EC art. 196',
    titlePattern: /autoliquidation|reverse\s*charge|283[\s-]*2/i,
  },
  intraEuGoods: {
    fr: 'Exonération de TVA, article 262 ter I du CGI (livraison intracommunautaire)',
    en: 'VAT exemption, article 262 ter I of the French tax code (CGI): intra-Community supply',
    source: 'CGI art. 262 ter I',
    titlePattern: /262\s*ter/i,
  },
  export: {
    fr: 'Exonération de TVA, article 262 I du CGI (exportation)',
    en: 'VAT exemption, article 262 I of the French tax code (CGI): export',
    source: 'CGI art. 262 I',
    titlePattern: /262\s*I\b(?!\s*ter)/i,
  },
  outsideEu: {
    fr: 'TVA non applicable, article 259-1 du CGI (prestation hors de France)',
    en: 'VAT not applicable, article 259-1 of the French tax code (CGI): service supplied outside France',
    source: 'CGI art. 259-1',
    titlePattern: /259[\s-]*1/,
  },
};

export function exemptionText(basis: ExemptionBasis, locale: ExportLocale): string {
  return EXEMPTIONS[basis][locale];
}

/** The basis a tax's title names (e.g. "Exonéré (art. 261-4-4° du CGI)"), or null when it names none or several. */
export function basisFromTitle(title: string): ExemptionBasis | null {
  const found = (Object.keys(EXEMPTIONS) as ExemptionBasis[]).filter((basis) => EXEMPTIONS[basis].titlePattern.test(title));
  return found.length === 1 ? found[0]! : null;
}
