import { useCallback, useEffect, useRef, useState } from 'react';
import type { CatalogDetail } from '../../../../shared/contract/catalogs';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { useRefreshOn } from '../../api/use-refresh-on';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { NoSiteNotice } from '../../shell/no-site-notice';
import { CatalogForm } from './catalog-form';
import { CategoryTree } from './category-tree';
import { CompareView } from './compare-view';
import { ConflictsPanel } from './conflicts-panel';
import { ItemsTab } from './items-tab';
import './catalogs.css';

type Tab = 'items' | 'categories' | 'catalog' | 'compare' | 'conflicts';

/**
 * Managers shape the offer here: catalogs (standalone, master, slave), their category trees and items,
 * edited offline; every change is saved at once and sent at the next sync. Pending, pushed and conflicting
 * records are marked where they show; conflicts are resolved in their own tab.
 */
export function CatalogsWorkspace() {
  const api = useApi();
  const { t } = useI18n();
  const loadList = useCallback(() => api.invoke('catalogs.list', {}), [api]);
  const list = useQuery(loadList);
  const [selected, setSelected] = useState<number | 'new' | null>(null);
  useRefreshOn(api, ['outbox.changed', 'sync.finished', 'profiles.changed'], list.reload);

  if (toAppErrorShape(list.error).code === 'no_active_profile' && !list.value) return <NoSiteNotice text={t('catalogs.noSite')} />;
  const catalogs = list.value?.catalogs ?? [];
  const current = selected ?? catalogs[0]?.id ?? null;
  const masters = catalogs.filter((c) => c.role === 'master').map((c) => ({ id: c.id, name: c.name }));

  return (
    <div className="catalogs-workspace">
      <nav className="catalog-list" aria-label={t('catalogs.list.label')}>
        <ul>
          {catalogs.map((catalog) => (
            <li key={catalog.id}>
              <button
                type="button"
                className={catalog.id === current ? 'catalog-link current' : 'catalog-link'}
                aria-current={catalog.id === current ? 'true' : undefined}
                onClick={() => setSelected(catalog.id)}
              >
                <span className="catalog-link-name">{catalog.name}</span>
                <span className="catalog-link-meta">
                  {t(`catalogs.role.${catalog.role}`)} · {t('catalogs.list.items', { count: catalog.itemCount })}
                  {catalog.pending > 0 && (
                    <span className="pending-marker pending-pending">{t('catalogs.list.pending', { count: catalog.pending })}</span>
                  )}
                  {catalog.conflicts > 0 && (
                    <span className="pending-marker pending-conflict">{t('catalogs.list.conflicts', { count: catalog.conflicts })}</span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="button" onClick={() => setSelected('new')}>
          {t('catalogs.catalog.new')}
        </button>
      </nav>
      <div className="catalog-main">
        {list.error !== null && <ErrorNotice error={list.error} onRetry={list.reload} />}
        {current === 'new' && (
          <section aria-label={t('catalogs.catalog.new')}>
            <h2>{t('catalogs.catalog.new')}</h2>
            <CatalogForm
              detail={null}
              masters={masters}
              onSaved={(id) => {
                list.reload();
                setSelected(id);
              }}
            />
          </section>
        )}
        {typeof current === 'number' && (
          <CatalogPane key={current} id={current} masters={masters} onListChanged={list.reload} onSelect={setSelected} />
        )}
        {current === null && list.value && <p className="muted">{t('catalogs.list.empty')}</p>}
      </div>
    </div>
  );
}

function CatalogPane({
  id,
  masters,
  onListChanged,
  onSelect,
}: {
  id: number;
  masters: { id: number; name: string }[];
  onListChanged(): void;
  onSelect(id: number): void;
}) {
  const api = useApi();
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('items');
  const [openItem, setOpenItem] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const loadDetail = useCallback(() => api.invoke('catalogs.get', { id }), [api, id]);
  const detail = useQuery(loadDetail);
  const loadConflicts = useCallback(() => api.invoke('catalogs.conflicts', { catalogId: id }), [api, id, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const conflicts = useQuery(loadConflicts);
  const refresh = useCallback(() => {
    detail.reload();
    setVersion((v) => v + 1);
  }, [detail]);
  useRefreshOn(api, ['outbox.changed', 'sync.finished'], refresh);
  const pushed = usePushed(detail.value);

  const changed = (next: CatalogDetail) => {
    detail.set(next);
    setVersion((v) => v + 1);
    onListChanged();
  };
  if (!detail.value)
    return detail.error !== null ? <ErrorNotice error={detail.error} onRetry={detail.reload} /> : <p>{t('app.loading')}</p>;
  const d = detail.value;
  const conflictCount = conflicts.value?.conflicts.length ?? 0;
  const tabs: Tab[] = ['items', 'categories', 'catalog', ...(d.catalog.role === 'slave' ? (['compare'] as const) : []), 'conflicts'];
  return (
    <section className="catalog-pane" aria-labelledby="catalog-pane-title">
      <header className="catalog-header">
        <h2 id="catalog-pane-title">{d.catalog.name}</h2>
        <p className="muted">
          {t(`catalogs.role.${d.catalog.role}`)}
          {d.master && ` · ${t('catalogs.catalog.slaveOf', { name: d.master.name })}`}
          {d.catalog.localState && (
            <span className={`pending-marker pending-${d.catalog.localState}`}>{t(`pending.${d.catalog.localState}`)}</span>
          )}
        </p>
      </header>
      <Tabs
        tabs={tabs}
        current={tab}
        onChange={setTab}
        label={(name) => (name === 'conflicts' ? t('catalogs.tab.conflicts', { count: conflictCount }) : t(`catalogs.tab.${name}`))}
      />
      <div role="tabpanel" id={`catalog-tab-${tab}`} aria-labelledby={`catalog-tabbtn-${tab}`} className="catalog-tabpanel">
        {tab === 'items' && (
          <ItemsTab detail={d} currency={d.currency} openId={openItem} onOpen={setOpenItem} onChanged={changed} pushedIds={pushed.items} />
        )}
        {tab === 'categories' && <CategoryTree detail={d} onChanged={changed} pushedIds={pushed.categories} />}
        {tab === 'catalog' && (
          <CatalogForm
            key={`${d.catalog.id}:${d.catalog.localState ?? ''}`}
            detail={d}
            masters={masters}
            onSaved={(saved) => {
              onListChanged();
              if (saved !== id) onSelect(saved);
              else detail.reload();
            }}
          />
        )}
        {tab === 'compare' && (
          <CompareView
            detail={d}
            currency={d.currency}
            version={version}
            onOverride={(itemId, next) => {
              changed(next);
              setOpenItem(itemId);
              setTab('items');
            }}
          />
        )}
        {tab === 'conflicts' && (
          <>
            {conflicts.error !== null && <ErrorNotice error={conflicts.error} onRetry={conflicts.reload} />}
            <ConflictsPanel conflicts={conflicts.value?.conflicts ?? []} onResolved={refresh} />
          </>
        )}
      </div>
    </section>
  );
}

/** Tabs with the arrow keys moving between them (WAI-ARIA tabs pattern, automatic activation). */
function Tabs({ tabs, current, onChange, label }: { tabs: Tab[]; current: Tab; onChange(tab: Tab): void; label(tab: Tab): string }) {
  const refs = useRef(new Map<Tab, HTMLButtonElement>());
  return (
    <div role="tablist" className="catalog-tabs">
      {tabs.map((tab, index) => (
        <button
          key={tab}
          ref={(element) => {
            if (element) refs.current.set(tab, element);
          }}
          type="button"
          role="tab"
          id={`catalog-tabbtn-${tab}`}
          aria-selected={tab === current}
          aria-controls={`catalog-tab-${tab}`}
          tabIndex={tab === current ? 0 : -1}
          className={tab === current ? 'catalog-tab current' : 'catalog-tab'}
          onClick={() => onChange(tab)}
          onKeyDown={(event) => {
            const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            event.preventDefault();
            const next = tabs[(index + step + tabs.length) % tabs.length]!;
            onChange(next);
            refs.current.get(next)?.focus();
          }}
        >
          {label(tab)}
        </button>
      ))}
    </div>
  );
}

/**
 * Records this screen saw waiting for the shop and then without any local change: the shop acknowledged
 * them (pushed). Items are followed by code, so one created here is still recognised once the shop has given
 * it its real id. Kept for this session of the screen only; a fresh start shows them as plain records.
 */
function usePushed(detail: CatalogDetail | undefined): { items: ReadonlySet<string>; categories: ReadonlySet<string> } {
  const waiting = useRef({ items: new Set<string>(), categories: new Set<string>() });
  const [pushed, setPushed] = useState({
    items: new Set<string>() as ReadonlySet<string>,
    categories: new Set<string>() as ReadonlySet<string>,
  });
  useEffect(() => {
    if (!detail) return;
    const step = (rows: { key: string; localState: string | null }[], seen: Set<string>, done: ReadonlySet<string>) => {
      const next = new Set(done);
      const byKey = new Map(rows.map((r) => [r.key, r]));
      for (const key of [...seen]) {
        const row = byKey.get(key);
        if (row && row.localState === null) {
          next.add(key);
          seen.delete(key);
        } else if (!row) seen.delete(key);
      }
      for (const row of rows)
        if (row.localState !== null) {
          seen.add(row.key);
          next.delete(row.key);
        }
      return next;
    };
    const ownItems = detail.items.filter((i) => i.origin !== 'master').map((i) => ({ key: i.code, localState: i.localState }));
    const categories = detail.categories.filter((c) => !c.inherited).map((c) => ({ key: `${c.name}`, localState: c.localState }));
    setPushed((current) => ({
      items: step(ownItems, waiting.current.items, current.items),
      categories: step(categories, waiting.current.categories, current.categories),
    }));
  }, [detail]);
  return pushed;
}
