import { useId, useState } from 'react';
import { AppError } from '../../../../shared/contract';
import type { CatalogConflict } from '../../../../shared/contract/catalogs';
import { useApi } from '../../api/api-context';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { issueMap, issuesOfError } from './issue-messages';
import { useAction } from '../../actions/use-action';

type Choice = 'mine' | 'theirs' | 'edit';

function show(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * Changes the site refused because the record changed there meanwhile. For each: base (what the change was
 * made on), mine and theirs, field by field, the fields changed on each side marked. Take mine, take theirs,
 * or settle field by field (mine, theirs, or an edited value); the result is queued on the site's version.
 */
export function ConflictsPanel({ conflicts, onResolved }: { conflicts: CatalogConflict[]; onResolved(): void }) {
  const { t } = useI18n();
  if (conflicts.length === 0) return <p className="muted">{t('catalogs.conflicts.none')}</p>;
  return (
    <div className="conflicts">
      {conflicts.map((conflict) => (
        <ConflictCard key={conflict.seq} conflict={conflict} onResolved={onResolved} />
      ))}
    </div>
  );
}

function ConflictCard({ conflict, onResolved }: { conflict: CatalogConflict; onResolved(): void }) {
  const api = useApi();
  const { t } = useI18n();
  const id = useId();
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(conflict.fields.map((f) => [f.field, f.changedByMe ? 'mine' : 'theirs'])),
  );
  const [edited, setEdited] = useState<Record<string, string>>(() =>
    Object.fromEntries(conflict.fields.map((f) => [f.field, show(f.mine)])),
  );
  const resolving = useAction();
  const resolve = (take: Choice) =>
    resolving.run(async () => {
      try {
        const values: Record<string, unknown> = {};
        if (take === 'edit')
          for (const field of conflict.fields) {
            const choice = choices[field.field] ?? 'mine';
            values[field.field] =
              choice === 'mine' ? field.mine : choice === 'theirs' ? field.theirs : parseEdited(edited[field.field] ?? '', field.mine);
          }
        await api.invoke('catalogs.resolveConflict', { seq: conflict.seq, take, ...(take === 'edit' ? { values } : {}) });
        onResolved();
      } catch (error) {
        // The fields the catalog refused, said in one notice: this panel has no field to put them at.
        const found = issuesOfError(toAppErrorShape(error));
        if (!found) throw error;
        throw new AppError(
          'catalog_invalid',
          Object.entries(issueMap(found, t))
            .map(([f, m]) => `${f}: ${m.join(' ')}`)
            .join(' '),
        );
      }
    });
  return (
    <section className="conflict-card" aria-labelledby={`${id}-title`} data-seq={conflict.seq}>
      <h3 id={`${id}-title`}>
        {t(`catalogs.conflicts.entity.${conflict.entity}`)} · {conflict.label}
      </h3>
      <p className="muted">{conflict.deletion ? t('catalogs.conflicts.deletion') : t('catalogs.conflicts.explain')}</p>
      {!conflict.deletion && (
        <table className="data-table conflict-table">
          <caption className="visually-hidden">{t('catalogs.conflicts.caption', { label: conflict.label })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outbox.conflict.field')}</th>
              <th scope="col">{t('catalogs.conflicts.base')}</th>
              <th scope="col">{t('outbox.conflict.mine')}</th>
              <th scope="col">{t('outbox.conflict.theirs')}</th>
              <th scope="col">{t('catalogs.conflicts.keep')}</th>
            </tr>
          </thead>
          <tbody>
            {conflict.fields.map((field) => (
              <tr key={field.field} data-field={field.field}>
                <th scope="row">
                  <code>{field.field}</code>
                </th>
                <td className="conflict-base">
                  <code>{show(field.base)}</code>
                </td>
                <td className={field.changedByMe ? 'conflict-mine changed' : 'conflict-mine'}>
                  <code>{show(field.mine)}</code>
                  {field.changedByMe && <span className="badge">{t('catalogs.conflicts.changedByMe')}</span>}
                </td>
                <td className={field.changedByThem ? 'conflict-theirs changed' : 'conflict-theirs'}>
                  <code>{show(field.theirs)}</code>
                  {field.changedByThem && <span className="badge">{t('catalogs.conflicts.changedByThem')}</span>}
                </td>
                <td>
                  <select
                    aria-label={t('catalogs.conflicts.keepFor', { field: field.field })}
                    value={choices[field.field] ?? 'mine'}
                    onChange={(event) => setChoices({ ...choices, [field.field]: event.target.value as Choice })}
                  >
                    <option value="mine">{t('outbox.conflict.mine')}</option>
                    <option value="theirs">{t('outbox.conflict.theirs')}</option>
                    <option value="edit">{t('catalogs.conflicts.editValue')}</option>
                  </select>
                  {choices[field.field] === 'edit' && (
                    <input
                      aria-label={t('catalogs.conflicts.valueFor', { field: field.field })}
                      value={edited[field.field] ?? ''}
                      onChange={(event) => setEdited({ ...edited, [field.field]: event.target.value })}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {resolving.error && <ErrorNotice error={resolving.error} onDismiss={() => resolving.clear()} />}
      <div className="form-actions">
        <button type="button" className="button" aria-disabled={resolving.busy} onClick={() => void resolve('mine')}>
          {t('catalogs.conflicts.takeMine')}
        </button>
        <button type="button" className="button" aria-disabled={resolving.busy} onClick={() => void resolve('theirs')}>
          {t('catalogs.conflicts.takeTheirs')}
        </button>
        {!conflict.deletion && (
          <button type="button" className="button button-primary" aria-disabled={resolving.busy} onClick={() => void resolve('edit')}>
            {t('catalogs.conflicts.applyChoices')}
          </button>
        )}
      </div>
    </section>
  );
}

/** An edited value takes the type of mine: a number stays a number, a list or object is read as JSON. */
function parseEdited(text: string, mine: unknown): unknown {
  if (typeof mine === 'number') return Number(text);
  if (typeof mine === 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
