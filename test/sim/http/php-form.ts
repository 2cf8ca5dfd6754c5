/**
 * PHP's reading of form fields into $_POST: `users[0][customfields][1][type]=x` becomes nested arrays, `a[]`
 * appends, dots and spaces in the top-level name become underscores, and fields past max_input_vars are
 * dropped silently (PHP only logs a warning), which is how an oversized batch reaches Moodle truncated.
 * Arrays are Maps because PHP arrays keep insertion order, which JavaScript objects do not for integer keys.
 */
export type PhpValue = string | PhpArray;
export type PhpArray = Map<string, PhpValue>;

/** PHP's default. */
export const MAX_INPUT_VARS = 1000;

export interface ParsedForm {
  values: PhpArray;
  /** Fields beyond max_input_vars, dropped like PHP does. */
  dropped: number;
}

function nextIndex(array: PhpArray): string {
  let max = -1;
  for (const key of array.keys()) {
    if (/^(0|-?[1-9]\d*)$/.test(key)) max = Math.max(max, Number(key));
  }
  return String(max + 1);
}

/** Splits `base[i][j]` into its keys the way php_register_variable_ex() does. */
export function splitFieldName(raw: string): string[] | null {
  const name = raw.replace(/^ +/, '');
  const open = name.indexOf('[');
  const normalise = (s: string) => s.replace(/[ .]/g, '_');
  if (open === -1) return name === '' ? null : [normalise(name)];
  const base = name.slice(0, open);
  if (base === '') return null;
  const keys = [normalise(base)];
  let pos = open;
  while (pos < name.length && name[pos] === '[') {
    const close = name.indexOf(']', pos + 1);
    if (close === -1) {
      // An unclosed first bracket turns into an underscore and the rest stays in the name.
      if (keys.length === 1) keys[0] = `${keys[0]}_${name.slice(pos + 1)}`;
      break;
    }
    keys.push(name.slice(pos + 1, close));
    pos = close + 1;
  }
  return keys;
}

export function setField(target: PhpArray, keys: readonly string[], value: string): void {
  let current = target;
  keys.forEach((rawKey, depth) => {
    const key = rawKey === '' && depth > 0 ? nextIndex(current) : rawKey;
    if (depth === keys.length - 1) {
      current.set(key, value);
      return;
    }
    const child = current.get(key);
    if (child instanceof Map) {
      current = child;
    } else {
      const created: PhpArray = new Map();
      current.set(key, created);
      current = created;
    }
  });
}

export function parsePhpForm(fields: Iterable<[string, string]>, maxInputVars = MAX_INPUT_VARS): ParsedForm {
  const values: PhpArray = new Map();
  let count = 0;
  let dropped = 0;
  for (const [name, value] of fields) {
    if (count >= maxInputVars) {
      dropped += 1;
      continue;
    }
    count += 1;
    const keys = splitFieldName(name);
    if (keys) setField(values, keys, value);
  }
  return { values, dropped };
}

/** array_merge($_GET, $_POST): the body wins over the query string, key by top-level key. */
export function mergeTopLevel(query: PhpArray, body: PhpArray): PhpArray {
  const merged: PhpArray = new Map(query);
  for (const [key, value] of body) merged.set(key, value);
  return merged;
}
