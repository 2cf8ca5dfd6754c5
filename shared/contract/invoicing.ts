import { z } from 'zod';
import { command } from './define';

/**
 * What a French invoice must say that the shop does not know (docs/invoice-mentions.md). The seller's
 * identity comes from the shop (local_shop's settings, as local_shopbackoffice_get_site answers them, kept in
 * the cache at every sync); these settings, kept per site profile, fill what local_shop lacks (legal form,
 * share capital, registry city, payment terms, the nature of what is sold, the legal basis of each
 * exemption) and may override what it has. An empty text takes the shop's value.
 */

/** The legal bases of a 0 % line that the invoices can name (shared/invoicing/exemptions.ts has their words). */
export const exemptionBases = ['training', 'franchise', 'reverseCharge', 'intraEuGoods', 'export', 'outsideEu'] as const;
export const exemptionBasisSchema = z.enum(exemptionBases);
export type ExemptionBasis = z.infer<typeof exemptionBasisSchema>;

/** Where a company is registered: the trade register (RCS), the trades register (RM), or neither (an association). */
export const registrySchema = z.enum(['RCS', 'RM', 'none']);

/** A 9-digit SIREN, spaces allowed when typed, checked with its Luhn key (INSEE). */
export const sirenSchema = z
  .string()
  .transform((value) => value.replace(/[\s\u00a0\u202f.]/g, ''))
  .refine((value) => value === '' || (/^\d{9}$/.test(value) && luhnValid(value)), 'A SIREN has 9 digits, with a valid check digit');

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const text = (max: number) => z.string().trim().max(max);

export const invoicingSettingsSchema = z.object({
  seller: z.object({
    name: text(255),
    address: text(500),
    zip: text(20),
    city: text(120),
    /** ISO 3166 code (FR), or empty. */
    country: z
      .string()
      .trim()
      .transform((value) => value.toUpperCase())
      .refine((value) => value === '' || /^[A-Z]{2}$/.test(value), 'A country is a two-letter code such as FR'),
    email: text(255),
    phone: text(40),
    siren: sirenSchema,
    vatnumber: z
      .string()
      .transform((value) => value.replace(/[\s\u00a0\u202f.-]/g, '').toUpperCase())
      .refine((value) => value === '' || /^[A-Z]{2}[0-9A-Z]{2,13}$/.test(value), 'A VAT number starts with two letters (FR12345678901)'),
    legalForm: text(80),
    /** Integer cents of euros; null when not given. */
    shareCapitalCents: z.number().int().nonnegative().max(1e15).nullable(),
    registry: registrySchema,
    registryCity: text(120),
  }),
  payment: z.object({
    /** Days from the issue date to the due date: at most 60 (Code de commerce L441-10). */
    termDays: z.number().int().min(0).max(60),
    /** The yearly late-payment penalty rate, in basis points (1200 = 12 %); null when not given. */
    latePenaltyBasisPoints: z.number().int().min(1).max(100_000).nullable(),
    /** The discount for early payment, in basis points; 0 = none is granted (which the invoice says); null when not given. */
    earlyPaymentDiscountBasisPoints: z.number().int().min(0).max(10_000).nullable(),
    /** The seller opted to pay VAT on debits (CGI art. 269-2-c): the invoice must say so. */
    vatOnDebits: z.boolean(),
  }),
  /** What the shop sells: the nature of the operations an invoice states; null when not given. */
  operations: z.enum(['services', 'goods', 'both']).nullable(),
  /** With 'both': the catalog categories whose items are goods (and their subcategories); the rest are services. */
  goodsCategoryIds: z.array(z.number().int().positive()).max(1000),
  /** The legal basis of each tax of the shop at 0 %, by tax id; a tax not listed is read from its title when it names one. */
  exemptions: z.array(z.object({ taxId: z.number().int().positive(), basis: exemptionBasisSchema })).max(500),
});
export type InvoicingSettings = z.infer<typeof invoicingSettingsSchema>;

export const DEFAULT_INVOICING_SETTINGS: InvoicingSettings = {
  seller: {
    name: '',
    address: '',
    zip: '',
    city: '',
    country: '',
    email: '',
    phone: '',
    siren: '',
    vatnumber: '',
    legalForm: '',
    shareCapitalCents: null,
    registry: 'RCS',
    registryCity: '',
  },
  payment: { termDays: 30, latePenaltyBasisPoints: null, earlyPaymentDiscountBasisPoints: null, vatOnDebits: false },
  operations: null,
  goodsCategoryIds: [],
  exemptions: [],
};

