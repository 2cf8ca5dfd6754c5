/**
 * The web service functions the back-office calls, with what each is for, so that "Test connection" can
 * tell the site administrator exactly what to add to the token's service.
 */
export const REQUIRED_FUNCTIONS: readonly { name: string; purpose: string }[] = [
  { name: 'core_webservice_get_site_info', purpose: 'test the connection' },
  { name: 'core_user_get_users', purpose: 'find existing accounts by email' },
  { name: 'core_user_create_users', purpose: 'create learner and tutor accounts' },
  { name: 'core_course_get_courses_by_field', purpose: 'find courses named in product handlers' },
  { name: 'core_enrol_get_enrolled_users', purpose: 'see who is already enrolled' },
  { name: 'enrol_manual_enrol_users', purpose: 'enrol buyers and session participants' },
  { name: 'core_group_create_groups', purpose: 'create one group per training session' },
  { name: 'core_group_get_course_groups', purpose: 'reuse an existing session group' },
  { name: 'core_group_add_group_members', purpose: 'put participants in their session group' },
  { name: 'core_role_assign_roles', purpose: 'assign upgraded roles (Student+)' },
  { name: 'local_shop_get_shop', purpose: 'read the shop' },
  { name: 'local_shop_get_catalog', purpose: 'read catalogs' },
];
