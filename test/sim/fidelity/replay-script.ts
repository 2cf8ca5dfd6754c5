import { addServiceFunctions } from '../lib/webservice';
import { CAPTURED_SERVICE_ID } from '../seed/captured-site';
import type { SimulatedSite } from '../start-simulated-site';

/**
 * The order in which the captures are replayed against one simulated site seeded as the captured site was
 * (seed/captured-site.ts). The captures were taken in sequence on one site and many depend on earlier ones
 * (a group is created before it is listed, bo.alice is renamed "Alicia" before she is listed as enrolled), so
 * replaying them in order reproduces each one's state instead of seeding 172 snapshots.
 *
 * The order follows `captured_at`; within one second it follows what the answers and the database checks
 * prove (dave is id 7 so he was created before bo.carol's rolled-back batch used id 8; bob's FIN-PREP
 * enrolment is row 3 so the rolled-back enrolment batch came after it...). Between captures, `admin` steps
 * redo what the operator did outside the web services, each with the capture that shows it.
 */
export type Step = { capture: string } | { admin: string; run: (sim: SimulatedSite) => void | Promise<void> };

const c = (...files: string[]): Step[] => files.map((f) => ({ capture: `${f}.json` }));

const setEnrolStatus = (sim: SimulatedSite, courseid: number, enrol: string, status: number) =>
  sim.db.prepare('UPDATE mdl_enrol SET status = ? WHERE courseid = ? AND enrol = ?').run(status, courseid, enrol);

async function enrolThroughWebService(sim: SimulatedSite, userid: number, courseid: number): Promise<void> {
  const body = new URLSearchParams([
    ['wstoken', 'ADMIN_TOKEN'],
    ['wsfunction', 'enrol_manual_enrol_users'],
    ['moodlewsrestformat', 'json'],
    ['enrolments[0][roleid]', '5'],
    ['enrolments[0][userid]', String(userid)],
    ['enrolments[0][courseid]', String(courseid)],
  ]);
  const res = await fetch(`${sim.url}/webservice/rest/server.php`, { method: 'POST', body });
  if ((await res.text()) !== 'null') throw new Error('setup enrolment failed');
}

