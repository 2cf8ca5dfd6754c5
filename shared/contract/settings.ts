import { z } from 'zod';
import { command, event } from './define';
import { TEMPLATE_MAX_LENGTH } from '../followup/reminder-template';

export const languageSchema = z.enum(['system', 'fr', 'en']);
export const themeSchema = z.enum(['system', 'light', 'dark']);

/** The panel beside a list (a bill, a customer, a product): its width in pixels, or folded away. */
export const detailPanelSchema = z
  .object({
    width: z.number().int().min(240).max(2000),
    collapsed: z.boolean(),
  })
  .strict();
export type DetailPanelLayout = z.infer<typeof detailPanelSchema>;

const reminderText = z.string().max(TEMPLATE_MAX_LENGTH);

export const settingsSchema = z.object({
  /** 'system' follows the OS locale: French when it is French, English otherwise. */
  language: languageSchema,
  theme: themeSchema,
  /** Absent until the operator resizes or folds the panel: the app's default then. */
  detailPanel: detailPanelSchema.optional(),
  /** The operator's reminder texts (shared/followup/reminder-template.ts); absent or empty: the defaults. */
  reminderTemplates: z
    .object({
      payment: z.object({ fr: reminderText, en: reminderText }).strict(),
      renewal: z.object({ fr: reminderText, en: reminderText }).strict(),
    })
    .strict()
    .optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsCommands = {
  'settings.get': command('App-wide preferences', z.object({}).strict(), settingsSchema),
  'settings.update': command('Change some preferences; returns them all', settingsSchema.partial().strict(), settingsSchema),
};

export const settingsEvents = {
  'settings.changed': event('Preferences changed (in this or another window)', settingsSchema),
};
