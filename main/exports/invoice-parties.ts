import type { CustomerTableRow } from '../db/tables';
/**
 * The customer an invoice is addressed to: the customer's own fields, overridden field by field by the
 * invoicing details (invoiceinfo, a JSON object an organisation fills to be invoiced through its accounts
 * department). The bill's copy is preferred to the customer's: it is what was agreed when the order was placed.
 */

export type CustomerRow = Pick<
  CustomerTableRow,
  'firstname' | 'lastname' | 'email' | 'address' | 'zip' | 'city' | 'country' | 'organisation' | 'invoiceinfo'
>;

const IDENTITY_KEYS = [
  'firstname',
  'lastname',
  'email',
  'organisation',
  'department',
  'address',
  'zip',
  'city',
  'country',
  'vatnumber',
  'siren',
] as const;

export type Identity = Record<(typeof IDENTITY_KEYS)[number], string>;

export function identityOf(customer: CustomerRow | undefined, ...infos: string[]): Identity {
  const identity = Object.fromEntries(IDENTITY_KEYS.map((key) => [key, ''])) as Identity;
  if (customer) for (const key of IDENTITY_KEYS) if (key in customer) identity[key] = String(customer[key as keyof CustomerRow]);
  const info = infos.find((text) => text.trim() !== '');
  if (info) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(info);
    } catch {
      parsed = null; // Not JSON: the customer's own fields stand.
    }
    if (parsed && typeof parsed === 'object') {
      for (const key of IDENTITY_KEYS) {
        const value = (parsed as Record<string, unknown>)[key];
        if (typeof value === 'string' && value.trim() !== '') identity[key] = value.trim();
      }
    }
  }
  identity.siren = identity.siren.replace(/[\s\u00a0\u202f.]/g, '');
  return identity;
}

/**
 * A customer is a business (a professional buyer: the 40 € recovery indemnity, the SIREN of the e-invoicing
 * reform) when they buy for an organisation or give a company number; otherwise a private person.
 */
export function isBusiness(identity: Identity): boolean {
  return identity.organisation !== '' || identity.siren !== '' || identity.vatnumber !== '';
}

/** The address lines of an identity: street lines, then zip and city. */
export function addressLines(address: string, zip: string, city: string): string[] {
  return [...address.split(/\r?\n/), `${zip} ${city}`.trim()].map((line) => line.trim()).filter((line) => line !== '');
}

/**
 * The customer's own address when it differs from the one invoiced (Code de commerce L441-9: both addresses
 * when the billing address differs; for goods, the delivery address of the e-invoicing reform).
 */
export function ownAddressIfDifferent(customer: CustomerRow | undefined, invoiced: Identity): { lines: string[]; country: string } | null {
  if (!customer || customer.address.trim() === '') return null;
  const key = (address: string, zip: string, city: string, country: string) =>
    [address, zip, city, country].map((part) => part.replace(/\s+/g, ' ').trim().toLowerCase()).join('|');
  if (
    key(customer.address, customer.zip, customer.city, customer.country) ===
    key(invoiced.address, invoiced.zip, invoiced.city, invoiced.country)
  ) {
    return null;
  }
  return { lines: addressLines(customer.address, customer.zip, customer.city), country: customer.country };
}
