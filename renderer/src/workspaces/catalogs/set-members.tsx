import { useId, useState } from 'react';
import type { CatalogDetail, ItemView } from '../../../../shared/contract/catalogs';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { useAction } from '../../actions/use-action';

/** The items a set or bundle is made of: a checklist of the catalog's own items; saving queues the changed ones. */
export function SetMembers({ detail, set, onSaved }: { detail: CatalogDetail; set: ItemView; onSaved(detail: CatalogDetail): void }) {
  const api = useApi();
  const { t } = useI18n();
  const id = useId();
  const candidates = detail.items.filter((i) => i.catalogid === set.catalogid && i.id !== set.id && i.type === 'plain');
  const [members, setMembers] = useState(() => new Set(candidates.filter((i) => i.setid === set.id).map((i) => i.id)));
  const saving = useAction();
  const save = () =>
    saving.run(async () => {
      onSaved(await api.invoke('catalogs.setMembers', { setId: set.id, memberIds: [...members] }));
    });
  return (
    <section className="detail-section set-members" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t(set.type === 'bundle' ? 'catalogs.members.bundle' : 'catalogs.members.set')}</h3>
      <ul className="member-list">
        {candidates.map((item) => (
          <li key={item.id}>
            <label>
              <input
                type="checkbox"
                checked={members.has(item.id)}
                onChange={(event) =>
                  setMembers((current) => {
                    const next = new Set(current);
                    if (event.target.checked) next.add(item.id);
                    else next.delete(item.id);
                    return next;
                  })
                }
              />{' '}
              {item.code} · {item.name}
              {item.setid !== 0 && item.setid !== set.id && <span className="muted"> ({t('catalogs.members.elsewhere')})</span>}
            </label>
          </li>
        ))}
      </ul>
      {saving.error && <ErrorNotice error={saving.error} onDismiss={() => saving.clear()} />}
      <button type="button" className="button" onClick={() => void save()} aria-disabled={saving.busy}>
        {t('catalogs.members.save')}
      </button>
    </section>
  );
}
