/**
 * Compile-time check of the registry, run by `npm run typecheck`: if the Moodle client starts accepting a
 * function the registry does not declare, the @ts-expect-error below becomes unused and the typecheck fails.
 */
import type { MoodleClient } from './rest-client';

export async function typeChecks(client: MoodleClient): Promise<void> {
  await client.call('core_webservice_get_site_info');
  // @ts-expect-error core_course_delete_courses is not in shared/moodle/site-functions.ts
  await client.call('core_course_delete_courses');
}