/**
 * A mandatory mention an invoice cannot print because nothing gives it. `mention` is stable (the window
 * translates it, docs/invoice-mentions.md lists them); the other fields say where to fill it in.
 */
export const missingMentionSchema = z.object({
  mention: z.enum([
    'seller.name',
    'seller.address',
    'seller.siren',
    'seller.vatnumber',
    'seller.legalForm',
    'seller.shareCapital',
    'seller.registryCity',
    'payment.latePenalty',
    'payment.earlyPaymentDiscount',
    'operations',
    'tax.exemption',
    'customer.name',
    'customer.address',
    'customer.siren',
  ]),
  /** Where to fill it in: the invoicing settings (Settings), the shop's tax, or the customer's invoicing details. */
  where: z.enum(['settings', 'customer']),
  /** For tax.exemption: the tax of the shop. */
  tax: z.object({ id: z.number().int(), title: z.string() }).optional(),
  /** For customer.*: the customer, and the bills of the export that need it. */
  customer: z.object({ id: z.number().int(), name: z.string() }).optional(),
  billIds: z.array(z.number().int()).optional(),
});
export type MissingMention = z.infer<typeof missingMentionSchema>;

/** The seller's identity of the shop's settings, as get_site answered at the last sync. */
export const siteSellerSchema = z.object({
  name: z.string(),
  address: z.string(),
  zip: z.string(),
  city: z.string(),
  country: z.string(),
  email: z.string(),
  supportemail: z.string(),
  supportphone: z.string(),
  registration: z.string(),
  vatnumber: z.string(),
  billingaddress: z.string(),
  billingzip: z.string(),
  billingcity: z.string(),
  billingcountry: z.string(),
});
export type SiteSeller = z.infer<typeof siteSellerSchema>;

/** The seller as the invoices print it: the shop's settings, overridden by the profile's. */
export const effectiveSellerSchema = z.object({
  name: z.string(),
  address: z.string(),
  zip: z.string(),
  city: z.string(),
  country: z.string(),
  email: z.string(),
  phone: z.string(),
  siren: z.string(),
  vatnumber: z.string(),
  legalForm: z.string(),
  shareCapitalCents: z.number().int().nullable(),
  registry: registrySchema,
  registryCity: z.string(),
  /** The shop's billing address, when it differs from its address (Code de commerce L441-9). */
  billing: z.object({ address: z.string(), zip: z.string(), city: z.string(), country: z.string() }).nullable(),
});
export type EffectiveSeller = z.infer<typeof effectiveSellerSchema>;

const invoicingViewSchema = z.object({
  profileId: z.string(),
  settings: invoicingSettingsSchema,
  /** null before the first sync with a plugin that reports it. */
  site: z.object({ seller: siteSellerSchema, readAt: z.number().int() }).nullable(),
  seller: effectiveSellerSchema,
  /** The mentions every invoice would lack with these settings (a customer's own gaps show at export). */
  missing: z.array(missingMentionSchema),
  /** The shop's taxes at 0 %, with the basis the invoices name for each (null: none, an export is refused). */
  zeroRateTaxes: z.array(
    z.object({ id: z.number().int(), title: z.string(), basis: exemptionBasisSchema.nullable(), fromTitle: z.boolean() }),
  ),
  /** The catalogs' categories, for choosing which sell goods. */
  categories: z.array(z.object({ id: z.number().int(), name: z.string(), catalog: z.string(), parentid: z.number().int() })),
});
export type InvoicingView = z.infer<typeof invoicingViewSchema>;

export const invoicingCommands = {
  'invoicing.settings': command(
    "The active site profile's invoicing settings, the shop's seller identity and what invoices would still lack",
    z.object({}).strict(),
    invoicingViewSchema,
  ),
  'invoicing.updateSettings': command(
    "Replace the active site profile's invoicing settings; answers as invoicing.settings",
    z.object({ settings: invoicingSettingsSchema }).strict(),
    invoicingViewSchema,
  ),
};
