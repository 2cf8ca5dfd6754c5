/** The words of the refusals about the site, its profile and the sync (see texts-bills.ts for the conventions). */
export const SITE_TEXTS = {
  'moodle.timeout': {
    en: '{host} did not answer {function} in time. Check your connection; the site may be overloaded.',
    fr: '{host} n’a pas répondu à temps à {function}. Vérifiez votre connexion\u202f; le site est peut-être surchargé.',
  },
  'moodle.tls': {
    en: 'The secure connection to {host} failed ({cause}): its certificate is invalid or not trusted by this computer. Ask the site administrator, or check the address.',
    fr: 'La connexion sécurisée à {host} a échoué ({cause})\u00a0: son certificat est invalide ou cet ordinateur ne lui fait pas confiance. Demandez à l’administrateur du site, ou vérifiez l’adresse.',
  },
  'moodle.unknownHost': {
    en: 'The site name {host} cannot be found. Check the address in Settings and your connection.',
    fr: 'Le nom du site {host} est introuvable. Vérifiez l’adresse dans les Paramètres, et votre connexion.',
  },
  'moodle.connectionCut': {
    en: 'The connection to {host} was cut while calling {function}. Check your connection and try again.',
    fr: 'La connexion à {host} a été coupée pendant l’appel de {function}. Vérifiez votre connexion et réessayez.',
  },
  'moodle.unreachable': {
    en: 'Cannot reach {host} ({cause}). You are offline or the site is down; the back-office keeps working on its cache.',
    fr: 'Impossible de joindre {host} ({cause}). Vous êtes hors connexion ou le site est arrêté\u202f; le back-office continue de travailler sur ses données locales.',
  },
  'profile.noToken': {
    en: 'This site profile has no web service token. Enter one in Settings.',
    fr: 'Ce profil de site n’a pas de jeton de service web. Saisissez-en un dans les Paramètres.',
  },
  'profile.notFound': {
    en: 'There is no site profile "{id}". It may have been removed in another window.',
    fr: 'Il n’y a pas de profil de site «\u00a0{id}\u00a0». Il a peut-être été supprimé dans une autre fenêtre.',
  },
  'profile.nameTaken': {
    en: 'A site profile is already named "{name}". Choose another name.',
    fr: 'Un profil de site s’appelle déjà «\u00a0{name}\u00a0». Choisissez un autre nom.',
  },
  'profile.tokenUnreadable': {
    en: 'The stored web service token cannot be read. Enter the token again in Settings.',
    fr: 'Le jeton de service web enregistré est illisible. Saisissez de nouveau le jeton dans les Paramètres.',
  },
  'profile.tokenUndecryptable': {
    en: 'The stored web service token cannot be decrypted on this computer. Enter the token again in Settings.',
    fr: 'Le jeton de service web enregistré ne peut pas être déchiffré sur cet ordinateur. Saisissez de nouveau le jeton dans les Paramètres.',
  },
  'profile.keptCacheGone': {
    en: 'There is no kept cache "{name}" for this profile. It may have been deleted already.',
    fr: 'Il n’y a pas de données mises de côté «\u00a0{name}\u00a0» pour ce profil. Elles ont peut-être déjà été supprimées.',
  },
  'sync.runningNewCache': {
    en: 'A sync is running. Wait for it to finish, or cancel it, before starting a new cache.',
    fr: 'Une synchronisation est en cours. Attendez sa fin, ou annulez-la, avant de repartir de données neuves.',
  },
  'sync.sendingChanges': {
    en: 'A sync is sending changes right now: try again when it has finished.',
    fr: 'Une synchronisation envoie des modifications en ce moment\u00a0: réessayez quand elle sera finie.',
  },
  'sync.runningRebuild': {
    en: 'A sync is running. Wait for it to finish, or cancel it, before rebuilding the cache.',
    fr: 'Une synchronisation est en cours. Attendez sa fin, ou annulez-la, avant de reconstruire les données locales.',
  },
  'sync.cacheFilling': {
    en: 'The local cache is being filled (a first sync or a rebuild has not finished; {bills} bills so far): what is read now would miss part of the shop. Wait for the sync to finish (Sync workspace), then try again.',
    fr: 'Les données locales sont en cours de remplissage (une première synchronisation ou une reconstruction n’est pas finie ; {bills} factures pour l’instant) : ce qui serait lu maintenant manquerait une partie de la boutique. Attendez la fin de la synchronisation (espace Synchronisation), puis réessayez.',
  },
  'outbox.gone': {
    en: 'This change is no longer in the outbox: it was sent or discarded meanwhile.',
    fr: 'Cette modification n’est plus dans la file d’envoi : elle a été envoyée ou abandonnée entre-temps.',
  },
  'outbox.notWaiting': {
    en: 'This change is no longer waiting: it was sent to the site, or undone meanwhile.',
    fr: 'Cette modification n’est plus en attente\u00a0: elle a été envoyée au site, ou défaite entre-temps.',
  },
  'outbox.unreadableUndo': {
    en: 'This change cannot be read back ({reason}): discard it instead.',
    fr: 'Cette modification ne peut pas être relue ({reason})\u00a0: abandonnez-la plutôt.',
  },
  'sync.cancelled': {
    en: 'The sync was cancelled. What was received so far is kept; the next sync continues from there.',
    fr: 'La synchronisation a été annulée. Ce qui a déjà été reçu est gardé\u202f; la prochaine synchronisation reprend à partir de là.',
  },
  'sync.rebuildStopped': {
    en: 'The rebuild was stopped: another site became active. Rebuild again to fill the cache.',
    fr: 'La reconstruction a été arrêtée\u00a0: un autre site est devenu actif. Reconstruisez de nouveau pour remplir les données locales.',
  },
  'sync.cursorStuck': {
    en: "The shop's {entity} page did not move the sync cursor forward. The site's local_shop plugin has a bug; report it to its maintainer.",
    fr: 'La page {entity} de la boutique n’a pas fait avancer le curseur de synchronisation. Le plugin local_shop du site a un défaut\u202f; signalez-le à son responsable.',
  },
  'profile.noneYet': {
    en: 'No Moodle site is set up yet. Add one in Settings.',
    fr: 'Aucun site Moodle n’est encore configuré. Ajoutez-en un dans les Paramètres.',
  },
  'undo.sending': {
    en: 'This change is being sent to the site right now; it can no longer be undone. Once it is through, make the opposite change.',
    fr: 'Cette modification est en cours d’envoi au site\u202f; elle ne peut plus être défaite. Une fois passée, faites la modification inverse.',
  },
  'undo.tried': {
    en: 'This change was already sent once without an answer from the site, which may have applied it; it can no longer be undone. Let the next sync settle it.',
    fr: 'Cette modification a déjà été envoyée une fois sans réponse du site, qui l’a peut-être appliquée\u202f; elle ne peut plus être défaite. Laissez la prochaine synchronisation trancher.',
  },
  'undo.notPending': {
    en: 'This change was refused by the site or met a change made there: retry or discard it instead.',
    fr: 'Cette modification a été refusée par le site ou a rencontré une modification faite là-bas\u00a0: renvoyez-la ou abandonnez-la plutôt.',
  },
  'undo.production': {
    en: 'This records what a product handler already did in Moodle (accounts, enrolments); it cannot be undone from here.',
    fr: 'Ceci relève ce qu’une action de mise en place a déjà fait dans Moodle (comptes, inscriptions)\u202f; cela ne peut pas être défait d’ici.',
  },
  'undo.unlettering': {
    en: 'This takes back a lettering after its match was undone; to keep the lettering, match the bill again in Lettering.',
    fr: 'Ceci retire un lettrage après que son rapprochement a été défait\u202f; pour garder le lettrage, rapprochez de nouveau la facture dans Lettrage.',
  },
  'undo.dependent': {
    en: 'A later change needs this one (a lettering, a production record, or a change naming this new record): undo that one first.',
    fr: 'Une modification plus récente a besoin de celle-ci (un lettrage, un enregistrement de production, ou une modification qui nomme ce nouvel enregistrement)\u00a0: défaites d’abord celle-là.',
  },
  // The profile reaches another site than its cache's: one text per count of unsent changes left with the cache.
  'site.changed': {
    en: "This profile now reaches {reached}, but its cache was filled from {recorded}. Nothing was sent or synced. If the profile should follow the new site, start a new cache for it (Sync › Start a new cache for this site; in a script, profiles.startNewCache): the old cache is kept aside, listed in Settings. Otherwise, put the old site's address and token back.",
    fr: 'Ce profil joint maintenant {reached}, mais son cache a été rempli depuis {recorded}. Rien n’a été envoyé ni synchronisé. Si le profil doit suivre le nouveau site, démarrez-lui un nouveau cache (Synchronisation › Démarrer un nouveau cache pour ce site\u202f; dans un script, profiles.startNewCache)\u00a0: l’ancien cache est mis de côté, listé dans les Paramètres. Sinon, remettez l’adresse et le jeton de l’ancien site.',
  },
  'site.changedOneUnsent': {
    en: "This profile now reaches {reached}, but its cache was filled from {recorded}. Nothing was sent or synced. If the profile should follow the new site, start a new cache for it (Sync › Start a new cache for this site; in a script, profiles.startNewCache): the old cache is kept aside, listed in Settings. Its 1 unsent change stays with it and will not be sent to the new site. Otherwise, put the old site's address and token back.",
    fr: 'Ce profil joint maintenant {reached}, mais son cache a été rempli depuis {recorded}. Rien n’a été envoyé ni synchronisé. Si le profil doit suivre le nouveau site, démarrez-lui un nouveau cache (Synchronisation › Démarrer un nouveau cache pour ce site\u202f; dans un script, profiles.startNewCache)\u00a0: l’ancien cache est mis de côté, listé dans les Paramètres. Sa modification non envoyée reste avec lui et ne sera pas envoyée au nouveau site. Sinon, remettez l’adresse et le jeton de l’ancien site.',
  },
  'site.changedUnsent': {
    en: "This profile now reaches {reached}, but its cache was filled from {recorded}. Nothing was sent or synced. If the profile should follow the new site, start a new cache for it (Sync › Start a new cache for this site; in a script, profiles.startNewCache): the old cache is kept aside, listed in Settings. Its {unsent} unsent changes stay with it and will not be sent to the new site. Otherwise, put the old site's address and token back.",
    fr: 'Ce profil joint maintenant {reached}, mais son cache a été rempli depuis {recorded}. Rien n’a été envoyé ni synchronisé. Si le profil doit suivre le nouveau site, démarrez-lui un nouveau cache (Synchronisation › Démarrer un nouveau cache pour ce site\u202f; dans un script, profiles.startNewCache)\u00a0: l’ancien cache est mis de côté, listé dans les Paramètres. Ses {unsent} modifications non envoyées restent avec lui et ne seront pas envoyées au nouveau site. Sinon, remettez l’adresse et le jeton de l’ancien site.',
  },
  'site.pluginUnexpected': {
    en: "The site's local_shopbackoffice_get_site answered something this back-office does not understand: the plugin may be of another version. Install the version this back-office ships with.",
    fr: 'La fonction local_shopbackoffice_get_site du site a répondu quelque chose que ce back-office ne comprend pas\u00a0: le plugin est peut-être d’une autre version. Installez la version livrée avec ce back-office.',
  },
  // Why a stored change cannot be read back is worded by the window from its code (outbox.ts, toEntry).
  'outbox.damaged': {
    en: 'This change cannot be read back ({reason}). Discard it and make it again.',
    fr: 'Cette modification ne peut pas être relue ({reason}). Abandonnez-la et refaites-la.',
  },
} as const;
