import type { CustomerRecord } from './structures';
import { isValidEmail } from '../../external/param-types';
import type { MoodleSite } from '../../site';
import { updateVersioned } from './db';
import { shopException } from './exceptions';
import { applied, checkBase, type VersionedAnswer } from './versioned';

/**
 * local_shopbackoffice_update_customer: the customer's identity and addresses. The shop and the linked Moodle account
 * are not the back-office's to change, nor is the creation time; customers are created by the shop's
 * checkout, so there is no creation here.
 */
export type CustomerInput = Omit<CustomerRecord, 'shopid' | 'hasaccount' | 'timecreated' | 'version' | 'timemodified'>;

export function updateCustomer(site: MoodleSite, baseversion: number, input: CustomerInput): VersionedAnswer<CustomerRecord> {
  const base = checkBase(site, 'customers', input.id, baseversion);
  if ('answer' in base) return base.answer;
  if (!isValidEmail(input.email)) throw shopException('invalidemail', input.email);
  const { id, ...fields } = input;
  updateVersioned(site, 'local_shop_customer', id, fields);
  return applied(site, 'customers', id);
}
