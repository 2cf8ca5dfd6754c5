import { AUDIT_TEXTS } from './texts-audit';
import { BILL_TEXTS } from './texts-bills';
import { CATALOG_TEXTS } from './texts-catalogs';
import { FILE_TEXTS } from './texts-files';
import { FOLLOWUP_TEXTS } from './texts-followup';
import { LETTERING_TEXTS } from './texts-lettering';
import { MOODLE_TEXTS } from './texts-moodle';
import { PRODUCTION_TEXTS } from './texts-production';
import { SITE_TEXTS } from './texts-site';

/** Every refusal's words, by key (shared/errors/error-text.ts says how they are used). */
export const ERROR_TEXTS = {
  ...AUDIT_TEXTS,
  ...BILL_TEXTS,
  ...CATALOG_TEXTS,
  ...FILE_TEXTS,
  ...FOLLOWUP_TEXTS,
  ...LETTERING_TEXTS,
  ...MOODLE_TEXTS,
  ...PRODUCTION_TEXTS,
  ...SITE_TEXTS,
} as const;
export type ErrorTextKey = keyof typeof ERROR_TEXTS;
