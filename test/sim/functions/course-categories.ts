import { moodleException } from '../external/exceptions';
import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { formatValue, multiple, single, value, VALUE_DEFAULT, VALUE_OPTIONAL } from '../external/description';
import { cleanParam, PARAM_ALPHA, PARAM_BOOL, PARAM_INT, PARAM_RAW, PARAM_TEXT, PARAM_THEME, phpString } from '../external/param-types';
import { hasCapability, requireCapability, validateContext } from '../lib/access';
import { contextInstance, CONTEXT_COURSECAT, CONTEXT_SYSTEM, systemContextOf } from '../lib/contexts';
import { createCategory } from '../lib/courses';
import { recordExists } from '../lib/dml';
import type { CategoryRecord } from '../lib/records';

/** core_course_get_categories and core_course_create_categories. */

function criteriaError(debuginfo: string): Error {
  return moodleException('criteriaerror', 'Missing permissions to search on a criterion.', debuginfo);
}

const getCategories = defineFunction({
  name: 'core_course_get_categories',
  component: 'core',
  parameters: {
    criteria: multiple(
      single({
        key: value(
          PARAM_ALPHA,
          'The category column to search, expected keys (value format) are: id, ids, name, parent, idnumber, visible, theme',
        ),
        value: value(PARAM_RAW, 'the value to match'),
      }),
      'criteria',
      VALUE_DEFAULT,
      [],
    ),
    addsubcategories: value(
      PARAM_BOOL,
      'return the sub categories infos (1 - default) otherwise only the category info (0)',
      VALUE_DEFAULT,
      true,
    ),
  },
  returns: multiple(
    single({
      id: value(PARAM_INT, 'category id'),
      name: value(PARAM_RAW, 'category name'),
      idnumber: value(PARAM_RAW, 'category id number', VALUE_OPTIONAL),
      description: value(PARAM_RAW, 'category description'),
      descriptionformat: formatValue('description'),
      parent: value(PARAM_INT, 'parent category id'),
      sortorder: value(PARAM_INT, 'category sorting order'),
      coursecount: value(PARAM_INT, 'number of courses in this category'),
      visible: value(PARAM_INT, '1: available, 0:not available', VALUE_OPTIONAL),
      visibleold: value(PARAM_INT, '1: available, 0:not available', VALUE_OPTIONAL),
      timemodified: value(PARAM_INT, 'timestamp', VALUE_OPTIONAL),
      depth: value(PARAM_INT, 'category depth'),
      path: value(PARAM_TEXT, 'category path'),
      theme: value(PARAM_THEME, 'category theme', VALUE_OPTIONAL),
    }),
    'List of categories',
  ),
  execute: ({ criteria, addsubcategories }, { site, user }) => {
    const can = (capability: string) => hasCapability(site, capability, systemContextOf(site), user.id);
    let categories: CategoryRecord[];
    if (criteria.length === 0) {
      categories = site.db.prepare('SELECT * FROM mdl_course_categories ORDER BY id').all() as CategoryRecord[];
    } else {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const seen = new Set<string>();
      for (const { key: rawKey, value: raw } of criteria) {
        const key = rawKey.trim();
        if (seen.has(key)) continue;
        seen.add(key);
        if (key === 'id' || key === 'parent') {
          where.push(`${key} = ?`);
          params.push(Number(cleanParam(raw, PARAM_INT)));
        } else if (key === 'ids') {
          const ids = raw.split(',').map((v) => Number(cleanParam(v, PARAM_INT)));
          where.push(`id IN (${ids.map(() => '?').join(', ')})`);
          params.push(...ids);
        } else if (key === 'name') {
          where.push('name = ?');
          params.push(phpString(cleanParam(raw, PARAM_TEXT)));
        } else if (key === 'idnumber' || key === 'theme') {
          if (!can('moodle/category:manage')) throw criteriaError(`You don't have the permissions to search on the "${key}" field.`);
          where.push(`${key} = ?`);
          params.push(raw);
        } else if (key === 'visible') {
          if (!can('moodle/category:viewhiddencategories'))
            throw criteriaError('You don\'t have the permissions to search on the "visible" field.');
          where.push('visible = ?');
          params.push(Number(cleanParam(raw, PARAM_INT)));
        } else {
          throw criteriaError(`You can not search on this criteria: ${key}`);
        }
      }
      categories = site.db
        .prepare(`SELECT * FROM mdl_course_categories WHERE ${where.join(' AND ')} ORDER BY id`)
        .all(...params) as CategoryRecord[];
      if (categories.length > 0 && addsubcategories) {
        const ids = new Set(categories.map((c) => c.id));
        for (const category of [...categories]) {
          const below = site.db
            .prepare('SELECT * FROM mdl_course_categories WHERE path LIKE ? ORDER BY id')
            .all(`${category.path}/%`) as CategoryRecord[];
          for (const sub of below.filter((c) => !ids.has(c.id))) {
            ids.add(sub.id);
            categories.push(sub);
          }
        }
      }
    }
    const result: Record<string, unknown>[] = [];
    for (const category of categories) {
      const context = contextInstance(site, CONTEXT_COURSECAT, category.id);
      if (!context) continue;
      try {
        validateContext(site, context, user.id);
      } catch {
        continue;
      }
      if (!category.visible && !hasCapability(site, 'moodle/category:viewhiddencategories', context, user.id)) continue;
      const info: Record<string, unknown> = {
        id: category.id,
        name: category.name,
        description: category.description ?? '',
        descriptionformat: 1,
        parent: category.parent,
        sortorder: category.sortorder,
        coursecount: category.coursecount,
        depth: category.depth,
        path: category.path,
      };
      if (hasCapability(site, 'moodle/category:manage', context, user.id)) {
        Object.assign(info, {
          idnumber: category.idnumber,
          visible: category.visible,
          visibleold: category.visibleold,
          timemodified: category.timemodified,
          theme: category.theme ?? '',
        });
      }
      result.push(info);
    }
    return result.sort((a, b) => Number(a['sortorder']) - Number(b['sortorder']));
  },
});

