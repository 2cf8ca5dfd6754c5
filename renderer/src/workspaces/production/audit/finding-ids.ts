import type { BackofficeApi } from '../../../../../shared/contract';
import type { AuditKind } from '../../../../../shared/contract/audit';
import type { SelectionTarget } from '../../../tables/selection-model';

/** What the audit's list shows: the kinds chosen (none: all) and the words searched. */
export interface AuditFilter {
  kinds?: AuditKind[];
  search?: string;
}

/** audit.plan and audit.fix take at most this many findings at once. */
export const MAX_FIX = 10_000;
const PAGE = 1000;

/**
 * The findings a fix is for: the rows ticked, or every finding the filter shows (less those unticked), read in
 * pages. Null past `max`: the operator narrows the filter rather than waits on a plan of everything.
 */
export async function findingIdsOf(
  api: BackofficeApi,
  filter: AuditFilter,
  target: SelectionTarget,
  max = MAX_FIX,
): Promise<number[] | null> {
  if (target.kind === 'none') return [];
  if (target.kind === 'ids') return target.ids.length > max ? null : [...target.ids].sort((a, b) => a - b);
  const except = target.kind === 'filterExcept' ? target.except : new Set<number>();
  const ids: number[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await api.invoke('audit.list', { ...filter, offset, limit: PAGE });
    if (page.total - except.size > max) return null;
    for (const row of page.rows) if (!except.has(row.id)) ids.push(row.id);
    if (page.rows.length < PAGE || offset + PAGE >= page.total) return ids;
  }
}

/** The filter as audit.list and audit.exportXlsx take it: empty parts left out. */
export function auditFilter(kinds: ReadonlySet<AuditKind>, search: string): AuditFilter {
  const words = search.trim();
  return { ...(kinds.size > 0 ? { kinds: [...kinds].sort() } : {}), ...(words ? { search: words.slice(0, 200) } : {}) };
}

/** The filter an operator left, found again when they come back from a bill opened from a row. */
let remembered: { kinds: ReadonlySet<AuditKind>; search: string } = { kinds: new Set(), search: '' };

export function rememberFilter(kinds: ReadonlySet<AuditKind>, search: string): void {
  remembered = { kinds, search };
}

export function rememberedFilter(): { kinds: ReadonlySet<AuditKind>; search: string } {
  return remembered;
}
