/** macOS uses Cmd where other systems use Ctrl. userAgent, because navigator.platform is deprecated. */
export const isMac: boolean = /Mac OS X|Macintosh/.test(navigator.userAgent);