export const REPLAY: readonly Step[] = [
  { admin: 'web services not enabled yet (capture 00 was taken before enabling them)', run: (sim) => sim.setWebServicesEnabled(false) },
  ...c('00_webservices_disabled_403'),
  { admin: 'enable web services and the REST protocol', run: (sim) => sim.setWebServicesEnabled(true) },
  ...c(
    '01_generic__invalid_token',
    '02_generic__missing_token',
    '03_generic__function_not_in_service',
    '04_generic__nonexistent_function',
    '05_generic__missing_wsfunction',
    '06_generic__token_user_lacks_webservice_rest_use',
    '07_generic__xml_format_success',
    '08_generic__xml_format_error',
    '09_generic__invalid_param_type',
    '09b_generic__invalid_param_type_int',
    'core_webservice_get_site_info__ok_admin',
    'core_webservice_get_site_info__ok_limited_user',
    'core_user_create_users__ok_two_users',
    'core_user_get_users_by_field__ok_email',
    'core_user_get_users_by_field__ok_email_other_case',
    'core_user_get_users_by_field__ok_username',
    'core_user_create_users__ok_single_with_customfields_none',
    'core_user_create_users__fail_batch_atomic',
    'core_user_create_users__fail_duplicate_email',
    'core_user_create_users__fail_duplicate_email_other_case',
    'core_user_create_users__fail_duplicate_username',
    'core_user_create_users__fail_missing_capability',
    'core_user_create_users__fail_missing_required_field',
    'core_user_create_users__fail_uppercase_username',
    'core_user_create_users__fail_weak_password',
    'core_user_get_users_by_field__fail_invalid_field',
    'core_user_get_users_by_field__limited_user',
    'core_user_get_users_by_field__ok_idnumber',
    'core_user_get_users_by_field__ok_not_found',
    // The category listings show neither sub category: they ran before the creations.
    'core_course_get_categories__ok_all',
    'core_course_get_categories__ok_by_idnumber',
    'core_course_get_categories__ok_not_found',
    'core_course_get_categories__fail_invalid_key',
    'core_course_create_categories__ok',
    'core_course_create_categories__ok_duplicate_name',
    'core_course_create_categories__fail_duplicate_idnumber',
    'core_course_create_categories__fail_missing_capability',
    'core_course_create_categories__fail_nonexistent_parent',
    'core_user_update_users__ok',
    'core_user_update_users__ok_suspend',
    'core_user_update_users__duplicate_email',
    'core_user_update_users__duplicate_username',
    'core_user_update_users__mixed_batch',
    'core_user_update_users__nonexistent_id',
    'core_user_update_users__fail_missing_capability',
    'core_user_update_users__fail_missing_id',
    'core_course_create_courses__ok',
    'core_course_create_courses__fail_duplicate_idnumber',
    'core_course_create_courses__fail_duplicate_shortname',
    'core_course_create_courses__fail_missing_capability',
    'core_course_create_courses__fail_nonexistent_category',
    'core_course_get_courses_by_field__ok_all',
    'core_course_get_courses_by_field__ok_category',
    'core_course_get_courses_by_field__ok_idnumber',
    'core_course_get_courses_by_field__ok_ids',
    'core_course_get_courses_by_field__ok_not_found',
    'core_course_get_courses_by_field__ok_shortname',
    'core_course_get_courses_by_field__limited_user',
    'core_course_get_courses_by_field__fail_invalid_field',
    'core_enrol_get_course_enrolment_methods__fail_nonexistent_course',
    'core_enrol_get_course_enrolment_methods__ok',
  ),
  {
    admin: "enable FIN-PREP's self enrolment instance (id 6), as ..._ok_self_enabled says",
    run: (sim) => void setEnrolStatus(sim, 3, 'self', 0),
  },
  ...c(
    'core_enrol_get_course_enrolment_methods__ok_self_enabled',
    'enrol_manual_enrol_users__ok_first_enrolment',
    'enrol_manual_enrol_users__ok_reenrol_extend_timeend',
    'enrol_manual_enrol_users__ok_reenrol_same_values_noop',
    'enrol_manual_enrol_users__ok_reenrol_timeend_only_resets_timestart',
    'enrol_manual_enrol_users__ok_reenrol_suspend',
    'enrol_manual_enrol_users__ok_reenrol_without_suspend_reactivates',
    'enrol_manual_enrol_users__ok_reenrol_without_timeend_clears_it',
    'enrol_manual_enrol_users__ok_reenrol_other_role_adds_role',
    'enrol_manual_enrol_users__ok_two_enrolments_one_call',
    'enrol_manual_enrol_users__ok_timeend_before_timestart_accepted',
    'enrol_manual_enrol_users__ok_restore_bob_finprep',
    'enrol_manual_enrol_users__ok_suspended_user_account_accepted',
  ),
  {
    admin: "disable BO-WS1's manual enrolment instance, as ..._fail_manual_instance_disabled says",
    run: (sim) => void setEnrolStatus(sim, 4, 'manual', 1),
  },
  ...c(
    'enrol_manual_enrol_users__fail_manual_instance_disabled',
    'enrol_manual_enrol_users__fail_batch_atomic',
    'enrol_manual_enrol_users__fail_missing_capability',
    'enrol_manual_enrol_users__fail_missing_roleid',
    'enrol_manual_enrol_users__fail_nonexistent_course',
    'enrol_manual_enrol_users__fail_nonexistent_role',
    'enrol_manual_enrol_users__fail_nonexistent_user',
    'enrol_manual_enrol_users__fail_role_not_assignable',
  ),
  {
    admin: 'enrol bo.dave in FIN-PREP: core_enrol_get_enrolled_users__ok lists him there, no capture enrols him',
    run: (sim) => enrolThroughWebService(sim, 7, 3),
  },
  ...c(
    'core_enrol_get_enrolled_users__ok',
    'core_enrol_get_enrolled_users__ok_empty_course',
    'core_enrol_get_enrolled_users__ok_onlyactive',
    'core_enrol_get_enrolled_users__ok_userfields_option',
    'core_enrol_get_enrolled_users__fail_missing_capability',
    'core_enrol_get_enrolled_users__fail_nonexistent_course',
    'core_enrol_get_users_courses__ok',
    'core_enrol_get_users_courses__ok_returnusercount_0',
    'core_enrol_get_users_courses__limited_user_other_user_empty',
    'core_enrol_get_users_courses__ok_nonexistent_user_empty',
    'enrol_manual_unenrol_users__ok',
    'enrol_manual_unenrol_users__ok_not_enrolled_user',
    'enrol_manual_unenrol_users__ok_manual_instance_disabled_noop',
    'enrol_manual_unenrol_users__fail_missing_capability',
    'enrol_manual_unenrol_users__fail_nonexistent_course',
    'enrol_manual_unenrol_users__fail_nonexistent_user',
    'core_enrol_get_users_courses__ok_no_courses',
    'core_group_create_groups__fail_missing_description',
    'enrol_manual_enrol_users__fail_guest_user',
    // FIN-PREP's group is id 3: the rolled-back batch (which used an id) came after it.
    'core_group_create_groups__ok',
    'core_group_create_groups__ok_same_idnumber_other_course',
    'core_group_create_groups__fail_batch_atomic',
    'core_group_create_groups__fail_duplicate_idnumber',
    'core_group_create_groups__fail_duplicate_name',
    'core_group_create_groups__fail_missing_capability',
    'core_group_create_groups__fail_nonexistent_course',
    'core_group_get_course_groups__ok',
    'core_group_get_course_groups__ok_no_groups',
    'core_group_get_course_groups__fail_missing_capability',
    'core_group_get_course_groups__fail_nonexistent_course',
    'core_group_add_group_members__ok',
    'core_group_add_group_members__ok_already_member',
    'core_group_add_group_members__fail_user_not_enrolled',
    'core_group_add_group_members__fail_nonexistent_group',
    'core_group_add_group_members__fail_missing_capability',
    'core_group_add_group_members__fail_nonexistent_user',
    'core_group_get_group_members__ok',
    'core_group_get_group_members__fail_missing_capability',
    'core_group_get_group_members__fail_nonexistent_group',
    'core_role_assign_roles__ok_by_contextlevel_instanceid',
    'core_role_assign_roles__ok_by_contextid_again_idempotent',
    'core_role_assign_roles__ok_user_not_enrolled',
    'core_role_assign_roles__fail_missing_capability',
    'core_role_assign_roles__fail_nonexistent_context',
    'core_role_assign_roles__fail_nonexistent_instance',
    'core_role_assign_roles__fail_nonexistent_role',
    'core_role_assign_roles__fail_nonexistent_user',
    'core_role_assign_roles__fail_role_not_assignable',
    'core_role_unassign_roles__ok',
    'core_role_unassign_roles__ok_not_assigned',
    'core_role_unassign_roles__ok_user_not_enrolled_cleanup',
    'core_role_unassign_roles__fail_missing_capability',
    'core_role_unassign_roles__fail_nonexistent_context',
    'core_role_unassign_roles__fail_nonexistent_role',
    'core_role_unassign_roles__fail_role_not_assignable',
    // Developer debugging on (each capture carries its site_debug_setting; the test switches it).
    'debug__core_course_get_courses_by_field__fail_invalid_field',
    'debug__core_group_add_group_members__fail_user_not_enrolled',
    'debug__core_group_create_groups__fail_duplicate_idnumber',
    'debug__core_group_create_groups__fail_duplicate_name',
    'debug__core_role_assign_roles__fail_nonexistent_role',
    'debug__core_user_create_users__fail_duplicate_email',
    'debug__core_user_create_users__fail_duplicate_username',
    'debug__core_user_create_users__fail_missing_required_field',
    'debug__core_user_get_users_by_field__fail_invalid_field',
    'debug__enrol_manual_enrol_users__fail_missing_roleid',
    'debug__enrol_manual_enrol_users__fail_nonexistent_course',
    'debug__enrol_manual_enrol_users__fail_nonexistent_user',
    'debug__generic__function_not_in_service',
    'debug__generic__invalid_token',
    'debug__generic__nonexistent_function',
    'debug__generic__token_user_lacks_webservice_rest_use',
  ),
  {
    admin: 'install local_shop (community edition) and add its five functions to the service',
    run: (sim) => {
      sim.site.setPluginConfig('local_shop', 'version', '2025010100');
      addServiceFunctions(sim.site, CAPTURED_SERVICE_ID, [
        'local_shop_get_shop',
        'local_shop_get_catalog',
        'local_shop_get_catalogcategory',
        'local_shop_get_catalogitem',
        'local_shop_get_catalogitems',
      ]);
    },
  },
  ...c(
    'local_shop_get_shop__fail_not_available_community',
    'local_shop_get_shop__fail_missing_param',
    'local_shop_get_shop__limited_user_same_stub_error',
    'local_shop_get_catalog__fail_not_available_community',
    'local_shop_get_catalogcategory__fail_not_available_community',
    'local_shop_get_catalogitem__fail_not_available_community',
    'local_shop_get_catalogitem__fail_bad_param_type',
    'local_shop_get_catalogitems__fail_not_available_community',
    'core_enrol_get_course_enrolment_methods__fail_missing_courseid',
    'core_enrol_get_users_courses__fail_missing_userid',
    'core_webservice_get_site_info__fail_invalid_token',
  ),
  {
    admin: 'add core_user_get_users to the service and purge caches (the image URLs of 00:11:43 carry theme revision 1795306297)',
    run: (sim) => {
      addServiceFunctions(sim.site, CAPTURED_SERVICE_ID, ['core_user_get_users']);
      sim.site.setConfig('themerev', 1795306297);
    },
  },
  ...c(
    'core_user_get_users__ok_email_exact',
    'core_user_get_users__ok_email_case_insensitive',
    'core_user_get_users__ok_not_found',
    'core_user_get_users__fail_invalid_key',
  ),
];
