import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../shared/contract';
import type { CatalogDetail, ItemView } from '../../../../shared/contract/catalogs';
import { fakeApi } from '../../api/fake-api.test-support';
import { renderWithApi } from '../../api/render-with-api.test-support';
import type { Language } from '../../i18n/locale';
import { draftOf, newItem } from './item-draft';
import { ItemEditor } from './item-editor';

/** A product that enrols in a course, as the sync stores it; the parameters in a key order the form would not write. */
const enrolItem: ItemView = {
  id: 41,
  catalogid: 1,
  categoryid: 10,
  code: 'ALG-101',
  shortname: 'alg101',
  name: 'Algebra for beginners',
  idnumber: '',
  description: '<p>Ten lessons.</p>',
  notes: '',
  eula: '',
  prices: [{ fromquantity: 1, unitcents: 12050 }],
  taxcode: 3,
  stock: 0,
  status: 'AVAILABLE',
  maxdeliveryquant: 0,
  onlyforloggedin: 0,
  seatmode: 0,
  renewable: 0,
  type: 'plain',
  setid: 0,
  requireddata: '',
  enablehandler: 'std_enrolonecourse',
  handlerparams: 'role=student&coursename=ALG101',
  sold: 3,
  origin: 'own',
  masterItemId: null,
  localState: null,
  localOnly: false,
  undoable: false,
};
const otherItem: ItemView = { ...enrolItem, id: 42, code: 'GEO-201', name: 'Geometry', enablehandler: '', handlerparams: '' };

const detail: CatalogDetail = {
  catalog: {
    id: 1,
    name: 'Courses 2026',
    description: '',
    salesconditions: '',
    groupid: 0,
    countryrestrictions: '',
    billfooter: '',
    role: 'standalone',
    masterId: null,
    localState: null,
    localOnly: false,
  },
  master: null,
  categories: [
    {
      id: 10,
      catalogid: 1,
      parentid: 0,
      name: 'Mathematics',
      description: '',
      sortorder: 1,
      visible: 1,
      seoalias: '',
      inherited: false,
      localState: null,
      localOnly: false,
    },
  ],
  items: [enrolItem, otherItem],
  taxes: [{ id: 3, title: 'VAT', country: 'FR', ratio: 2000 }],
  currency: 'EUR',
  masters: [],
};

/** The catalog as the core answers after a save: the item as sent, now waiting to be sent to the shop. */
const savedDetail = (name: string): CatalogDetail => ({
  ...detail,
  items: [{ ...enrolItem, name, localState: 'pending', undoable: true }, otherItem],
});

function openEditor(item: ItemView | null, options: { api?: ReturnType<typeof fakeApi>; language?: Language; pushed?: boolean } = {}) {
  const onSaved = vi.fn<(detail: CatalogDetail, id: number) => void>();
  const onClose = vi.fn<() => void>();
  const rendered = renderWithApi(
    <ItemEditor
      detail={detail}
      item={item}
      initial={item ? draftOf(item) : newItem(detail)}
      currency="EUR"
      onSaved={onSaved}
      onClose={onClose}
      pushed={options.pushed ?? false}
    />,
    options,
  );
  return { ...rendered, onSaved, onClose };
}

const saveButton = () => screen.getByRole('button', { name: 'Save product' });

