import type { CustomerRecord } from '../lib/shop/structures';
import type { DemoClock } from './clock';
import { companyIdentifiers, foreignOrganisationName, organisationName } from './organisations';
import { mailDomain, mailLocalPart, personName } from './people';
import type { MoodleUser } from './moodle-site';
import { address } from './places';
import { hash32, Prng, STREAM } from './prng';
import { SHOP_ID } from './shop';

/**
 * Customers, each derived from (seed, id) alone. They are created over the same 24 months as the bills, in
 * id order, so that a bill only ever names a customer that already existed when it was issued.
 */

const DAY = 86_400;

/** Moodle users 1 and 2 are the guest and the admin, 3 to 20 the training company's staff. */
const FIRST_CUSTOMER_USER_ID = 21;

/** The sub-stream of a customer's company numbers when they have no invoicing details of their own. */
const COMPANY_NUMBERS = 0x5143;

/**
 * Whether customer `id` has a Moodle account (about two in three). A hash rather than a draw from the
 * customer's stream, so that a bill can ask without generating the whole customer.
 */
export function customerHasAccount(seed: number, id: number): boolean {
  return hash32(seed, STREAM.customer, id, 0xacc) % 100 < 65;
}

/** When customer `id` was created: evenly over the period, a little before their first order could come. */
export function customerCreatedAt(clock: DemoClock, id: number, prng: Prng): number {
  const slot = clock.start + Math.floor(((id - 1) * clock.span) / clock.customers);
  return Math.max(clock.setupTime, slot - prng.int(0, 3 * DAY));
}

export function customerAt(clock: DemoClock, id: number): CustomerRecord {
  const prng = new Prng(clock.seed, STREAM.customer, id);
  const name = personName(prng);
  const place = address(prng);
  const timecreated = customerCreatedAt(clock, id, prng);
  let organisation = '';
  if (prng.chance(place.country === 'FR' ? 45 : 30)) {
    organisation =
      place.country === 'FR'
        ? organisationName(prng, name.lastname, place.city)
        : foreignOrganisationName(prng, name.lastname, place.city, place.country);
  }
  // Organisations often invoice through an accounts department at another address, with their VAT number.
  let invoiceinfo = '';
  if (organisation !== '' && prng.chance(50)) {
    const other = prng.chance(40) ? address(prng) : place;
    const ids = place.country === 'FR' ? companyIdentifiers(prng) : { siren: '', vatnumber: '' };
    invoiceinfo = JSON.stringify({
      organisation,
      department: prng.pick(['Service comptabilité', 'Direction financière', 'Ressources humaines', 'Service formation']),
      address: other.address,
      zip: other.zip,
      city: other.city,
      country: other.country,
      siren: ids.siren,
      vatnumber: ids.vatnumber,
    });
  } else if (organisation !== '' && place.country === 'FR') {
    // Every French company has a SIREN, and its invoices must print it (the e-invoicing reform). Drawn from a
    // stream of its own, so that the customer's other fields stay what they were.
    invoiceinfo = JSON.stringify(companyIdentifiers(new Prng(clock.seed, STREAM.customer, id, COMPANY_NUMBERS)));
  }
  const email = `${mailLocalPart(prng, name)}${id}@${mailDomain(prng, organisation)}`;
  const hasaccount = customerHasAccount(clock.seed, id) ? FIRST_CUSTOMER_USER_ID + id - 1 : 0;
  // Some customers corrected their details later: a higher version, a later modification time.
  const edits = prng.chance(15) ? prng.int(1, 3) : 0;
  const timemodified = edits === 0 ? timecreated : Math.min(clock.now, timecreated + prng.int(1, 200) * DAY);
  return {
    id,
    shopid: SHOP_ID,
    firstname: name.firstname,
    lastname: name.lastname,
    email,
    address: place.address,
    zip: place.zip,
    city: place.city,
    country: place.country,
    organisation,
    hasaccount,
    invoiceinfo,
    timecreated,
    version: 1 + edits,
    timemodified,
  };
}

export function* customers(clock: DemoClock): Generator<CustomerRecord> {
  for (let id = 1; id <= clock.customers; id += 1) yield customerAt(clock, id);
}

/** The Moodle account of a customer who has one, for seeding the simulated site. */
export function moodleUserOf(customer: CustomerRecord): MoodleUser | undefined {
  if (customer.hasaccount === 0) return undefined;
  return {
    id: customer.hasaccount,
    username: customer.email,
    firstname: customer.firstname,
    lastname: customer.lastname,
    email: customer.email,
  };
}
