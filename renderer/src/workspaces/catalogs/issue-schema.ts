import { z } from 'zod';

/** What a catalog_invalid error's details.issues hold (shared/catalogs/field-issue.ts), checked on arrival. */
export const fieldIssueSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
