/**
 * The words of the follow-up's refusals (main/followup/): reminders of receivables and renewals. See
 * texts-bills.ts for the conventions.
 */
export const FOLLOWUP_TEXTS = {
  'reminders.nothing': {
    en: 'Nothing to remind: the bills selected are paid, or the products renewed. Refresh the list.',
    fr: 'Rien à relancer\u00a0: les factures choisies sont payées, ou les produits renouvelés. Actualisez la liste.',
  },
} as const;
