import { DEFAULT_INVOICING_SETTINGS, type InvoicingSettings } from '../../shared/contract/invoicing';

/**
 * The invoicing settings the demo company would fill in (Settings › Invoicing): what local_shop has no
 * setting for. The seller's name, address, SIREN (from "842 105 371 RCS Lyon") and VAT number come from the
 * shop's settings (test/sim/demo-data/shop.ts, SELLER_SETTINGS); the exempt tax's basis from its title.
 */
export const DEMO_INVOICING: InvoicingSettings = {
  ...DEFAULT_INVOICING_SETTINGS,
  seller: { ...DEFAULT_INVOICING_SETTINGS.seller, legalForm: 'SAS', shareCapitalCents: 5_000_000, registry: 'RCS' },
  payment: { termDays: 30, latePenaltyBasisPoints: 1200, earlyPaymentDiscountBasisPoints: 0, vatOnDebits: false },
  operations: 'both',
  /** "Livres et supports" (test/sim/demo-data/catalogs.ts): books are goods, the rest training. */
  goodsCategoryIds: [10],
};

/**
 * The same, with the seller's identity given in the settings too: for a cache filled without a sync (the
 * benchmarks write the demo data straight into it), where no get_site answer was kept.
 */
export const DEMO_INVOICING_WITH_SELLER: InvoicingSettings = {
  ...DEMO_INVOICING,
  seller: {
    ...DEMO_INVOICING.seller,
    name: 'Savoirs & Compétences',
    address: '18 quai Claude Bernard',
    zip: '69007',
    city: 'Lyon',
    country: 'FR',
    email: 'contact@savoirs-competences.example',
    siren: '842105371',
    vatnumber: 'FR13842105371',
    registryCity: 'Lyon',
  },
};
