import { invalidParameter } from '../external/exceptions';
import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { formatValue, multiple, single, value, VALUE_DEFAULT, VALUE_OPTIONAL } from '../external/description';
import { PARAM_ALPHANUMEXT, PARAM_BOOL, PARAM_INT, PARAM_RAW, PARAM_TEXT } from '../external/param-types';
import { requireCapability, validateCourseContext } from '../lib/access';
import { contextInstance, CONTEXT_COURSE } from '../lib/contexts';
import { getRecord, getRecordOrFail } from '../lib/dml';
import { isEnrolled } from '../lib/enrol';
import { addGroupMember, courseGroups, createGroup, groupMemberIds } from '../lib/groups';
import type { GroupRecord } from '../lib/records';

/** core_group_* functions. Every one checks the course context and rethrows as errorcoursecontextnotvalid. */

const groupStructure = single({
  id: value(PARAM_INT, 'group record id'),
  courseid: value(PARAM_INT, 'id of course'),
  name: value(PARAM_TEXT, 'multilang compatible name, course unique'),
  description: value(PARAM_RAW, 'group description text'),
  descriptionformat: formatValue('description'),
  enrolmentkey: value(PARAM_RAW, 'group enrol secret phrase'),
  idnumber: value(PARAM_RAW, 'id number'),
  visibility: value(
    PARAM_INT,
    'group visibility mode. 0 = Visible to all. 1 = Visible to members. 2 = See own membership. 3 = Membership is hidden.',
  ),
  participation: value(PARAM_BOOL, 'participation mode'),
  customfields: multiple(
    single({
      shortname: value(PARAM_ALPHANUMEXT, 'The shortname of the custom field'),
      value: value(PARAM_RAW, 'The value of the custom field'),
    }),
    'Custom fields',
    VALUE_OPTIONAL,
  ),
});

const createGroups = defineFunction({
  name: 'core_group_create_groups',
  component: 'core',
  parameters: {
    groups: multiple(
      single({
        courseid: value(PARAM_INT, 'id of course'),
        name: value(PARAM_TEXT, 'multilang compatible name, course unique'),
        // Required, though it may be empty: README fact 9.
        description: value(PARAM_RAW, 'group description text'),
        descriptionformat: formatValue('description', VALUE_DEFAULT),
        enrolmentkey: value(PARAM_RAW, 'group enrol secret phrase', VALUE_OPTIONAL),
        idnumber: value(PARAM_RAW, 'id number', VALUE_OPTIONAL),
        visibility: value(
          PARAM_INT,
          'group visibility mode. 0 = Visible to all. 1 = Visible to members. 2 = See own membership. 3 = Membership is hidden. default: 0',
          VALUE_DEFAULT,
          0,
        ),
        participation: value(
          PARAM_BOOL,
          'activity participation enabled? Only for "all" and "members" visibility. Default true.',
          VALUE_DEFAULT,
          true,
        ),
        customfields: multiple(
          single({
            shortname: value(PARAM_ALPHANUMEXT, 'The shortname of the custom field'),
            value: value(PARAM_RAW, 'The value of the custom field'),
          }),
          'Custom fields for the group',
          VALUE_OPTIONAL,
        ),
      }),
      'List of group object. A group has a courseid, a name, a description and an enrolment key.',
    ),
  },
  returns: multiple(groupStructure, 'List of group object. A group has an id, a courseid, a name, a description and an enrolment key.'),
  execute: ({ groups }, { site, user }) => {
    const created: Record<string, unknown>[] = [];
    for (const group of groups) {
      if (group.name.trim() === '') throw invalidParameter('Invalid group name');
      // Checked before the course context: an existing name is `invalidparameter`, not `idnumbertaken`.
      if (getRecord(site, 'groups', { courseid: group.courseid, name: group.name })) {
        throw invalidParameter('Group with the same name already exists in the course');
      }
      const context = validateCourseContext(site, contextInstance(site, CONTEXT_COURSE, group.courseid), group.courseid, user.id);
      requireCapability(site, 'moodle/course:managegroups', context, user.id);
      const id = createGroup(site, group);
      created.push({ ...group, id, enrolmentkey: group.enrolmentkey ?? '', idnumber: group.idnumber ?? '' });
    }
    return created;
  },
});

const getCourseGroups = defineFunction({
  name: 'core_group_get_course_groups',
  component: 'core',
  parameters: { courseid: value(PARAM_INT, 'id of course') },
  returns: multiple(groupStructure),
  execute: ({ courseid }, { site, user }) => {
    const context = validateCourseContext(site, contextInstance(site, CONTEXT_COURSE, courseid), courseid, user.id);
    requireCapability(site, 'moodle/course:managegroups', context, user.id);
    return courseGroups(site, courseid).map((g) => ({ ...g, description: g.description ?? '', descriptionformat: 1 }));
  },
});

const addGroupMembers = defineFunction({
  name: 'core_group_add_group_members',
  component: 'core',
  parameters: {
    members: multiple(single({ groupid: value(PARAM_INT, 'group record id'), userid: value(PARAM_INT, 'user id') })),
  },
  returns: null,
  execute: ({ members }, { site, user }) => {
    for (const member of members) {
      const group = getRecordOrFail<GroupRecord>(site, 'groups', { id: member.groupid });
      // $CFG->mnet_localhost_id is a string, which is how the SQL parameters read in debuginfo.
      getRecordOrFail(site, 'user', { id: member.userid, deleted: 0, mnethostid: '1' });
      const context = validateCourseContext(site, contextInstance(site, CONTEXT_COURSE, group.courseid), group.courseid, user.id);
      requireCapability(site, 'moodle/course:managegroups', context, user.id);
      if (!isEnrolled(site, group.courseid, member.userid)) throw invalidParameter('Only enrolled users may be members of groups');
      addGroupMember(site, group.id, member.userid);
    }
    return null;
  },
});

const getGroupMembers = defineFunction({
  name: 'core_group_get_group_members',
  component: 'core',
  parameters: { groupids: multiple(value(PARAM_INT, 'Group ID')) },
  returns: multiple(single({ groupid: value(PARAM_INT, 'group record id'), userids: multiple(value(PARAM_INT, 'user id')) })),
  execute: ({ groupids }, { site, user }) =>
    groupids.map((groupid) => {
      const group = getRecordOrFail<GroupRecord>(site, 'groups', { id: groupid }, 'id, courseid, name, enrolmentkey');
      const context = validateCourseContext(site, contextInstance(site, CONTEXT_COURSE, group.courseid), group.courseid, user.id);
      requireCapability(site, 'moodle/course:managegroups', context, user.id);
      return { groupid, userids: groupMemberIds(site, group.id) };
    }),
});

export const groupFunctions: readonly ExternalFunction[] = [createGroups, getCourseGroups, addGroupMembers, getGroupMembers];
