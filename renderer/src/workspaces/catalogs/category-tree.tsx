import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { CatalogDetail, CategoryDraft, CategoryView } from '../../../../shared/contract/catalogs';
import { useApi } from '../../api/api-context';
import { toAppErrorShape } from '../../errors/app-error';
import { ErrorNotice } from '../../errors/error-notice';
import { TextField } from '../../forms/text-field';
import { useI18n } from '../../i18n/i18n-context';
import { flattenTree, dropMove, keyboardMove, type Move } from './category-tree-model';
import { FieldFrame } from './field-frame';
import { HtmlField } from './html-field';
import { issueMap, issuesOfError, type IssueMap } from './issue-messages';
import { StateMarker } from './state-marker';
import { useAction } from '../../actions/use-action';

/**
 * The catalog's category tree. Keyboard: arrows move the focus; Alt+Up/Down reorder among siblings,
 * Alt+Right puts the category under the one above it, Alt+Left takes it out to its parent's level. Mouse:
 * drag a row onto the upper half of another to put it before, onto the lower half to put it inside.
 * The focused category's details are edited below the tree (name, visibility, alias, description).
 */
export function CategoryTree({
  detail,
  onChanged,
  pushedIds,
}: {
  detail: CatalogDetail;
  onChanged(detail: CatalogDetail): void;
  pushedIds: ReadonlySet<string>;
}) {
  const api = useApi();
  const { t } = useI18n();
  const own = detail.categories.filter((c) => !c.inherited);
  const inherited = detail.categories.filter((c) => c.inherited);
  const rows = flattenTree(own);
  const [focusId, setFocusId] = useState<number | null>(rows[0]?.category.id ?? null);
  const [dragId, setDragId] = useState<number | null>(null);
  const [dropHint, setDropHint] = useState<{ id: number; lower: boolean } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [announce, setAnnounce] = useState('');
  const rowRefs = useRef(new Map<number, HTMLLIElement>());
  const wantFocus = useRef<number | null>(null);
  const focused = own.find((c) => c.id === focusId) ?? null;

  useEffect(() => {
    if (wantFocus.current === null) return;
    rowRefs.current.get(wantFocus.current)?.focus();
    wantFocus.current = null;
  });

  const move = async (next: Move | null) => {
    if (!next) return;
    setFailure(null);
    try {
      const answer = await api.invoke('catalogs.moveCategory', next);
      wantFocus.current = next.id;
      onChanged(answer);
      const moved = answer.categories.find((c) => c.id === next.id);
      const parent = answer.categories.find((c) => c.id === next.parentid);
      setAnnounce(t('catalogs.tree.moved', { name: moved?.name ?? '', parent: parent?.name ?? t('catalogs.tree.root') }));
    } catch (error) {
      setFailure(error);
    }
  };

  const onKey = (event: KeyboardEvent<HTMLLIElement>, category: CategoryView) => {
    const index = rows.findIndex((r) => r.category.id === category.id);
    const go = (to: number) => {
      const target = rows[to]?.category.id;
      if (target === undefined) return;
      setFocusId(target);
      rowRefs.current.get(target)?.focus();
    };
    if (event.altKey) {
      const direction = ({ ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'in', ArrowLeft: 'out' } as const)[event.key as 'ArrowUp'];
      if (direction) {
        event.preventDefault();
        void move(keyboardMove(own, category.id, direction));
      }
      return;
    }
    if (event.key === 'ArrowDown') go(index + 1);
    else if (event.key === 'ArrowUp') go(index - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(rows.length - 1);
    else return;
    event.preventDefault();
  };

  const onDrop = (event: DragEvent<HTMLLIElement>, target: CategoryView) => {
    event.preventDefault();
    const rect = event.currentTarget.getBoundingClientRect();
    const lower = event.clientY > rect.top + rect.height / 2;
    const dragged = dragId ?? Number(event.dataTransfer.getData('text/plain'));
    setDragId(null);
    setDropHint(null);
    void move(dropMove(own, dragged, target.id, lower));
  };

  return (
    <div className="category-workspace">
      <div className="category-tree-frame">
        <p className="muted" id="category-tree-help">
          {t('catalogs.tree.help')}
        </p>
        <ul role="tree" aria-label={t('catalogs.tree.label')} aria-describedby="category-tree-help" className="category-tree">
          {rows.map(({ category, depth }) => (
            <li
              key={category.id}
              ref={(element) => {
                if (element) rowRefs.current.set(category.id, element);
                else rowRefs.current.delete(category.id);
              }}
              role="treeitem"
              aria-level={depth + 1}
              aria-selected={category.id === focusId}
              tabIndex={category.id === focusId || (focusId === null && depth === 0) ? 0 : -1}
              className={[
                'category-row',
                `depth-${Math.min(depth, 6)}`,
                category.visible ? '' : 'category-hidden',
                dropHint?.id === category.id ? (dropHint.lower ? 'drop-inside' : 'drop-before') : '',
              ].join(' ')}
              draggable
              onDragStart={(event) => {
                setDragId(category.id);
                event.dataTransfer.setData('text/plain', String(category.id));
                event.dataTransfer.effectAllowed = 'move';
              }}
              onDragEnd={() => {
                setDragId(null);
                setDropHint(null);
              }}
              onDragOver={(event) => {
                event.preventDefault();
                const rect = event.currentTarget.getBoundingClientRect();
                setDropHint({ id: category.id, lower: event.clientY > rect.top + rect.height / 2 });
              }}
              onDrop={(event) => onDrop(event, category)}
              onFocus={() => setFocusId(category.id)}
              onClick={() => setFocusId(category.id)}
              onKeyDown={(event) => onKey(event, category)}
              data-category-id={category.id}
            >
              <span className="category-name">{category.name}</span>
              {!category.visible && <span className="badge">{t('catalogs.tree.hidden')}</span>}
              <StateMarker state={category.localState} pushed={pushedIds.has(category.name)} />
            </li>
          ))}
        </ul>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announce}
        </p>
        {failure !== null && <ErrorNotice error={failure} onDismiss={() => setFailure(null)} />}
        {inherited.length > 0 && (
          <details className="inherited-categories">
            <summary>{t('catalogs.tree.inherited', { count: inherited.length })}</summary>
            <ul>
              {flattenTree(inherited).map(({ category, depth }) => (
                <li key={category.id} className={`depth-${Math.min(depth, 6)}`}>
                  {category.name}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <div className="category-forms">
        {focused && (
          <CategoryForm
            key={`${focused.id}:${focused.name}:${focused.visible}:${focused.localState ?? ''}`}
            detail={detail}
            initial={draftOf(focused)}
            title={t('catalogs.category.edit', { name: focused.name })}
            onSaved={onChanged}
            undoable={focused.localState === 'pending' || focused.localState === 'parked'}
          />
        )}
        <CategoryForm
          key={`new-${own.length}`}
          detail={detail}
          initial={{
            id: 0,
            catalogid: detail.catalog.id,
            parentid: focused?.parentid ?? 0,
            name: '',
            description: '',
            sortorder: 0,
            visible: 1,
            seoalias: '',
          }}
          title={t('catalogs.category.new')}
          onSaved={(d) => {
            const created = d.categories.filter((c) => !c.inherited && !own.some((o) => o.id === c.id))[0];
            if (created) {
              setFocusId(created.id);
              wantFocus.current = created.id;
            }
            onChanged(d);
          }}
          undoable={false}
        />
      </div>
    </div>
  );
}

function draftOf(c: CategoryView): CategoryDraft {
  return {
    id: c.id,
    catalogid: c.catalogid,
    parentid: c.parentid,
    name: c.name,
    description: c.description,
    sortorder: c.sortorder,
    visible: c.visible ? 1 : 0,
    seoalias: c.seoalias,
  };
}

function CategoryForm({
  detail,
  initial,
  title,
  onSaved,
  undoable,
}: {
  detail: CatalogDetail;
  initial: CategoryDraft;
  title: string;
  onSaved(d: CatalogDetail): void;
  undoable: boolean;
}) {
  const api = useApi();
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [issues, setIssues] = useState<IssueMap>({});
  const saving = useAction();
  const parents = detail.categories.filter((c) => !c.inherited && c.id !== draft.id);
  const changed = JSON.stringify(draft) !== JSON.stringify(initial);
  const act = (action: () => Promise<CatalogDetail>) =>
    saving.run(async () => {
      setIssues({});
      try {
        onSaved(await action());
      } catch (error) {
        // Values the shop would refuse are said at their fields; anything else goes to the notice.
        const found = issuesOfError(toAppErrorShape(error));
        if (!found) throw error;
        setIssues(issueMap(found, t));
      }
    });
  return (
    <form
      className="category-form"
      aria-label={title}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!saving.busy && changed) void act(() => api.invoke('catalogs.saveCategory', { category: draft }));
      }}
    >
      <h3>{title}</h3>
      <TextField
        id={`${id}-name`}
        label={t('catalogs.category.name')}
        value={draft.name}
        onChange={(name) => setDraft({ ...draft, name })}
        errors={issues['name']}
      />
      {draft.id === 0 && (
        <FieldFrame id={`${id}-parent`} label={t('catalogs.category.parent')} errors={issues['parentid']}>
          <select
            id={`${id}-parent`}
            value={draft.parentid}
            onChange={(event) => setDraft({ ...draft, parentid: Number(event.target.value) })}
          >
            <option value={0}>{t('catalogs.tree.root')}</option>
            {parents.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </FieldFrame>
      )}
      <label className="check-field">
        <input
          type="checkbox"
          checked={draft.visible === 1}
          onChange={(event) => setDraft({ ...draft, visible: event.target.checked ? 1 : 0 })}
        />{' '}
        {t('catalogs.category.visible')}
      </label>
      <TextField
        id={`${id}-seo`}
        label={t('catalogs.category.seoalias')}
        value={draft.seoalias}
        onChange={(seoalias) => setDraft({ ...draft, seoalias })}
        spellCheck={false}
      />
      <HtmlField
        id={`${id}-description`}
        label={t('catalogs.category.description')}
        value={draft.description}
        onChange={(description) => setDraft({ ...draft, description })}
      />
      {saving.error && <ErrorNotice error={saving.error} onDismiss={() => saving.clear()} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-disabled={saving.busy || !changed}>
          {draft.id === 0 ? t('catalogs.category.add') : t('catalogs.category.save')}
        </button>
        {undoable && (
          <button
            type="button"
            className="button"
            onClick={() =>
              void act(async () => {
                await api.invoke('catalogs.undo', { entity: 'categories', id: draft.id });
                return api.invoke('catalogs.get', { id: detail.catalog.id });
              })
            }
          >
            {t('catalogs.item.undo')}
          </button>
        )}
        {draft.id !== 0 && (
          <button
            type="button"
            className="button button-danger-quiet"
            onClick={() => void act(() => api.invoke('catalogs.deleteCategory', { id: draft.id }))}
          >
            {t('catalogs.category.delete')}
          </button>
        )}
      </div>
    </form>
  );
}
