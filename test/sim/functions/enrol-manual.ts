import { moodleException } from '../external/exceptions';
import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { multiple, single, value, VALUE_OPTIONAL } from '../external/description';
import { PARAM_INT } from '../external/param-types';
import { assignableRoles, requireCapability, validateContext } from '../lib/access';
import { contextInstance, courseContextOrFail, CONTEXT_COURSE } from '../lib/contexts';
import { getRecord, getRecordOrFail } from '../lib/dml';
import { enrolInstances, enrolUser, ENROL_USER_ACTIVE, ENROL_USER_SUSPENDED, unenrolUser } from '../lib/enrol';
import type { EnrolRecord, UserRecord } from '../lib/records';
import { isGuestUser } from '../lib/users';
import type { MoodleSite } from '../site';

/**
 * enrol_manual_enrol_users and enrol_manual_unenrol_users. Both run in one transaction (the REST server opens
 * it around every call), so one bad item undoes the whole batch (README fact 6); both answer `null`.
 */

function noInstance(courseid: number): Error {
  return moodleException('wsnoinstance', `Manual enrolment plugin instance doesn't exist or is disabled for the course (id = ${courseid})`);
}

/** core_user::require_active_user() without the suspended check: a suspended account can be enrolled. */
function requireActiveUser(site: MoodleSite, user: UserRecord): void {
  if (user.deleted) throw moodleException('userdeleted', 'User has been deleted');
  if (!user.confirmed) throw moodleException('usernotconfirmed', `The user account for ${user.username} has not been confirmed`);
  if (isGuestUser(site, user.id)) throw moodleException('guestsarenotallowed', 'The guest user is not allowed to do this');
}

const enrolUsers = defineFunction({
  name: 'enrol_manual_enrol_users',
  component: 'enrol_manual',
  parameters: {
    enrolments: multiple(
      single({
        roleid: value(PARAM_INT, 'Role to assign to the user'),
        userid: value(PARAM_INT, 'The user that is going to be enrolled'),
        courseid: value(PARAM_INT, 'The course to enrol the user role in'),
        timestart: value(PARAM_INT, 'Timestamp when the enrolment start', VALUE_OPTIONAL),
        timeend: value(PARAM_INT, 'Timestamp when the enrolment end', VALUE_OPTIONAL),
        suspend: value(PARAM_INT, 'set to 1 to suspend the enrolment', VALUE_OPTIONAL),
      }),
    ),
  },
  returns: null,
  execute: ({ enrolments }, { site, user: caller }) => {
    for (const e of enrolments) {
      const context = contextInstance(site, CONTEXT_COURSE, e.courseid);
      validateContext(site, context, caller.id);
      requireCapability(site, 'enrol/manual:enrol', context, caller.id);
      if (!assignableRoles(site, context, caller.id).has(e.roleid)) {
        throw moodleException(
          'wsusercannotassign',
          `You don't have the permission to assign this role (${e.roleid}) to this user (${e.userid}) in this course (${e.courseid}).`,
        );
      }
      const instance = enrolInstances(site, e.courseid, true).find((i) => i.enrol === 'manual');
      if (!instance) throw noInstance(e.courseid);
      const user = getRecordOrFail<UserRecord>(site, 'user', { id: e.userid });
      requireActiveUser(site, user);
      // README fact 7: an omitted timestart or timeend is 0, an omitted suspend is "active", even on a re-enrolment.
      const status = e.suspend ? ENROL_USER_SUSPENDED : ENROL_USER_ACTIVE;
      enrolUser(site, instance, user.id, e.roleid, e.timestart ?? 0, e.timeend ?? 0, status, caller.id);
    }
    return null;
  },
});

const unenrolUsers = defineFunction({
  name: 'enrol_manual_unenrol_users',
  component: 'enrol_manual',
  parameters: {
    enrolments: multiple(
      single({
        userid: value(PARAM_INT, 'The user that is going to be unenrolled'),
        courseid: value(PARAM_INT, 'The course to unenrol the user from'),
        roleid: value(PARAM_INT, 'The user role', VALUE_OPTIONAL),
      }),
    ),
  },
  returns: null,
  execute: ({ enrolments }, { site, user: caller }) => {
    for (const e of enrolments) {
      const context = courseContextOrFail(site, e.courseid);
      validateContext(site, context, caller.id);
      requireCapability(site, 'enrol/manual:unenrol', context, caller.id);
      // Unenrolling does not need the instance to be enabled (capture ..._manual_instance_disabled_noop).
      const instance = getRecord<EnrolRecord>(site, 'enrol', { courseid: e.courseid, enrol: 'manual' });
      if (!instance) throw noInstance(e.courseid);
      const user = getRecordOrFail<UserRecord>(site, 'user', { id: e.userid });
      unenrolUser(site, instance, user.id);
    }
    return null;
  },
});

export const manualEnrolFunctions: readonly ExternalFunction[] = [enrolUsers, unenrolUsers];