describe('ItemEditor', () => {
  it('saves an edited name as the item loaded, with the parameters nobody touched kept as they were written', async () => {
    const api = fakeApi({ 'catalogs.saveItem': ({ item }) => savedDetail(item.name) });
    const { user, onSaved } = openEditor(enrolItem, { api });
    expect(saveButton()).toHaveProperty('ariaDisabled', 'true');

    await user.clear(screen.getByLabelText('Name'));
    await user.type(screen.getByLabelText('Name'), 'Algebra, second edition');
    expect(saveButton()).toHaveProperty('ariaDisabled', 'false');
    await user.click(saveButton());

    expect(api.sentOf('catalogs.saveItem')).toEqual([{ item: { ...draftOf(enrolItem), name: 'Algebra, second edition' } }]);
    expect(onSaved).toHaveBeenCalledWith(savedDetail('Algebra, second edition'), 41);
    // Saved: nothing is left to save, and the button says so again.
    expect(saveButton()).toHaveProperty('ariaDisabled', 'true');
  });

  it('sends a retyped price in cents and a changed handler parameter in the form’s order', async () => {
    const api = fakeApi({ 'catalogs.saveItem': () => detail });
    const { user } = openEditor(enrolItem, { api });

    await user.clear(screen.getByLabelText('Tier 1: unit price'));
    await user.type(screen.getByLabelText('Tier 1: unit price'), '99.99');
    await user.type(screen.getByLabelText('Duration (days)'), '30');
    await user.click(saveButton());

    const [sent] = api.sentOf('catalogs.saveItem');
    expect(sent?.item.prices).toEqual([{ fromquantity: 1, unitcents: 9999 }]);
    expect(sent?.item.handlerparams).toBe('coursename=ALG101&role=student&duration=30');
  });

  it('drops the previous handler’s parameters when another handler is chosen', async () => {
    const api = fakeApi({ 'catalogs.saveItem': () => detail });
    const { user } = openEditor(enrolItem, { api });
    await user.selectOptions(screen.getByLabelText('Handler'), 'std_prorogate');
    expect(screen.queryByLabelText('Course *')).toBeNull();
    await user.type(screen.getByLabelText('Extension (days) *'), '30');
    await user.click(saveButton());
    expect(api.sentOf('catalogs.saveItem')[0]?.item).toMatchObject({ enablehandler: 'std_prorogate', handlerparams: 'extension=30' });
  });

  it('refuses a handler parameter that is not a number at its field, focuses it, and sends nothing', async () => {
    const api = fakeApi();
    const { user, onSaved } = openEditor(enrolItem, { api });

    await user.type(screen.getByLabelText('Duration (days)'), 'ten');
    // Nothing shows while the operator types: the checks speak when they save.
    expect(screen.queryByText('This value is not valid here.')).toBeNull();
    await user.click(saveButton());

    const duration = screen.getByLabelText('Duration (days)');
    expect(duration.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(duration.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toBe(
      'This value is not valid here.',
    );
    expect(document.activeElement).toBe(duration);
    expect(screen.getByText('Correct the fields marked (1) before saving.')).toBeTruthy();
    expect(api.sent).toEqual([]);
    expect(onSaved).not.toHaveBeenCalled();

    // Corrected, the same click saves.
    api.answer('catalogs.saveItem', () => detail);
    await user.clear(duration);
    await user.type(duration, '10');
    await user.click(saveButton());
    expect(api.sentOf('catalogs.saveItem')).toHaveLength(1);
    expect(screen.queryByText('Correct the fields marked (1) before saving.')).toBeNull();
  });

  it('shows what Moodle says of the course, and then asks the core to check the site again on save', async () => {
    const api = fakeApi({
      'catalogs.checkHandler': ({ handlerparams }) => ({
        checks: [
          {
            key: 'course',
            outcome: 'error',
            code: 'courseUnknown',
            message: `No course ${new URLSearchParams(handlerparams).get('coursename')}`,
            params: { course: 'NO-SUCH' },
          },
        ],
      }),
      'catalogs.saveItem': () => {
        throw new AppError('catalog_invalid', 'The item has invalid fields.', {
          issues: [{ field: 'handlerparams.course', code: 'courseUnknown', message: 'No course NO-SUCH.', params: { course: 'NO-SUCH' } }],
        });
      },
    });
    const { user, onSaved } = openEditor(enrolItem, { api });

    await user.clear(screen.getByLabelText('Course *'));
    await user.type(screen.getByLabelText('Course *'), 'NO-SUCH');
    await user.click(screen.getByRole('button', { name: 'Check against Moodle' }));
    expect(api.sentOf('catalogs.checkHandler')).toEqual([
      { handler: 'std_enrolonecourse', handlerparams: 'coursename=NO-SUCH&role=student' },
    ]);
    expect(within(screen.getByRole('list', { name: 'What the site says' })).getByText(/No course NO-SUCH on the site/)).toBeTruthy();

    await user.click(saveButton());
    expect(api.sentOf('catalogs.saveItem')[0]?.checkOnSite).toBe(true);
    // The core's refusal lands on the field, where the operator corrects it.
    expect(screen.getByLabelText('Course *').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Course *'));
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows a refusal that is not about a field as a notice the operator can dismiss', async () => {
    const api = fakeApi({
      'catalogs.saveItem': () => {
        throw new AppError('catalog_not_editable', 'This item has a conflict to resolve first.');
      },
    });
    const { user } = openEditor(enrolItem, { api });
    await user.type(screen.getByLabelText('Name'), ' (2)');
    await user.click(saveButton());

    const notice = screen.getByRole('alert');
    expect(notice.textContent).toContain('This item has a conflict to resolve first.');
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts the loaded values back on "Cancel changes", and then Escape closes the product', async () => {
    const { user, onClose } = openEditor(enrolItem);
    await user.type(screen.getByLabelText('Name'), ' draft');
    await user.keyboard('{Escape}');
    // Escape does not throw away what was typed.
    expect(onClose).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Cancel changes' }));
    expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('Algebra for beginners');
    expect(screen.queryByRole('button', { name: 'Cancel changes' })).toBeNull();
    await user.click(screen.getByLabelText('Name'));
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('saves with Ctrl+S from any field, and only when something changed', async () => {
    const api = fakeApi({ 'catalogs.saveItem': () => detail });
    const { user } = openEditor(enrolItem, { api });
    await user.click(screen.getByLabelText('Stock'));
    await user.keyboard('{Control>}s{/Control}');
    expect(api.sent).toEqual([]);

    await user.type(screen.getByLabelText('Stock'), '5');
    await user.keyboard('{Control>}s{/Control}');
    expect(api.sentOf('catalogs.saveItem').map(({ item }) => item.stock)).toEqual([5]);
  });

  it('creates a new product and reports the id the core gave it', async () => {
    const created: ItemView = {
      ...enrolItem,
      ...newItem(detail),
      id: 57,
      code: 'TOP-1',
      name: 'Topology',
      localState: 'pending',
      localOnly: true,
    };
    const api = fakeApi({ 'catalogs.saveItem': () => ({ ...detail, items: [...detail.items, created] }) });
    const { user, onSaved } = openEditor(null, { api });
    expect(screen.getByRole('heading', { name: 'New product' })).toBeTruthy();

    await user.click(saveButton());
    expect(screen.getByLabelText('Code').getAttribute('aria-invalid')).toBe('true');
    expect(api.sent).toEqual([]);

    await user.type(screen.getByLabelText('Code'), 'TOP-1');
    await user.type(screen.getByLabelText('Name'), 'Topology');
    await user.click(saveButton());
    expect(api.sentOf('catalogs.saveItem')[0]?.item).toMatchObject({ id: 0, catalogid: 1, code: 'TOP-1', name: 'Topology' });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ items: expect.arrayContaining([created]) }), 57);
  });

  it('refuses the code of another product of the catalog before asking the core', async () => {
    const { user, api } = openEditor(enrolItem);
    await user.clear(screen.getByLabelText('Code'));
    await user.type(screen.getByLabelText('Code'), 'GEO-201');
    await user.click(saveButton());
    expect(screen.getByText('Another product of this catalog has the code GEO-201: choose another.')).toBeTruthy();
    expect(api.sent).toEqual([]);
  });

  it('deletes an own product, then closes it', async () => {
    const api = fakeApi({ 'catalogs.deleteItem': () => ({ ...detail, items: [otherItem] }) });
    const { user, onSaved, onClose } = openEditor(enrolItem, { api });
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(api.sentOf('catalogs.deleteItem')).toEqual([{ id: 41 }]);
    expect(onSaved).toHaveBeenCalledWith({ ...detail, items: [otherItem] }, 0);
    expect(onClose).toHaveBeenCalled();
  });

  it('undoes an unsent change and shows the catalog read again', async () => {
    const pending: ItemView = { ...enrolItem, localState: 'pending', undoable: true };
    const api = fakeApi({ 'catalogs.undo': () => ({ undone: true }), 'catalogs.get': () => detail });
    const { user, onSaved } = openEditor(pending, { api });
    await user.click(screen.getByRole('button', { name: 'Undo last unsent change' }));
    expect(api.sent.map((call) => call.name)).toEqual(['catalogs.undo', 'catalogs.get']);
    expect(api.sentOf('catalogs.undo')).toEqual([{ entity: 'catalogitems', id: 41 }]);
    expect(onSaved).toHaveBeenCalledWith(detail, 41);
  });

  it('shows a master’s product read-only until it is copied into the catalog', async () => {
    const masterItem: ItemView = { ...enrolItem, id: 7, catalogid: 2, origin: 'master' };
    const api = fakeApi({ 'catalogs.overrideItem': () => ({ detail, itemId: 58 }) });
    const { user, onSaved } = openEditor(masterItem, { api });

    expect(screen.queryByRole('button', { name: 'Save product' })).toBeNull();
    // The fields sit in a disabled fieldset: the browser refuses them focus and typing.
    expect(screen.getByLabelText('Name').matches(':disabled')).toBe(true);
    await user.keyboard('{Control>}s{/Control}');
    expect(api.sent).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Copy into this catalog' }));
    expect(api.sentOf('catalogs.overrideItem')).toEqual([{ catalogId: 1, masterItemId: 7 }]);
    expect(onSaved).toHaveBeenCalledWith(detail, 58);
  });

  it('speaks French in a French window, issues included', async () => {
    const { user, api } = openEditor(enrolItem, { language: 'fr' });
    expect(screen.getByRole('button', { name: 'Enregistrer le produit' })).toBeTruthy();
    await user.clear(screen.getByLabelText('Code'));
    await user.click(screen.getByRole('button', { name: 'Enregistrer le produit' }));
    expect(screen.getByText('Renseignez ce champ.')).toBeTruthy();
    expect(screen.getByText('Corrigez les champs signalés (1) avant d’enregistrer.')).toBeTruthy();
    // The price as a French operator reads it.
    expect(screen.getByLabelText<HTMLInputElement>('Palier 1 : prix unitaire').value).toBe('120,50');
    expect(api.sent).toEqual([]);
  });
});
