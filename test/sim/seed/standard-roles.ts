import { CONTEXT_COURSE, CONTEXT_COURSECAT, CONTEXT_MODULE, CONTEXT_SYSTEM } from '../lib/contexts';
import { insertRecord } from '../lib/dml';
import type { MoodleSite } from '../site';

/**
 * Moodle's standard roles with their ids (student 5, editingteacher 3, teacher 4...), where each can be given,
 * whom each may give, and the capabilities the simulated functions check. Only "allow" is modelled; a
 * capability not listed is not granted. Extend a role's list when a new function checks a new capability.
 */
export interface RoleDefinition {
  id: number;
  shortname: string;
  archetype: string;
  contextlevels: number[];
  allowassign: number[];
  capabilities: string[];
}

const VIEW = ['moodle/course:viewparticipants', 'moodle/user:viewdetails'];
const TEACH = [
  ...VIEW,
  'moodle/site:accessallgroups',
  'moodle/site:viewfullnames',
  'moodle/course:viewhiddencourses',
  'moodle/course:useremail',
  'moodle/course:viewhiddenuserfields',
  'moodle/course:enrolreview',
  'moodle/site:viewuseridentity',
];
const EDIT = [
  ...TEACH,
  'moodle/course:managegroups',
  'moodle/course:update',
  'moodle/course:visibility',
  'enrol/manual:enrol',
  'enrol/manual:unenrol',
  'moodle/role:assign',
  'moodle/role:review',
];
const MANAGE = [
  ...EDIT,
  'moodle/course:view',
  'moodle/course:create',
  'moodle/category:manage',
  'moodle/category:viewhiddencategories',
  'moodle/user:create',
  'moodle/user:update',
  'moodle/user:viewalldetails',
  'moodle/user:viewhiddendetails',
  'moodle/site:viewparticipants',
];

export const STANDARD_ROLES: readonly RoleDefinition[] = [
  {
    id: 1,
    shortname: 'manager',
    archetype: 'manager',
    contextlevels: [CONTEXT_SYSTEM, CONTEXT_COURSECAT, CONTEXT_COURSE],
    allowassign: [1, 2, 3, 4, 5],
    capabilities: MANAGE,
  },
  {
    id: 2,
    shortname: 'coursecreator',
    archetype: 'coursecreator',
    contextlevels: [CONTEXT_SYSTEM, CONTEXT_COURSECAT],
    allowassign: [],
    capabilities: ['moodle/course:create', 'moodle/category:viewhiddencategories'],
  },
  {
    id: 3,
    shortname: 'editingteacher',
    archetype: 'editingteacher',
    contextlevels: [CONTEXT_COURSE, CONTEXT_MODULE],
    allowassign: [4, 5],
    capabilities: EDIT,
  },
  {
    id: 4,
    shortname: 'teacher',
    archetype: 'teacher',
    contextlevels: [CONTEXT_COURSE, CONTEXT_MODULE],
    allowassign: [],
    capabilities: TEACH,
  },
  {
    id: 5,
    shortname: 'student',
    archetype: 'student',
    contextlevels: [CONTEXT_COURSE, CONTEXT_MODULE],
    allowassign: [],
    capabilities: [...VIEW, 'moodle/course:isincompletionreports'],
  },
  { id: 6, shortname: 'guest', archetype: 'guest', contextlevels: [], allowassign: [], capabilities: [] },
  { id: 7, shortname: 'user', archetype: 'user', contextlevels: [], allowassign: [], capabilities: ['moodle/user:manageownfiles'] },
  { id: 8, shortname: 'frontpage', archetype: 'frontpage', contextlevels: [], allowassign: [], capabilities: [] },
];

export function insertRole(site: MoodleSite, role: RoleDefinition, sortorder = role.id): void {
  insertRecord(site, 'role', { id: role.id, name: '', shortname: role.shortname, description: '', sortorder, archetype: role.archetype });
  for (const contextlevel of role.contextlevels) insertRecord(site, 'role_context_levels', { roleid: role.id, contextlevel });
  for (const allowassign of role.allowassign) insertRecord(site, 'role_allow_assign', { roleid: role.id, allowassign });
  for (const capability of role.capabilities)
    insertRecord(site, 'role_capabilities', { contextid: 1, roleid: role.id, capability, permission: 1 });
}
