import type { FieldIssue } from '../../../../shared/catalogs/field-issue';
import { fieldIssueSchema } from './issue-schema';
import type { AppErrorShape } from '../../../../shared/contract';
import type { Translate } from '../../i18n/translate';
import { isMessageKey } from '../../i18n/translate';

/** Issues by field (`prices.1.fromquantity`, `handlerparams.course`), translated. */
export type IssueMap = Record<string, string[]>;

export function translateIssue(found: Pick<FieldIssue, 'code' | 'message' | 'params'>, t: Translate): string {
  const key = `catalogs.issue.${found.code}`;
  return isMessageKey(key) ? t(key, found.params ?? {}) : found.message;
}

export function issueMap(issues: readonly Pick<FieldIssue, 'field' | 'code' | 'message' | 'params'>[], t: Translate): IssueMap {
  const map: IssueMap = {};
  for (const found of issues) (map[found.field] ??= []).push(translateIssue(found, t));
  return map;
}

/** The field issues a catalog_invalid refusal carries, or null when the error is about something else. */
export function issuesOfError(error: AppErrorShape): FieldIssue[] | null {
  if (error.code !== 'catalog_invalid') return null;
  const parsed = fieldIssueSchema.array().safeParse(error.details?.['issues']);
  return parsed.success ? (parsed.data as FieldIssue[]) : null;
}
