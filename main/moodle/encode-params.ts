/**
 * Moodle's REST server reads PHP-style form fields: nested arrays and objects become bracketed keys
 * (`users[0][customfields][0][type]=...`), booleans are 0/1. Order is kept as given, like the captures.
 */
export type WsValue = string | number | boolean | null | undefined | WsValue[] | { [key: string]: WsValue };

export function encodeParams(params: Record<string, WsValue>): [string, string][] {
  const fields: [string, string][] = [];
  const walk = (key: string, value: WsValue): void => {
    if (value === undefined || value === null) return; // Moodle applies the default for an absent optional field.
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(`${key}[${index}]`, item));
    } else if (typeof value === 'object') {
      for (const [child, item] of Object.entries(value)) walk(`${key}[${child}]`, item);
    } else if (typeof value === 'boolean') {
      fields.push([key, value ? '1' : '0']);
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new TypeError(`Parameter ${key} is not a finite number`);
      fields.push([key, String(value)]);
    } else {
      fields.push([key, value]);
    }
  };
  for (const [key, value] of Object.entries(params)) walk(key, value);
  return fields;
}

export function toFormBody(fields: [string, string][]): string {
  return new URLSearchParams(fields).toString();
}
