import { useMemo, useState, type FormEvent } from 'react';
import { itemIssues } from '../../../../shared/catalogs/item-validation';
import type { CatalogDetail, HandlerCheck, ItemDraftInput, ItemView } from '../../../../shared/contract/catalogs';
import { useAction } from '../../actions/use-action';
import { useApi } from '../../api/api-context';
import { toAppErrorShape } from '../../errors/app-error';
import { useI18n } from '../../i18n/i18n-context';
import { issueMap, issuesOfError, type IssueMap } from './issue-messages';
import { formOf, toDraft, type ItemForm } from './item-draft';
import type { TierInput } from './price-tiers-field';

interface ItemFormOptions {
  /** The prefix of the fields' ids, to focus the first wrong one. */
  id: string;
  detail: CatalogDetail;
  item: ItemView | null;
  initial: ItemDraftInput;
  onSaved(detail: CatalogDetail, id: number): void;
}

/** An answer of an item command: the catalog read again, with the item's id when the command made one. */
type ItemAnswer = CatalogDetail | { detail: CatalogDetail; itemId: number };

/**
 * The product editor's state: the form as typed, what was last saved, the issues (the shared validation
 * once the operator tried to save, and the core's refusal), the "Check against Moodle" result, and the save
 * itself. The sections only show it and report edits.
 */
export function useItemForm({ id, detail, item, initial, onSaved }: ItemFormOptions) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [form, setForm] = useState<ItemForm>(() => formOf(initial, locale));
  const [saved, setSaved] = useState(() => JSON.stringify(toDraft(formOf(initial, locale)).item));
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<IssueMap>({});
  // The save and the actions on the stored item, one at a time, with the failure that is not a field's.
  const action = useAction();
  const [check, setCheck] = useState<HandlerCheck | null>(null);
  const [checked, setChecked] = useState(false);
  const readOnly = item?.origin === 'master';
  const { item: draft, unreadable } = toDraft(form);
  const changed = JSON.stringify(draft) !== saved;

  const localIssues = useMemo(() => {
    const own = detail.items.filter((i) => i.catalogid === draft.catalogid && i.id !== draft.id);
    return [
      ...unreadable,
      ...itemIssues(draft, {
        codeTaken: (code) => own.some((i) => i.code.trim() === code),
        validSet: (setid) => own.some((i) => i.id === setid && (i.type === 'set' || i.type === 'bundle')),
      }).filter((found) => !unreadable.some((u) => u.field === found.field)),
    ];
  }, [draft, unreadable, detail.items]);
  // Local checks speak once the operator tried to save; the core's refusal as soon as it comes.
  const issues: IssueMap = attempted ? { ...issueMap(localIssues, t), ...serverIssues } : serverIssues;

  // Any edit withdraws the core's refusal: it was about the values as they were sent.
  const setDraft = (patch: Partial<ItemDraftInput>) => {
    setServerIssues({});
    setForm((current) => ({ ...current, draft: { ...current.draft, ...patch } }));
  };
  const setTiers = (tiers: TierInput[]) => {
    setServerIssues({});
    setForm((current) => ({ ...current, tiers }));
  };
  // Another handler reads other parameters: the previous handler's are dropped, and its check with them.
  const setHandler = (enablehandler: string) => {
    setCheck(null);
    setChecked(false);
    setForm((current) => ({
      ...current,
      draft: { ...current.draft, enablehandler },
      params: enablehandler === current.draft.enablehandler ? current.params : {},
    }));
  };
  const setParams = (params: Record<string, string>) => {
    setCheck(null);
    setServerIssues({});
    setForm((current) => ({ ...current, params }));
  };
  /** "Check against Moodle" answered (ok) or failed: a save after a check asks the core to check the site too. */
  const onCheck = (next: HandlerCheck | null, ok: boolean) => {
    setCheck(next);
    setChecked(ok);
  };
  const encodeParams = () => toDraft(form).item.handlerparams;
  const revert = () => {
    setForm(formOf(initial, locale));
    setServerIssues({});
    setAttempted(false);
  };

  /** An action on the item as it is stored (undo, delete, override, free); `then` gets the catalog read again. */
  const run = (command: () => Promise<ItemAnswer>, then?: (d: CatalogDetail, itemId: number) => void) =>
    action.run(async () => {
      const answer = await command();
      const next = 'detail' in answer ? answer.detail : answer;
      then?.(next, 'itemId' in answer ? answer.itemId : draft.id);
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (action.busy || readOnly) return;
    setAttempted(true);
    if (localIssues.length > 0) {
      focusFirst(id, issueMap(localIssues, t));
      return;
    }
    await action.run(async () => {
      try {
        const next = await api.invoke('catalogs.saveItem', {
          item: draft,
          ...(checked && draft.enablehandler !== '' ? { checkOnSite: true } : {}),
        });
        // A new item's id is the core's: the newest of this catalog with the code just saved.
        const savedItem =
          draft.id !== 0
            ? next.items.find((i) => i.id === draft.id)
            : next.items.filter((i) => i.catalogid === draft.catalogid && i.code === draft.code.trim()).at(-1);
        setSaved(JSON.stringify(draft));
        onSaved(next, savedItem?.id ?? draft.id);
      } catch (error) {
        const shape = toAppErrorShape(error);
        const found = issuesOfError(shape);
        if (found) {
          const map = issueMap(found, t);
          setServerIssues(map);
          focusFirst(id, map);
        } else throw error;
      }
    });
  };

  return {
    form,
    draft,
    readOnly,
    changed,
    attempted,
    issues,
    localIssues,
    busy: action.busy,
    failure: action.error,
    dismissFailure: action.clear,
    check,
    setDraft,
    setTiers,
    setHandler,
    setParams,
    onCheck,
    encodeParams,
    revert,
    run,
    submit,
  };
}

export type ItemFormState = ReturnType<typeof useItemForm>;

/** Moves the focus to the first field with an issue, so the operator starts correcting where it is. */
function focusFirst(id: string, issues: IssueMap): void {
  const first = Object.keys(issues)[0];
  if (!first) return;
  const target =
    first === 'code' || first === 'name' || first === 'shortname' || first === 'idnumber'
      ? `${id}-${first}`
      : first.startsWith('prices.')
        ? `${id}-prices-${first.endsWith('fromquantity') ? 'q' : 'p'}${first.split('.')[1]}`
        : first === 'requireddata'
          ? `${id}-requireddata`
          : first === 'categoryid'
            ? `${id}-category`
            : first.startsWith('handlerparams.')
              ? `${id}-handler-param-${first.slice('handlerparams.'.length)}`
              : first === 'enablehandler'
                ? `${id}-handler-handler`
                : null;
  if (target) document.getElementById(target)?.focus();
}