const createCategories = defineFunction({
  name: 'core_course_create_categories',
  component: 'core',
  parameters: {
    categories: multiple(
      single({
        name: value(PARAM_TEXT, 'new category name'),
        parent: value(
          PARAM_INT,
          'the parent category id inside which the new category will be created - set to 0 for a root category',
          VALUE_DEFAULT,
          0,
        ),
        idnumber: value(PARAM_RAW, 'the new category idnumber', VALUE_OPTIONAL),
        description: value(PARAM_RAW, 'the new category description', VALUE_OPTIONAL),
        descriptionformat: formatValue('description', VALUE_DEFAULT),
        theme: value(PARAM_THEME, 'the new category theme. This option must be enabled on moodle', VALUE_OPTIONAL),
      }),
    ),
  },
  returns: multiple(single({ id: value(PARAM_INT, 'new category id'), name: value(PARAM_RAW, 'new category name') })),
  execute: ({ categories }, { site, user }) => {
    const created: { id: number; name: string }[] = [];
    for (const category of categories) {
      let context = contextInstance(site, CONTEXT_SYSTEM, 0);
      if (category.parent) {
        if (!recordExists(site, 'course_categories', { id: category.parent }))
          throw moodleException('unknowcategory', 'Category not known!');
        context = contextInstance(site, CONTEXT_COURSECAT, category.parent);
      }
      validateContext(site, context, user.id);
      requireCapability(site, 'moodle/category:manage', context, user.id);
      const record = createCategory(site, category);
      created.push({ id: record.id, name: record.name });
    }
    return created;
  },
});

export const categoryFunctions: readonly ExternalFunction[] = [getCategories, createCategories];
