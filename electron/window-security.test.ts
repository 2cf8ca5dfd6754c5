import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';
import { mayNavigate, onWillNavigate, onWindowOpen } from './navigation-policy';
import { APP_ENTRY, mainWindowOptions } from './window-options';

/**
 * Pins the window's security. If someone loosens any of these, this test fails and the change has to be
 * argued for in review.
 */
describe('main window security', () => {
  const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;

  it('isolates the page: contextIsolation and sandbox on, Node off everywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.preload).toBe('/app/preload.cjs');
  });

  it('has a strict CSP with no inline script or eval, the same in the header and in index.html', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:|https:/);
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });

  it('denies navigation away from the app and sends web links to the system browser', () => {
    const opened: string[] = [];
    const open = (url: string) => void opened.push(url);
    expect(mayNavigate(APP_ENTRY)).toBe(true);
    expect(mayNavigate('app://bundle/index.html#/settings')).toBe(true);
    expect(mayNavigate('app://bundle.evil/index.html')).toBe(false);
    expect(mayNavigate('file:///etc/passwd')).toBe(false);
    expect(onWillNavigate('https://moodle.example.com/user/profile.php?id=5', open)).toBe(true);
    expect(onWillNavigate('javascript:alert(1)', open)).toBe(true);
    expect(onWillNavigate('app://bundle/index.html#/bills', open)).toBe(false);
    expect(opened).toEqual(['https://moodle.example.com/user/profile.php?id=5']);
  });

  it('never opens a new window; web and mail links go to the system', () => {
    const opened: string[] = [];
    const open = (url: string) => void opened.push(url);
    expect(onWindowOpen('https://moodle.example.com/', open)).toEqual({ action: 'deny' });
    expect(onWindowOpen('mailto:compta@example.fr', open)).toEqual({ action: 'deny' });
    expect(onWindowOpen('file:///etc/passwd', open)).toEqual({ action: 'deny' });
    expect(onWindowOpen('app://bundle/index.html', open)).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://moodle.example.com/', 'mailto:compta@example.fr']);
  });
});

describe('preload', () => {
  it('exposes only invoke, on and the desktop commands, and refuses names outside the contract', async () => {
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve({ ok: true, value: null })),
        on: vi.fn(),
        removeListener: vi.fn(),
      },
    }));
    await import('./preload');
    expect(Object.keys(exposed)).toEqual(['backoffice']);
    const bridge = exposed['backoffice'] as {
      invoke: (n: string, i: unknown) => Promise<unknown>;
      on: (n: string, cb: () => void) => () => void;
      desktop: (n: string, i: unknown) => Promise<unknown>;
    };
    expect(Object.keys(bridge).sort()).toEqual(['desktop', 'invoke', 'on']);
    expect(await bridge.invoke('fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(invoked).toEqual([]);
    await bridge.invoke('settings.get', {});
    expect(invoked).toEqual([['backoffice:invoke', 'settings.get', {}]]);
    expect(() => bridge.on('ipc.anything', () => {})).toThrow(/Unknown event/);
    expect(typeof bridge.on('settings.changed', () => {})).toBe('function');
    // The desktop channel carries its own few names only (shared/contract/desktop.ts), never a core command.
    expect(await bridge.desktop('shell.openExternal', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(await bridge.desktop('settings.get', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    await bridge.desktop('desktop.showInFolder', { path: '/x.pdf' });
    expect(invoked.at(-1)).toEqual(['backoffice:desktop', 'desktop.showInFolder', { path: '/x.pdf' }]);
    vi.doUnmock('electron');
  });
});
