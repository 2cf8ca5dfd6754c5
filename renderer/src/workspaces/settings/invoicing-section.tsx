import { useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import type { BackofficeApi, CommandOutput } from '../../../../shared/contract';
import { exemptionBases, type ExemptionBasis, type InvoicingView } from '../../../../shared/contract/invoicing';
import { inputIssuesSchema } from '../../../../shared/contract/errors';
import { useApi } from '../../api/api-context';
import { useLiveValue } from '../../api/use-live-value';
import { useQuery } from '../../api/use-query';
import { useRefreshOn } from '../../api/use-refresh-on';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { MissingMentions } from '../../errors/missing-mentions';
import { TextField } from '../../forms/text-field';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/i18n-context';
import { draftOf, settingsOf, type InvoicingDraft } from './invoicing-form-model';
import { useAction } from '../../actions/use-action';

type ProfileList = CommandOutput<'profiles.list'>;
const loadProfiles = (api: BackofficeApi) => api.invoke('profiles.list', {});
const watchProfiles = (api: BackofficeApi, onValue: (value: ProfileList) => void) => api.on('profiles.changed', onValue);

type SellerField = keyof InvoicingDraft['seller'];
const SELLER_FIELDS: readonly SellerField[] = ['name', 'address', 'zip', 'city', 'country', 'email', 'phone', 'siren', 'vatnumber'];
/** The shop's setting each field falls back to (get_site's seller keys). */
const SHOP_KEY: Partial<Record<SellerField, keyof NonNullable<InvoicingView['site']>['seller']>> = {
  name: 'name',
  address: 'address',
  zip: 'zip',
  city: 'city',
  country: 'country',
  email: 'email',
  phone: 'supportphone',
  siren: 'registration',
  vatnumber: 'vatnumber',
  registryCity: 'registration',
};
/** Field errors by the path of the settings they name (seller.siren, payment.latePenaltyBasisPoints...). */
type Errors = Record<string, string[]>;

/**
 * Settings › Invoicing: what the active site's invoices must say that the shop does not know (legal form,
 * capital, payment terms, the nature of what is sold, the legal basis of each 0 % tax), and any field of the
 * shop's seller identity to override. Lists what invoices would still lack (docs/invoice-mentions.md).
 */
export function InvoicingSection() {
  const api = useApi();
  const { t, language } = useI18n();
  const id = useId();
  const decimal = language === 'fr' ? ',' : '.';
  const profiles = useLiveValue(api, loadProfiles, watchProfiles);
  const activeId = profiles.value?.activeId ?? null;
  const load = useMemo(() => (activeId ? () => api.invoke('invoicing.settings', {}) : null), [api, activeId]);
  const view = useQuery(load);
  useRefreshOn(api, ['sync.finished'], view.reload);
  const [draft, setDraft] = useState<{ profileId: string; value: InvoicingDraft } | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const saving = useAction();
  const [saved, setSaved] = useState(false);

  // A new profile, or the first answer: the form starts from the saved settings (set while rendering, React's
  // way of adjusting state to new props). A reload after a sync keeps what is being typed.
  const current = view.value;
  if (current && draft?.profileId !== current.profileId)
    setDraft({ profileId: current.profileId, value: draftOf(current.settings, decimal) });

  const change = useCallback((edit: (value: InvoicingDraft) => InvoicingDraft) => {
    setSaved(false);
    setDraft((previous) => (previous ? { ...previous, value: edit(previous.value) } : previous));
  }, []);

  if (!activeId) {
    return (
      <section className="workspace-section" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('invoicing.title')}</h2>
        <p>{t('invoicing.noSite')}</p>
      </section>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft || saving.busy) return;
    saving.clear();
    setSaved(false);
    const read = settingsOf(draft.value);
    if ('problems' in read) {
      setErrors(Object.fromEntries(read.problems.map((path) => [path, [t('invoicing.invalidNumber')]])));
      return;
    }
    void saving.run(async () => {
      try {
        const next = await api.invoke('invoicing.updateSettings', { settings: read.settings });
        view.set(next);
        setDraft({ profileId: next.profileId, value: draftOf(next.settings, decimal) });
        setErrors({});
        setSaved(true);
      } catch (error) {
        // The settings the core refused are said at their fields; anything else goes to the notice.
        const shape = toAppErrorShape(error);
        const issues = shape.code === 'invalid_input' ? inputIssuesSchema.safeParse(shape.details) : null;
        if (!issues?.success) throw error;
        const next: Errors = {};
        for (const issue of issues.data.issues) (next[issue.path.slice(1).join('.')] ??= []).push(issue.message);
        setErrors(next);
      }
    });
  };

  const value = draft?.value;
  const shopHint = (field: SellerField) => {
    const key = SHOP_KEY[field];
    if (!key || !current) return undefined;
    const shop = current.site?.seller[key] ?? '';
    return shop === '' ? t('invoicing.fromShopNone') : t('invoicing.fromShop', { value: shop });
  };
  const sellerField = (field: SellerField) =>
    value && (
      <TextField
        key={field}
        id={`${id}-${field}`}
        label={t(`invoicing.field.${field}` as MessageKey)}
        value={value.seller[field]}
        onChange={(text) => change((draftValue) => ({ ...draftValue, seller: { ...draftValue.seller, [field]: text } }))}
        hint={shopHint(field)}
        errors={errors[`seller.${field === 'shareCapital' ? 'shareCapitalCents' : field}`] ?? errors[`seller.${field}`]}
        spellCheck={false}
      />
    );
  const basisLabel = (basis: ExemptionBasis) => t(`invoicing.basis.${basis}` as MessageKey);

  return (
    <section className="workspace-section invoicing-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('invoicing.title')}</h2>
      <p className="section-intro">{t('invoicing.intro')}</p>
      {view.error !== null && current === undefined && <ErrorNotice error={view.error} onRetry={view.reload} />}
      {current && (
        <div aria-live="polite">
          {current.site === null && <p className="notice notice-warning">{t('invoicing.siteNotRead')}</p>}
          {current.missing.length > 0 ? (
            <div className="notice notice-warning" role="status">
              <p className="notice-title">{t('invoicing.missingTitle')}</p>
              <MissingMentions missing={current.missing} />
            </div>
          ) : (
            <p className="notice notice-success">{t('invoicing.complete')}</p>
          )}
        </div>
      )}
      {current && value && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <fieldset className="invoicing-group">
            <legend>{t('invoicing.section.seller')}</legend>
            <div className="field-row">{SELLER_FIELDS.map(sellerField)}</div>
            <div className="field-row">
              {sellerField('legalForm')}
              {sellerField('shareCapital')}
              <div className="field">
                <label htmlFor={`${id}-registry`}>{t('invoicing.field.registry')}</label>
                <select
                  id={`${id}-registry`}
                  value={value.registry}
                  onChange={(event) =>
                    change((draftValue) => ({ ...draftValue, registry: event.target.value as InvoicingDraft['registry'] }))
                  }
                >
                  {(['RCS', 'RM', 'none'] as const).map((registry) => (
                    <option key={registry} value={registry}>
                      {t(`invoicing.registry.${registry}`)}
                    </option>
                  ))}
                </select>
              </div>
              {value.registry !== 'none' && sellerField('registryCity')}
            </div>
          </fieldset>

          <fieldset className="invoicing-group">
            <legend>{t('invoicing.section.payment')}</legend>
            <div className="field-row">
              <TextField
                id={`${id}-term`}
                label={t('invoicing.field.termDays')}
                value={value.termDays}
                onChange={(text) => change((draftValue) => ({ ...draftValue, termDays: text }))}
                errors={errors['payment.termDays']}
              />
              <TextField
                id={`${id}-penalty`}
                label={t('invoicing.field.latePenalty')}
                value={value.latePenalty}
                onChange={(text) => change((draftValue) => ({ ...draftValue, latePenalty: text }))}
                hint={t('invoicing.hint.latePenalty')}
                errors={errors['payment.latePenalty'] ?? errors['payment.latePenaltyBasisPoints']}
              />
              <TextField
                id={`${id}-discount`}
                label={t('invoicing.field.earlyDiscount')}
                value={value.earlyDiscount}
                onChange={(text) => change((draftValue) => ({ ...draftValue, earlyDiscount: text }))}
                hint={t('invoicing.hint.earlyDiscount')}
                errors={errors['payment.earlyDiscount'] ?? errors['payment.earlyPaymentDiscountBasisPoints']}
              />
            </div>
            <label className="check-line">
              <input
                type="checkbox"
                checked={value.vatOnDebits}
                onChange={(event) => change((draftValue) => ({ ...draftValue, vatOnDebits: event.target.checked }))}
              />
              {t('invoicing.field.vatOnDebits')}
            </label>
          </fieldset>

          <fieldset className="invoicing-group">
            <legend>{t('invoicing.section.operations')}</legend>
            <div className="field">
              <label htmlFor={`${id}-operations`}>{t('invoicing.field.operations')}</label>
              <select
                id={`${id}-operations`}
                value={value.operations ?? ''}
                onChange={(event) =>
                  change((draftValue) => ({ ...draftValue, operations: (event.target.value || null) as InvoicingDraft['operations'] }))
                }
              >
                <option value="">{t('invoicing.operations.unset')}</option>
                {(['services', 'goods', 'both'] as const).map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`invoicing.operations.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            {value.operations === 'both' && (
              <fieldset className="field">
                <legend>{t('invoicing.goodsCategories')}</legend>
                <div className="column-checks">
                  {current.categories.map((category) => (
                    <label key={category.id}>
                      <input
                        type="checkbox"
                        checked={value.goodsCategoryIds.includes(category.id)}
                        onChange={(event) =>
                          change((draftValue) => ({
                            ...draftValue,
                            goodsCategoryIds: event.target.checked
                              ? [...draftValue.goodsCategoryIds, category.id]
                              : draftValue.goodsCategoryIds.filter((other) => other !== category.id),
                          }))
                        }
                      />
                      {category.name} <span className="muted">({category.catalog})</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
          </fieldset>

          <fieldset className="invoicing-group">
            <legend>{t('invoicing.section.exemptions')}</legend>
            {current.zeroRateTaxes.length === 0 && <p>{t('invoicing.noZeroTaxes')}</p>}
            {current.zeroRateTaxes.map((tax) => {
              const fromTitle = tax.fromTitle && tax.basis ? tax.basis : null;
              return (
                <div className="field" key={tax.id}>
                  <label htmlFor={`${id}-tax-${tax.id}`}>{tax.title}</label>
                  <select
                    id={`${id}-tax-${tax.id}`}
                    value={value.exemptions[tax.id] ?? ''}
                    onChange={(event) =>
                      change((draftValue) => ({
                        ...draftValue,
                        exemptions: { ...draftValue.exemptions, [tax.id]: event.target.value as ExemptionBasis | '' },
                      }))
                    }
                  >
                    <option value="">
                      {fromTitle ? t('invoicing.basis.fromTitle', { basis: basisLabel(fromTitle) }) : t('invoicing.basis.unset')}
                    </option>
                    {exemptionBases.map((basis) => (
                      <option key={basis} value={basis}>
                        {basisLabel(basis)}
                      </option>
                    ))}
                  </select>
                </div>
              );
            })}
          </fieldset>

          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={saving.busy}>
              {t('invoicing.save')}
            </button>
            {saved && (
              <p className="form-status" role="status">
                {t('invoicing.saved')}
              </p>
            )}
          </div>
          {saving.error && <ErrorNotice error={saving.error} onDismiss={() => saving.clear()} />}
        </form>
      )}
    </section>
  );
}
