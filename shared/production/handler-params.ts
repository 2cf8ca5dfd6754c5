/**
 * A catalog item's handler parameters, as the plugin stores them: URL-encoded `key1=value1&key2=value2`
 * (reference: local_shop.md, "Product handlers"). Written without URLSearchParams so that it runs in the
 * renderer and the core alike; `+` is a space, as PHP's parse_str() reads it.
 */
export function parseHandlerParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const key = decode(at < 0 ? pair : pair.slice(0, at)).trim();
    if (key === '') continue;
    params[key] = at < 0 ? '' : decode(pair.slice(at + 1)).trim();
  }
  return params;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // A stray % in a hand-typed parameter: keep the text as typed rather than losing the parameter.
    return text;
  }
}

/** The four handlers the back-office runs by hand; the plugin's other handlers are not run from here. */
export const RUNNABLE_HANDLERS = [
  'std_enrolonecourse',
  'std_extendenrolperiod',
  'std_assignroleoncontext',
  'std_setuponecoursesession',
] as const;
export type RunnableHandler = (typeof RUNNABLE_HANDLERS)[number];

export function isRunnableHandler(name: string): name is RunnableHandler {
  return (RUNNABLE_HANDLERS as readonly string[]).includes(name);
}
