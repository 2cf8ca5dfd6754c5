import { useEffect, useId, useLayoutEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import type { DetailPanelLayout } from '../../../shared/contract/settings';
import { useT } from '../i18n/i18n-context';
import { usePreferences } from '../preferences/preferences-context';
import { clampPanelWidth, draggedWidth, PANEL_DEFAULT, PANEL_MIN, panelEdgeKey, TABLE_MIN } from './detail-pane-model';

interface DetailPaneProps {
  /** What the folded panel says it holds ("Bill 400"). */
  title: string;
  /** The record shown: opening another one unfolds the panel. */
  openKey: string | number;
  children: ReactNode;
}

/**
 * The place of a record beside its list, shared by Bills, Customers and Catalogs: its left edge is a window
 * splitter (drag it, or focus it and use ← → Home End; Enter folds the panel to a thin rail and back), and
 * its width and fold are saved in the app's preferences, so every list and the next start keep them.
 */
export function DetailPane({ title, openKey, children }: DetailPaneProps) {
  const t = useT();
  const id = useId();
  const { settings, update } = usePreferences();
  const saved = settings.detailPanel ?? PANEL_DEFAULT;
  // While dragging or pressing arrows: the width shown before it is saved.
  const [live, setLive] = useState<number | null>(null);
  const paneRef = useRef<HTMLDivElement>(null);
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The workspace's width, followed as the window changes: the panel never takes the list's key columns.
  const [available, setAvailable] = useState(() => window.innerWidth);
  useLayoutEffect(() => {
    const parent = paneRef.current?.parentElement;
    if (!parent) return;
    setAvailable(parent.clientWidth);
    const observer = new ResizeObserver(() => setAvailable(parent.clientWidth));
    observer.observe(parent);
    return () => observer.disconnect();
  }, []);
  const width = live ?? saved.width;
  const collapsed = saved.collapsed;

  const save = (layout: DetailPanelLayout) => {
    // A refused save leaves the layout as it is on screen: nothing the operator has to act on.
    update({ detailPanel: layout }).catch(() => {});
  };
  useEffect(() => () => clearTimeout(saveTimer.current), []);

  // Opening another record while the panel is folded away means the operator wants to see it.
  const shownKey = useRef(openKey);
  useEffect(() => {
    if (shownKey.current === openKey) return;
    shownKey.current = openKey;
    if (collapsed) save({ width: saved.width, collapsed: false });
    // Only a change of record unfolds; the layout itself is read fresh each time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openKey]);

  const resizeTo = (to: number) => {
    setLive(to);
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      save({ width: to, collapsed: false });
      setLive(null);
    }, 400);
  };
  const fold = (next: boolean) => save({ width: clampPanelWidth(width, available), collapsed: next });

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || collapsed) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: clampPanelWidth(width, available) };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (start) setLive(draggedWidth(start.startWidth, start.startX, event.clientX, available));
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    drag.current = null;
    if (live !== null) save({ width: live, collapsed: false });
    setLive(null);
  };

  const shown = clampPanelWidth(width, available);
  return (
    <div ref={paneRef} className={collapsed ? 'detail-pane is-folded' : 'detail-pane'} style={collapsed ? undefined : { width: shown }}>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={t('panel.edge')}
        aria-controls={id}
        aria-valuenow={collapsed ? 0 : shown}
        aria-valuemin={PANEL_MIN}
        aria-valuemax={Math.max(PANEL_MIN, available - TABLE_MIN)}
        aria-keyshortcuts="ArrowLeft ArrowRight Home End Enter"
        tabIndex={0}
        className={live !== null ? 'detail-edge is-moving' : 'detail-edge'}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onDoubleClick={() => fold(!collapsed)}
        onKeyDown={(event) => {
          const action = panelEdgeKey(event, clampPanelWidth(width, available), available);
          if (!action) return;
          event.preventDefault();
          if (action.kind === 'fold') fold(!collapsed);
          else if (!collapsed) resizeTo(action.to);
        }}
      />
      {collapsed ? (
        <button type="button" className="detail-rail" aria-expanded="false" aria-controls={id} onClick={() => fold(false)}>
          <span aria-hidden="true">‹</span>
          <span className="detail-rail-title">{t('panel.unfold', { title })}</span>
        </button>
      ) : (
        <button
          type="button"
          className="button button-quiet detail-fold"
          aria-expanded="true"
          aria-controls={id}
          title={t('panel.fold')}
          aria-label={t('panel.fold')}
          onClick={() => fold(true)}
        >
          ›
        </button>
      )}
      <div id={id} className="detail-slot" hidden={collapsed}>
        {children}
      </div>
    </div>
  );
}
