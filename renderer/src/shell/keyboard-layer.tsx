import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { useI18n } from '../i18n/i18n-context';
import { usePreferences } from '../preferences/preferences-context';
import { startAudit } from '../workspaces/production/audit/audit-runner';
import { AUDIT_HASH } from '../workspaces/production/production-route';
import { resolveTheme, usePrefersDark } from '../preferences/theme';
import { PANEL_DEFAULT } from '../tables/detail-pane-model';
import { CommandPalette } from './command-palette';
import { usePaletteActionList } from './palette-actions';
import type { PaletteCommand } from './palette-model';
import { isMac } from './platform';
import { inTextField, isShortcut, type ShortcutKeyEvent } from './shortcut-registry';
import { ShortcutsSheet } from './shortcuts-sheet';
import '../styles/keyboard.css';
import { hashOf, labelKey, parseDetailId, parseHash, shortcutOf, workspaceIds, type WorkspaceId } from './workspaces';

/** Focuses a field once the workspace that holds it is drawn (right after a navigation). */
function focusWhenShown(id: string, tries = 20): void {
  const field = document.getElementById(id);
  if (field) {
    field.focus();
    return;
  }
  if (tries > 0) setTimeout(() => focusWhenShown(id, tries - 1), 50);
}

function keyEventOf(event: KeyboardEvent): ShortcutKeyEvent {
  // Spelled out: a DOM event's fields are getters, which a spread would not copy.
  const { key, code, ctrlKey, metaKey, altKey, shiftKey } = event;
  return { key, code, ctrlKey, metaKey, altKey, shiftKey };
}

/**
 * The keys that work everywhere: Ctrl/Cmd+K opens the command palette (also from a text field), "?" the
 * shortcuts sheet (outside text fields, where it is a character). Both are matched through the shortcut
 * registry, which the sheet lists.
 */
export function KeyboardLayer({ navigate }: { navigate(id: WorkspaceId): void }) {
  const api = useApi();
  const { t, language } = useI18n();
  const { settings, update } = usePreferences();
  const prefersDark = usePrefersDark();
  const workspaceActions = usePaletteActionList();
  const [shown, setShown] = useState<'palette' | 'sheet' | null>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const keys = keyEventOf(event);
      const toggle = (which: 'palette' | 'sheet') => {
        event.preventDefault();
        // Closed through the dialog, so that it gives the focus back to where it was.
        if (shown === which) document.querySelector<HTMLDialogElement>(`dialog[data-keyboard="${which}"]`)?.close();
        else setShown(which);
      };
      // Another dialog (an export, a confirmation) keeps the keyboard.
      const otherDialog = shown === null && document.querySelector('dialog[open]') !== null;
      if (isShortcut('palette', keys, isMac)) {
        if (!otherDialog) toggle('palette');
      } else if (isShortcut('sheet', keys, isMac) && !inTextField(event.target)) {
        if (!otherDialog && shown !== 'palette') toggle('sheet');
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [shown]);

  if (shown === 'sheet') return <ShortcutsSheet onClose={() => setShown(null)} />;
  if (shown !== 'palette') return null;

  const hash = window.location.hash;
  const workspace = parseHash(hash);
  const openRecord = parseDetailId(hash);
  const dark = resolveTheme(settings.theme, prefersDark) === 'dark';
  const panel = settings.detailPanel ?? PANEL_DEFAULT;
  const navigation: PaletteCommand[] = workspaceIds.map((id, index) => ({
    id: `go:${id}`,
    group: 'navigation',
    title: t('palette.go', { workspace: t(labelKey(id)) }),
    // Both languages' names: an operator may think of "Factures" in the English window.
    keywords: `${en[labelKey(id)]} ${fr[labelKey(id)]}`,
    keys: shortcutOf(index, isMac).hint,
    run: () => navigate(id),
  }));
  const actions: PaletteCommand[] = [
    {
      id: 'sync',
      group: 'actions',
      title: t('palette.action.sync'),
      keywords: 'F5 synchronise refresh',
      run: () => {
        navigate('sync');
        // The Sync workspace shows the run and its outcome (sync.progressed, sync.finished); a refusal, such as
        // a sync already running, leaves that run on screen.
        api.invoke('sync.start', {}).catch(() => {});
      },
    },
    { id: 'shortcuts', group: 'actions', title: t('palette.action.shortcuts'), keys: '?', run: () => setShown('sheet') },
    {
      id: 'search.bills',
      group: 'actions',
      title: t('palette.action.searchBills'),
      run: () => {
        navigate('bills');
        focusWhenShown('bills-search');
      },
    },
    {
      id: 'search.customers',
      group: 'actions',
      title: t('palette.action.searchCustomers'),
      run: () => {
        navigate('customers');
        focusWhenShown('customers-search');
      },
    },
    ...(openRecord !== null && (workspace === 'bills' || workspace === 'customers')
      ? [
          {
            id: 'record.close',
            group: 'actions' as const,
            title: t('palette.action.closeRecord'),
            run: () => {
              window.location.hash = hashOf(workspace);
            },
          },
        ]
      : []),
    {
      id: panel.collapsed ? 'panel.unfold' : 'panel.fold',
      group: 'actions',
      title: t(panel.collapsed ? 'palette.action.unfoldPanel' : 'palette.action.foldPanel'),
      run: () => void update({ detailPanel: { width: panel.width, collapsed: !panel.collapsed } }).catch(() => {}),
    },
    {
      id: dark ? 'theme.light' : 'theme.dark',
      group: 'actions',
      title: t(dark ? 'palette.action.themeLight' : 'palette.action.themeDark'),
      run: () => void update({ theme: dark ? 'light' : 'dark' }).catch(() => {}),
    },
    {
      id: language === 'fr' ? 'language.en' : 'language.fr',
      group: 'actions',
      title: t(language === 'fr' ? 'palette.action.english' : 'palette.action.french'),
      run: () => void update({ language: language === 'fr' ? 'en' : 'fr' }).catch(() => {}),
    },
    { id: 'profile.add', group: 'actions', title: t('palette.action.addProfile'), run: () => navigate('settings') },
    {
      id: 'audit.open',
      group: 'actions',
      title: t('palette.action.auditOpen'),
      keywords: 'audit contrôle enrolments inscriptions Moodle',
      run: () => {
        window.location.hash = AUDIT_HASH;
      },
    },
    {
      id: 'audit.run',
      group: 'actions',
      title: t('palette.action.auditRun'),
      // F5 runs it too, but only in the audit view: no key shown here.
      keywords: 'audit contrôle enrolments inscriptions Moodle F5',
      run: () => {
        // The audit view shows the run, its progress and its outcome (audit-runner.ts), wherever it was started.
        window.location.hash = AUDIT_HASH;
        startAudit(api);
      },
    },
    ...workspaceActions(),
  ];

  return <CommandPalette commands={[...navigation, ...actions]} onClose={() => setShown(null)} />;
}
