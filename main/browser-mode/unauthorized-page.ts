import { createHash } from 'node:crypto';

/**
 * What a browser gets at the back-office's address without this launch's secret: a page saying how to open
 * the app, where a raw JSON 401 left a person (an old bookmark, an address copied without its ?secret=, a
 * second browser) with nothing to act on. Scripts and the window's own requests keep the JSON answer
 * (http-transport.ts decides from the method, the path and Accept).
 *
 * The server does not know the app's language before the window is open, so the page is in both: the
 * browser's preferred one (Accept-Language) first.
 */

type Language = 'fr' | 'en';

const TEXT: Record<Language, { title: string; body: string[]; steps: string[] }> = {
  en: {
    title: 'Open the back-office with its launch address',
    body: [
      'This is Shop Back-Office in browser mode. It opens only from the address it printed when it started, such as ' +
        '<code>http://127.0.0.1:PORT/?secret=…</code>: the secret in it is made anew at every launch, so an address without it, ' +
        'or from an earlier launch, lands here.',
    ],
    steps: [
      'In the terminal where you ran <code>npm run demo</code> or <code>npm start</code>, find the line ' +
        '<code>Open the back-office at http://127.0.0.1:…/?secret=…</code> (or the <code>"url"</code> of the JSON line) and open that address.',
      'Terminal closed, or the address lost? Stop the back-office (<kbd>Ctrl</kbd>+<kbd>C</kbd> where it runs) and start it again: it prints a new address.',
      'Once the app is open the address bar shows no secret: this browser session keeps it in a cookie, so reloading works; another browser or a private window needs the printed address.',
    ],
  },
  fr: {
    title: 'Ouvrez le back-office avec son adresse de lancement',
    body: [
      'Ceci est Shop Back-Office en mode navigateur. Il ne s’ouvre que depuis l’adresse affichée à son démarrage, comme ' +
        '<code>http://127.0.0.1:PORT/?secret=…</code>\u00a0: le secret qu’elle contient change à chaque lancement, si bien qu’une adresse sans lui, ' +
        'ou d’un lancement précédent, mène ici.',
    ],
    steps: [
      'Dans le terminal où vous avez lancé <code>npm run demo</code> ou <code>npm start</code>, trouvez la ligne ' +
        '<code>Open the back-office at http://127.0.0.1:…/?secret=…</code> (ou le <code>"url"</code> de la ligne JSON) et ouvrez cette adresse.',
      'Terminal fermé, ou adresse perdue\u202f? Arrêtez le back-office (<kbd>Ctrl</kbd>+<kbd>C</kbd> là où il tourne) et relancez-le\u00a0: il affiche une nouvelle adresse.',
      'Une fois l’application ouverte, la barre d’adresse ne montre plus de secret\u00a0: cette session du navigateur le garde dans un cookie, donc recharger la page fonctionne\u00a0; un autre navigateur ou une fenêtre privée a besoin de l’adresse affichée.',
    ],
  },
};

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1.5rem;color:#1d2430;background:#fff}' +
  'section+section{margin-top:2.5rem;padding-top:1.5rem;border-top:1px solid #d5dae3}h1{font-size:1.4rem;margin:0 0 1rem}' +
  'code,kbd{font:0.9em ui-monospace,monospace;background:#eef1f6;padding:0.05em 0.3em;border-radius:3px}li+li{margin-top:0.5rem}' +
  '@media (prefers-color-scheme:dark){body{color:#e3e7ee;background:#161a21}code,kbd{background:#262c36}section+section{border-color:#333a46}}';

/** The page's own policy: no script at all, and only its one inline style (by hash). */
export const UNAUTHORIZED_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** The browser's first choice between French and English (a missing or other header: English first). */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { tag: tag.toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag.startsWith('fr') || entry.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.tag.startsWith('fr') ? 'fr' : 'en';
}

/** `origin`: this server's own address (http://127.0.0.1:<port>), shown where the page says which address to open. */
export function unauthorizedPage(acceptLanguage: string | undefined, origin: string): string {
  const first = preferredLanguage(acceptLanguage);
  // Only digits and the loopback name come from the server's own address; escaped all the same.
  const address = origin.replace(/[<>&"']/g, '');
  const order: Language[] = first === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
  const section = (language: Language) => {
    const text = TEXT[language];
    const here = (html: string) => html.replace(/http:\/\/127\.0\.0\.1:(PORT|…)/g, address);
    return `<section lang="${language}"><h1>${text.title}</h1>${text.body.map((p) => `<p>${here(p)}</p>`).join('')}<ol>${text.steps
      .map((step) => `<li>${here(step)}</li>`)
      .join('')}</ol></section>`;
  };
  return `<!doctype html><html lang="${first}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${TEXT[first].title} — Shop Back-Office</title><style>${STYLE}</style></head><body>${order.map(section).join('')}</body></html>`;
}
