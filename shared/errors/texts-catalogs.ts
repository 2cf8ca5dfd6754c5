/** The words of the catalogs' refusals (see texts-bills.ts for the conventions). */
export const CATALOG_TEXTS = {
  'catalog.notInData': {
    en: 'Catalog {id} is not in the local data.',
    fr: 'Le catalogue {id} n’est pas dans les données locales.',
  },
  'catalog.notInDataOpen': {
    en: 'Catalog {id} is not in the local data. Sync, then open it again.',
    fr: 'Le catalogue {id} n’est pas dans les données locales. Synchronisez, puis rouvrez-le.',
  },
  'catalog.categoryNotInCatalog': {
    en: 'Category {id} is not in catalog {catalog} in the local data.',
    fr: 'La catégorie {id} n’est pas dans le catalogue {catalog} des données locales.',
  },
  'catalog.categoryNotInData': {
    en: 'Category {id} is not in the local data.',
    fr: 'La catégorie {id} n’est pas dans les données locales.',
  },
  'catalog.newRecordInUse': {
    en: 'Other unsent changes use this new record: undo or change them first.',
    fr: 'D’autres modifications non envoyées utilisent ce nouvel enregistrement\u00a0: annulez-les ou modifiez-les d’abord.',
  },
  'catalog.categoryNotEmpty': {
    en: 'Category {name} still holds {items} items and {children} subcategories: move them first.',
    fr: 'La catégorie {name} contient encore {items} produits et {children} sous-catégories\u00a0: déplacez-les d’abord.',
  },
  'catalog.itemNotInData': {
    en: 'Item {id} is not in the local data.',
    fr: 'Le produit {id} n’est pas dans les données locales.',
  },
  'catalog.itemOfMaster': {
    en: 'This item belongs to another catalog (the master): copy it into this catalog to change it here.',
    fr: 'Ce produit appartient à un autre catalogue (le maître)\u00a0: copiez-le dans ce catalogue pour le modifier ici.',
  },
  'catalog.itemSold': {
    en: '{code} has been sold: the shop keeps it. Set its status to ABANDONED instead.',
    fr: '{code} a été vendu\u00a0: la boutique le garde. Passez plutôt son statut à ABANDONED.',
  },
  'catalog.itemHasMembers': {
    en: '{code} still has members: take them out of it first.',
    fr: '{code} a encore des membres\u00a0: retirez-les d’abord.',
  },
  'catalog.onlyDerivedOverrides': {
    en: 'Only a derived (slave) catalog overrides items of its master.',
    fr: 'Seul un catalogue dérivé remplace des produits de son maître.',
  },
  'catalog.notAMasterItem': {
    en: 'Item {id} is not an item of the master catalog.',
    fr: 'Le produit {id} n’est pas un produit du catalogue maître.',
  },
  'catalog.overridesNothing': {
    en: '{code} overrides no master item: delete it instead.',
    fr: '{code} ne remplace aucun produit du maître\u00a0: supprimez-le plutôt.',
  },
  'catalog.nothingToUndo': {
    en: 'This record has no unsent change left to undo.',
    fr: 'Cet enregistrement n’a plus de modification non envoyée à annuler.',
  },
  'catalog.undoConflict': {
    en: 'This change met a change made on the site: resolve the conflict instead.',
    fr: 'Cette modification a croisé une modification faite sur le site\u00a0: résolvez plutôt le conflit.',
  },
  'catalog.onlyDerivedCompared': {
    en: 'Only a derived (slave) catalog is compared with its master.',
    fr: 'Seul un catalogue dérivé se compare à son maître.',
  },
  'catalog.conflictFirst': {
    en: 'The site changed this record while your earlier change waited: resolve that conflict first (take yours, theirs, or edit).',
    fr: 'Le site a modifié cet enregistrement pendant que votre modification précédente attendait\u00a0: résolvez d’abord ce conflit (garder la vôtre, la leur, ou modifier).',
  },
  'catalog.conflictGone': {
    en: 'This conflict is no longer waiting: it was resolved or discarded meanwhile.',
    fr: 'Ce conflit n’attend plus\u00a0: il a été résolu ou abandonné entre-temps.',
  },
  'catalog.deletionNoFields': {
    en: 'A deletion has no fields to edit: take yours or theirs.',
    fr: 'Une suppression n’a pas de champs à modifier\u00a0: gardez la vôtre ou la leur.',
  },
  'catalog.settledValuesUnfit': {
    en: 'Some settled values do not fit this record.',
    fr: 'Certaines valeurs retenues ne conviennent pas à cet enregistrement.',
  },
  // Each issue is worded by the window from its code, as under the field it names (the English is the core's).
  'catalog.invalid': {
    en: '{issues}',
    fr: 'La boutique refuserait certaines valeurs. {issues}',
  },
} as const;
