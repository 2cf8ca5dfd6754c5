import { codingException, invalidParameter, moodleException } from '../external/exceptions';
import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { multiple, single, value, warnings } from '../external/description';
import {
  cleanParam,
  phpEmpty,
  phpString,
  PARAM_ALPHA,
  PARAM_INT,
  PARAM_NOTAGS,
  PARAM_PLUGIN,
  PARAM_RAW,
  PARAM_RAW_TRIMMED,
  PARAM_USERNAME,
  type ParamType,
} from '../external/param-types';
import { validateContext } from '../lib/access';
import { systemContextOf } from '../lib/contexts';
import type { UserRecord } from '../lib/records';
import { userDetailsThroughCourses } from '../lib/user-details';
import { userDescription } from './user-descriptions';

/**
 * core_user_get_users_by_field and core_user_get_users. Both leave out, without a word, the users the caller
 * may not see; they differ on email: exact and case-sensitive here, case-insensitive LIKE there (README fact 8).
 */

/** The PARAM type of a user table field (core_user::get_property_type()). */
const PROPERTY_TYPES: Record<string, ParamType> = {
  id: PARAM_INT,
  idnumber: PARAM_RAW,
  username: PARAM_USERNAME,
  email: PARAM_RAW_TRIMMED,
};

const getUsersByField = defineFunction({
  name: 'core_user_get_users_by_field',
  component: 'core',
  parameters: {
    field: value(PARAM_ALPHA, 'the search field can be "id" or "idnumber" or "username" or "email"'),
    values: multiple(value(PARAM_RAW, 'the value to match')),
  },
  returns: multiple(userDescription),
  execute: ({ field, values }, { site, user: caller }) => {
    const type = PROPERTY_TYPES[field];
    if (!type)
      throw codingException(
        'invalid field parameter',
        `The search field '${field}' is not supported, look at the web service documentation`,
      );
    const cleaned = values.map((v) => {
      const c = cleanParam(v, type);
      if (phpString(c) !== v) throw invalidParameter(`The field '${field}' value is invalid: ${v}(cleaned value: ${phpString(c)})`);
      return c;
    });
    // get_records_list(): SQL IN, so the email match is case-sensitive here (README fact 8).
    const users =
      cleaned.length === 0
        ? []
        : (site.db
            .prepare(`SELECT * FROM mdl_user WHERE ${field} IN (${cleaned.map(() => '?').join(', ')}) ORDER BY id`)
            .all(...cleaned.map((c) => (typeof c === 'boolean' ? Number(c) : c))) as UserRecord[]);
    validateContext(site, systemContextOf(site), caller.id);
    // A user the caller may not see is left out silently: the limited token gets [] (README fact 11).
    return users.map((u) => userDetailsThroughCourses(site, caller.id, u)).filter((d) => d !== null && !phpEmpty(d[field]));
  },
});

const SEARCHABLE: Record<string, { type: ParamType; like: boolean }> = {
  id: { type: PARAM_INT, like: false },
  idnumber: { type: PARAM_RAW, like: false },
  username: { type: PARAM_USERNAME, like: false },
  email: { type: PARAM_RAW_TRIMMED, like: true },
  auth: { type: PARAM_PLUGIN, like: false },
  lastname: { type: PARAM_NOTAGS, like: true },
  firstname: { type: PARAM_NOTAGS, like: true },
};

const getUsers = defineFunction({
  name: 'core_user_get_users',
  component: 'core',
  parameters: {
    criteria: multiple(
      single({
        key: value(
          PARAM_ALPHA,
          'the user column to search, expected keys (value format) are: id, lastname, firstname, idnumber, username, email, auth',
        ),
        value: value(PARAM_RAW, 'the value to search'),
      }),
    ),
  },
  returns: single({ users: multiple(userDescription), warnings: warnings() }),
  execute: ({ criteria }, { site, user: caller }) => {
    validateContext(site, systemContextOf(site), caller.id);
    const where = ['deleted = 0'];
    const params: (string | number)[] = [];
    const used = new Set<string>();
    const searched: string[] = [];
    const found: { item: string; warningcode: string; message: string }[] = [];
    for (const { key, value: raw } of criteria) {
      if (used.has(key)) throw moodleException('keyalreadyset', 'Key already set', `The key ${key} can only be sent once`);
      used.add(key);
      const search = SEARCHABLE[key];
      if (!search) {
        // An unknown key is not an error: it is ignored with a warning and every user is listed (README fact 8).
        found.push({
          item: key,
          warningcode: 'invalidfieldparameter',
          message: `The search key '${key}' is not supported, look at the web service documentation`,
        });
        continue;
      }
      const cleaned = cleanParam(raw, search.type);
      // sql_like($field, $param, false): case-insensitive, and % or _ in the value act as wildcards.
      where.push(search.like ? `${key} LIKE ? ESCAPE '\\'` : `${key} = ?`);
      params.push(typeof cleaned === 'boolean' ? Number(cleaned) : cleaned);
      searched.push(key);
    }
    const users = site.db.prepare(`SELECT * FROM mdl_user WHERE ${where.join(' AND ')} ORDER BY id ASC`).all(...params) as UserRecord[];
    const visible = users
      .map((u) => userDetailsThroughCourses(site, caller.id, u))
      .filter((d): d is Record<string, unknown> => d !== null && searched.every((key) => !phpEmpty(d[key])));
    return { users: visible, warnings: found };
  },
});

export const userSearchFunctions: readonly ExternalFunction[] = [getUsersByField, getUsers];
