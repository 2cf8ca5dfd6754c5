/** The rows of the simulated site's tables, as read back from SQLite (see schema.ts). */
export interface UserRecord {
  id: number;
  auth: string;
  confirmed: number;
  policyagreed: number;
  deleted: number;
  suspended: number;
  mnethostid: number;
  username: string;
  password: string;
  idnumber: string;
  firstname: string;
  lastname: string;
  email: string;
  phone1: string;
  phone2: string;
  institution: string;
  department: string;
  address: string;
  city: string;
  country: string;
  lang: string;
  calendartype: string;
  theme: string;
  timezone: string;
  firstaccess: number;
  lastaccess: number;
  description: string | null;
  descriptionformat: number;
  mailformat: number;
  maildisplay: number;
  trackforums: number;
  timecreated: number;
  timemodified: number;
}

export interface ContextRecord {
  id: number;
  contextlevel: number;
  instanceid: number;
  path: string;
  depth: number;
}

export interface CategoryRecord {
  id: number;
  name: string;
  idnumber: string | null;
  description: string | null;
  descriptionformat: number;
  parent: number;
  sortorder: number;
  coursecount: number;
  visible: number;
  visibleold: number;
  timemodified: number;
  depth: number;
  path: string;
  theme: string | null;
}

export interface CourseRecord {
  id: number;
  category: number;
  sortorder: number;
  fullname: string;
  shortname: string;
  idnumber: string;
  summary: string | null;
  summaryformat: number;
  format: string;
  showgrades: number;
  newsitems: number;
  startdate: number;
  enddate: number;
  marker: number;
  maxbytes: number;
  legacyfiles: number;
  showreports: number;
  visible: number;
  groupmode: number;
  groupmodeforce: number;
  defaultgroupingid: number;
  lang: string;
  calendartype: string;
  theme: string;
  timecreated: number;
  timemodified: number;
  requested: number;
  enablecompletion: number;
  completionnotify: number;
  cacherev: number;
  showactivitydates: number;
  showcompletionconditions: number | null;
}

export interface RoleRecord {
  id: number;
  name: string;
  shortname: string;
  sortorder: number;
  archetype: string;
}

export interface RoleAssignmentRecord {
  id: number;
  roleid: number;
  contextid: number;
  userid: number;
  timemodified: number;
  component: string;
  itemid: number;
  sortorder: number;
}

export interface EnrolRecord {
  id: number;
  enrol: string;
  status: number;
  courseid: number;
  sortorder: number;
  name: string | null;
  password: string | null;
  roleid: number | null;
  customint6: number | null;
}

export interface UserEnrolmentRecord {
  id: number;
  status: number;
  enrolid: number;
  userid: number;
  timestart: number;
  timeend: number;
  timecreated: number;
  timemodified: number;
}

export interface GroupRecord {
  id: number;
  courseid: number;
  idnumber: string;
  name: string;
  description: string | null;
  descriptionformat: number;
  enrolmentkey: string | null;
  visibility: number;
  participation: number;
}

export interface ServiceRecord {
  id: number;
  name: string;
  enabled: number;
  requiredcapability: string | null;
  restrictedusers: number;
  downloadfiles: number;
  uploadfiles: number;
}

export interface TokenRecord {
  id: number;
  token: string;
  tokentype: number;
  userid: number;
  externalserviceid: number;
  iprestriction: string | null;
  validuntil: number;
}
