import type { ExternalFunction } from '../external/function-registry';
import { categoryFunctions } from './course-categories';
import { courseFunctions } from './courses';
import { enrolFunctions } from './enrol';
import { manualEnrolFunctions } from './enrol-manual';
import { messageFunctions } from './messages';
import { groupFunctions } from './groups';
import { roleFunctions } from './roles';
import { shopFunctions } from './shop';
import { shopBillWriteFunctions } from './shop-bill-writes';
import { shopCatalogWriteFunctions } from './shop-catalog-writes';
import { shopEnrolmentFunctions } from './shop-enrolments';
import { shopSiteFunctions } from './shop-site';
import { shopSyncFunctions } from './shop-sync';
import { siteFunctions } from './site';
import { userFunctions } from './users';
import { userSearchFunctions } from './users-search';

/** Every function the simulated site implements, by Moodle component area. */
export const ALL_FUNCTIONS: readonly ExternalFunction[] = [
  ...siteFunctions,
  ...userFunctions,
  ...userSearchFunctions,
  ...courseFunctions,
  ...categoryFunctions,
  ...enrolFunctions,
  ...manualEnrolFunctions,
  ...groupFunctions,
  ...roleFunctions,
  ...messageFunctions,
  ...shopFunctions,
  ...shopSiteFunctions,
  ...shopEnrolmentFunctions,
  ...shopSyncFunctions,
  ...shopCatalogWriteFunctions,
  ...shopBillWriteFunctions,
];

/**
 * Functions Moodle 5.0 has that the simulator does not implement. They exist as far as the REST server is
 * concerned: outside the token's service they give `accessexception` like on the real site (capture 03); put
 * in a service and called, they fail loudly as not simulated.
 */
export const KNOWN_UNIMPLEMENTED: Readonly<Record<string, string>> = {
  core_course_delete_courses: 'core',
  core_course_update_courses: 'core',
  core_course_get_courses: 'core',
  core_course_get_contents: 'core',
  core_course_delete_categories: 'core',
  core_course_update_categories: 'core',
  core_user_delete_users: 'core',
  core_group_delete_groups: 'core',
  core_group_delete_group_members: 'core',
  core_group_update_groups: 'core',
  core_enrol_get_enrolled_users_with_capability: 'core',
  core_enrol_search_users: 'core',
  core_cohort_create_cohorts: 'core',
  core_cohort_add_cohort_members: 'core',
  enrol_self_get_instance_info: 'enrol_self',
  enrol_guest_get_instance_info: 'enrol_guest',
};
