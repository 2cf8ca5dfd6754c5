import { luhnValid, type EffectiveSeller, type InvoicingSettings, type SiteSeller } from '../../shared/contract/invoicing';

/**
 * The seller an invoice names: the shop's settings (local_shop keeps one company registration number,
 * `sellerID`, often written "123 456 789 RCS Lyon" or as a 14-digit SIRET), each field overridden by the
 * profile's invoicing settings when they give it. What local_shop has no setting for (legal form, share
 * capital) comes from the profile's settings alone.
 */
export function effectiveSeller(site: SiteSeller | null, settings: InvoicingSettings): EffectiveSeller {
  const own = settings.seller;
  const pick = (mine: string, theirs: string | undefined) => (mine.trim() !== '' ? mine.trim() : (theirs ?? '').trim());
  const registration = parseRegistration(site?.registration ?? '');
  const address = pick(own.address, site?.address);
  const zip = pick(own.zip, site?.zip);
  const city = pick(own.city, site?.city);
  const country = pick(own.country, site?.country).toUpperCase();
  const billing = site
    ? {
        address: site.billingaddress.trim(),
        zip: site.billingzip.trim(),
        city: site.billingcity.trim(),
        country: site.billingcountry.trim(),
      }
    : null;
  const billingDiffers =
    billing !== null &&
    billing.address !== '' &&
    (normalised(billing.address) !== normalised(address) ||
      normalised(billing.zip) !== normalised(zip) ||
      normalised(billing.city) !== normalised(city));
  return {
    name: pick(own.name, site?.name),
    address,
    zip,
    city,
    country,
    email: pick(own.email, site?.email),
    phone: pick(own.phone, site?.supportphone),
    siren: pick(own.siren, registration.siren),
    vatnumber: pick(own.vatnumber, site?.vatnumber).replace(/\s+/g, '').toUpperCase(),
    legalForm: own.legalForm.trim(),
    shareCapitalCents: own.shareCapitalCents,
    registry: own.registry,
    registryCity: pick(own.registryCity, registration.registryCity),
    billing: billingDiffers ? { ...billing, country: billing.country.toUpperCase() } : null,
  };
}

/**
 * The SIREN and the registry's city in local_shop's one registration field: "123 456 789 RCS Lyon", a SIRET
 * (the SIREN is its first 9 digits), a bare SIREN. Only a number whose check digit holds is taken.
 */
export function parseRegistration(registration: string): { siren: string; registryCity: string } {
  const digits = (/\d[\d\s\u00a0\u202f.]{7,20}\d/.exec(registration)?.[0] ?? '').replace(/\D/g, '');
  let siren = '';
  if (digits.length === 9 && luhnValid(digits)) siren = digits;
  else if (digits.length === 14 && luhnValid(digits) && luhnValid(digits.slice(0, 9))) siren = digits.slice(0, 9);
  const city = /\bR\.?C\.?S\.?\s+(?:de\s+)?([\p{L}][\p{L}' -]*[\p{L}])/u.exec(registration)?.[1] ?? '';
  return { siren, registryCity: city.trim() };
}

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Legal forms of companies, which must print their share capital (Code de commerce R123-237, 4°). */
const COMPANY_WITH_CAPITAL = /^(SA|SAS|SASU|SARL|EURL|SNC|SCA|SCS|SE|SEL\w*|SCOP\w*|SCIC\w*|SEM|société)\b/i;

export function needsShareCapital(legalForm: string): boolean {
  return COMPANY_WITH_CAPITAL.test(legalForm.trim());
}
