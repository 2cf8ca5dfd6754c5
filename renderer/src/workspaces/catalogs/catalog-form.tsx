import { useId, useState } from 'react';
import type { CatalogDetail, CatalogDraft } from '../../../../shared/contract/catalogs';
import { useApi } from '../../api/api-context';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { TextField } from '../../forms/text-field';
import { useI18n } from '../../i18n/i18n-context';
import { FieldFrame } from './field-frame';
import { HtmlField } from './html-field';
import { issueMap, issuesOfError, type IssueMap } from './issue-messages';
import { useAction } from '../../actions/use-action';

/** A catalog's own fields and its place in a master/slave group (standalone, master, or slave of a master). */
export function CatalogForm({
  detail,
  masters,
  onSaved,
}: {
  detail: CatalogDetail | null;
  masters: { id: number; name: string }[];
  onSaved(id: number): void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const id = useId();
  const initial: CatalogDraft = detail
    ? {
        id: detail.catalog.id,
        name: detail.catalog.name,
        description: detail.catalog.description,
        salesconditions: detail.catalog.salesconditions,
        role: detail.catalog.role,
        ...(detail.catalog.masterId !== null ? { masterId: detail.catalog.masterId } : {}),
        countryrestrictions: detail.catalog.countryrestrictions,
        billfooter: detail.catalog.billfooter,
      }
    : { id: 0, name: '', description: '', salesconditions: '', role: 'standalone', countryrestrictions: '', billfooter: '' };
  const [draft, setDraft] = useState(initial);
  const [issues, setIssues] = useState<IssueMap>({});
  const saving = useAction();
  const changed = JSON.stringify(draft) !== JSON.stringify(initial);
  const submit = () =>
    saving.run(async () => {
      setIssues({});
      try {
        const next = await api.invoke('catalogs.saveCatalog', { catalog: draft });
        onSaved(next.catalog.id);
      } catch (error) {
        const found = issuesOfError(toAppErrorShape(error));
        if (!found) throw error;
        setIssues(issueMap(found, t));
      }
    });
  const choices = masters.filter((m) => m.id !== draft.id);
  return (
    <form
      className="catalog-form"
      noValidate
      aria-label={detail ? t('catalogs.catalog.edit') : t('catalogs.catalog.new')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!saving.busy && changed) void submit();
      }}
    >
      <TextField
        id={`${id}-name`}
        label={t('catalogs.catalog.name')}
        value={draft.name}
        onChange={(name) => setDraft({ ...draft, name })}
        errors={issues['name']}
      />
      <fieldset className="radio-row">
        <legend>{t('catalogs.catalog.role')}</legend>
        {(['standalone', 'master', 'slave'] as const).map((role) => (
          <label key={role}>
            <input
              type="radio"
              name={`${id}-role`}
              value={role}
              checked={draft.role === role}
              onChange={() =>
                setDraft({
                  ...draft,
                  role,
                  ...(role === 'slave' && draft.masterId === undefined && choices[0] ? { masterId: choices[0].id } : {}),
                })
              }
            />{' '}
            {t(`catalogs.role.${role}`)}
          </label>
        ))}
      </fieldset>
      {issues['role'] && <p className="field-error">{issues['role'].join(' ')}</p>}
      {draft.role === 'slave' && (
        <FieldFrame id={`${id}-master`} label={t('catalogs.catalog.master')} errors={issues['masterId']}>
          <select
            id={`${id}-master`}
            value={draft.masterId ?? 0}
            onChange={(event) => setDraft({ ...draft, masterId: Number(event.target.value) })}
          >
            <option value={0}>—</option>
            {choices.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </FieldFrame>
      )}
      <TextField
        id={`${id}-countries`}
        label={t('catalogs.catalog.countryrestrictions')}
        hint={t('catalogs.catalog.countryrestrictionsHint')}
        value={draft.countryrestrictions}
        onChange={(countryrestrictions) => setDraft({ ...draft, countryrestrictions })}
        spellCheck={false}
      />
      <HtmlField
        id={`${id}-description`}
        label={t('catalogs.catalog.description')}
        value={draft.description}
        onChange={(description) => setDraft({ ...draft, description })}
      />
      <HtmlField
        id={`${id}-sales`}
        label={t('catalogs.catalog.salesconditions')}
        value={draft.salesconditions}
        onChange={(salesconditions) => setDraft({ ...draft, salesconditions })}
      />
      <HtmlField
        id={`${id}-footer`}
        label={t('catalogs.catalog.billfooter')}
        value={draft.billfooter}
        onChange={(billfooter) => setDraft({ ...draft, billfooter })}
      />
      {saving.error && <ErrorNotice error={saving.error} onDismiss={() => saving.clear()} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={saving.busy || !changed}>
          {detail ? t('catalogs.catalog.save') : t('catalogs.catalog.create')}
        </button>
      </div>
    </form>
  );
}
