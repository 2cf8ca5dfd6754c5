/**
 * Every Moodle web service function the back-office calls, with the feature that needs it and what for. The
 * Moodle client accepts only these names (`SiteFunction`), so a call to an undeclared function fails the
 * typecheck, and "Test connection" checks this whole list: what the token's service lacks is reported by
 * feature, so the operator knows what still works.
 */

/** What the operator can do with the back-office, as far as the site's functions are concerned. */
export const FEATURES = [
  'connection',
  'sync',
  'billActions',
  'lettering',
  'customerEditing',
  'catalogEditing',
  'handlerCheck',
  'production',
  'sessions',
  'roles',
  'audit',
  'reminders',
] as const;
export type Feature = (typeof FEATURES)[number];

/** The plugin that serves the shop's functions (moodle-plugin/, docs/moodle-plugin.md). */
export const SHOP_PLUGIN = 'local_shopbackoffice';
/** The capability the token's user needs for every shop function (db/access.php). */
export const SHOP_CAPABILITY = 'local/shopbackoffice:use';
/** The ready-made service the plugin declares (db/services.php), holding every function below. */
export const SHOP_SERVICE = { name: 'Shop back-office', shortname: 'local_shopbackoffice' } as const;

export interface SiteFunctionSpec {
  /** The features that cannot work without it. */
  features: readonly Feature[];
  /** What the back-office calls it for, in English (the renderer has translations: `fn.<name>`). */
  purpose: string;
  /**
   * The function looks records up by the ids it is given: `invalidrecord` from it may mean a missing record.
   * For the others (no record parameter), `invalidrecord` can only mean that the function itself does not
   * exist on the site (moodle-ws README, facts 4 and 4.5).
   */
  readsRecords: boolean;
}

export const SITE_FUNCTIONS = {
  core_webservice_get_site_info: { features: ['connection'], purpose: 'test the connection', readsRecords: false },
  local_shopbackoffice_get_site: { features: ['sync'], purpose: 'know which site the cache belongs to', readsRecords: false },
  local_shopbackoffice_sync_shops: { features: ['sync'], purpose: 'sync the shops', readsRecords: false },
  local_shopbackoffice_sync_taxes: { features: ['sync'], purpose: 'sync the taxes', readsRecords: false },
  local_shopbackoffice_sync_catalogs: { features: ['sync'], purpose: 'sync the catalogs', readsRecords: false },
  local_shopbackoffice_sync_categories: { features: ['sync'], purpose: 'sync the catalog categories', readsRecords: false },
  local_shopbackoffice_sync_catalogitems: { features: ['sync'], purpose: 'sync the products of the catalogs', readsRecords: false },
  local_shopbackoffice_sync_customers: { features: ['sync'], purpose: 'sync the customers', readsRecords: false },
  local_shopbackoffice_sync_bills: { features: ['sync'], purpose: 'sync the bills', readsRecords: false },
  local_shopbackoffice_sync_products: { features: ['sync'], purpose: 'sync what customers own', readsRecords: false },
  local_shopbackoffice_sync_productevents: { features: ['sync'], purpose: 'sync the product history', readsRecords: false },
  local_shopbackoffice_get_enrolments: {
    features: ['audit'],
    purpose: 'compare what customers bought with their enrolments',
    readsRecords: true,
  },
  local_shopbackoffice_transition_bill: { features: ['billActions'], purpose: 'move bills between states', readsRecords: true },
  local_shopbackoffice_record_payment: { features: ['billActions'], purpose: 'record offline payments', readsRecords: true },
  local_shopbackoffice_record_refund: { features: ['billActions'], purpose: 'issue credit notes and record refunds', readsRecords: true },
  local_shopbackoffice_set_bill_lettering: { features: ['lettering'], purpose: 'record the formal invoice number', readsRecords: true },
  local_shopbackoffice_update_customer: { features: ['customerEditing'], purpose: 'push invoicing details', readsRecords: true },
  local_shopbackoffice_save_catalog: { features: ['catalogEditing'], purpose: 'push catalog edits', readsRecords: true },
  local_shopbackoffice_delete_catalog: { features: ['catalogEditing'], purpose: 'delete catalogs', readsRecords: true },
  local_shopbackoffice_save_category: { features: ['catalogEditing'], purpose: 'push category edits', readsRecords: true },
  local_shopbackoffice_delete_category: { features: ['catalogEditing'], purpose: 'delete categories', readsRecords: true },
  local_shopbackoffice_save_catalogitem: { features: ['catalogEditing'], purpose: 'push product edits', readsRecords: true },
  local_shopbackoffice_delete_catalogitem: { features: ['catalogEditing'], purpose: 'delete products', readsRecords: true },
  local_shopbackoffice_record_production: { features: ['production'], purpose: 'record what handlers produced', readsRecords: true },
  core_course_get_courses_by_field: {
    features: ['production', 'handlerCheck', 'audit'],
    purpose: 'find the courses named in product handlers',
    readsRecords: false,
  },
  core_enrol_get_course_enrolment_methods: {
    features: ['handlerCheck'],
    purpose: "check a product's enrolment method in its course",
    readsRecords: true,
  },
  core_user_get_users: { features: ['production', 'audit'], purpose: 'find existing accounts by email', readsRecords: false },
  core_user_create_users: { features: ['production'], purpose: 'create learner and tutor accounts', readsRecords: false },
  core_enrol_get_enrolled_users: { features: ['production'], purpose: 'see who is already enrolled', readsRecords: true },
  enrol_manual_enrol_users: { features: ['production'], purpose: 'enrol buyers and session participants', readsRecords: true },
  core_user_get_users_by_field: {
    features: ['production', 'sessions', 'roles', 'audit'],
    purpose: "check a new account's username is free; find a role's beneficiary by username",
    readsRecords: false,
  },
  core_group_create_groups: { features: ['sessions'], purpose: 'create one group per training session', readsRecords: true },
  core_group_get_course_groups: { features: ['sessions', 'audit'], purpose: 'reuse an existing session group', readsRecords: true },
  core_group_add_group_members: { features: ['sessions'], purpose: 'put participants in their session group', readsRecords: true },
  core_role_assign_roles: { features: ['roles'], purpose: 'assign upgraded roles (Student+)', readsRecords: true },
  core_message_send_instant_messages: {
    features: ['reminders'],
    purpose: "send payment and renewal reminders to customers' Moodle accounts",
    readsRecords: false,
  },
} as const satisfies Record<string, SiteFunctionSpec>;

/** A function the back-office may call: the Moodle client's `call` takes nothing else. */
export type SiteFunction = keyof typeof SITE_FUNCTIONS;

export const SITE_FUNCTION_NAMES = Object.keys(SITE_FUNCTIONS) as SiteFunction[];

export function isSiteFunction(name: string): name is SiteFunction {
  return Object.prototype.hasOwnProperty.call(SITE_FUNCTIONS, name);
}

/** The plugin's own functions: missing all at once, they say the plugin is not installed, not a service gap. */
export function isShopFunction(name: string): boolean {
  return name.startsWith(`${SHOP_PLUGIN}_`);
}

/** The functions a feature needs, in the registry's order. */
export function functionsOf(feature: Feature): SiteFunction[] {
  return SITE_FUNCTION_NAMES.filter((name) => (SITE_FUNCTIONS[name].features as readonly Feature[]).includes(feature));
}
