/**
 * Reminder templates: a text with placeholders in braces, one per kind of reminder and language, kept in the
 * app's settings (settings.reminderTemplates) and edited by the operator; these defaults stand until then.
 * Both sides render with this one function: the core what it sends, the window its preview.
 */

export type TemplateKind = 'payment' | 'renewal';
export type TemplateLanguage = 'fr' | 'en';
export type ReminderTemplates = Record<TemplateKind, Record<TemplateLanguage, string>>;

/** The placeholders each kind fills; an unknown one is left as typed, so a typo shows in the preview. */
export const PLACEHOLDERS: Record<TemplateKind, readonly string[]> = {
  payment: ['customer', 'bill', 'amount', 'total', 'dueDate', 'daysLate', 'shop'],
  renewal: ['customer', 'product', 'endDate', 'price', 'bill', 'shop'],
};

export const DEFAULT_TEMPLATES: ReminderTemplates = {
  payment: {
    en:
      'Dear {customer},\n\nOur records show that {amount} remains due on bill {bill} (total {total}), ' +
      'which was due on {dueDate} ({daysLate} days ago). If you have already paid, please ignore this message; ' +
      'otherwise we would be grateful if you could settle it soon.\n\nKind regards,\n{shop}',
    fr:
      'Bonjour {customer},\n\nSauf erreur de notre part, {amount} restent dus sur la facture {bill} (total {total}), ' +
      'échue le {dueDate} (il y a {daysLate} jours). Si vous avez déjà réglé, merci de ne pas tenir compte de ce ' +
      'message ; dans le cas contraire, nous vous remercions de bien vouloir procéder au règlement.\n\nCordialement,\n{shop}',
  },
  renewal: {
    en:
      'Dear {customer},\n\nYour access to {product} ends on {endDate}. You can renew it for {price} ' +
      '(today’s price) to keep learning without interruption.\n\nKind regards,\n{shop}',
    fr:
      'Bonjour {customer},\n\nVotre accès à {product} prend fin le {endDate}. Vous pouvez le renouveler pour {price} ' +
      '(tarif du jour) et poursuivre votre formation sans interruption.\n\nCordialement,\n{shop}',
  },
};

/** The longest template the settings keep: Moodle refuses a message over 4,096 bytes (MESSAGE_MAX_LENGTH). */
export const TEMPLATE_MAX_LENGTH = 3000;

/** Fills `{name}` with the value given; `{name}` without a value stays as written. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? (values[name] as string) : whole,
  );
}

/** The template in force: the operator's when set, else the default. */
export function templateOf(templates: Partial<ReminderTemplates> | undefined, kind: TemplateKind, language: TemplateLanguage): string {
  const own = templates?.[kind]?.[language];
  return own && own.trim() !== '' ? own : DEFAULT_TEMPLATES[kind][language];
}

/** An amount for a reader: 125050, EUR → "1 250,50 €" or "€1,250.50" (display only; the cents stay exact). */
export function formatAmount(cents: number, currency: string, language: TemplateLanguage): string {
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(cents / 100)} ${currency}`;
  }
}

/** A date for a reader, in the language of the message: "15/03/2026" or "15 March 2026". */
export function formatDay(seconds: number, language: TemplateLanguage): string {
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(seconds * 1000));
}
