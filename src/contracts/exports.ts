/** Exports in the formats the world already reads (issue 13): `GET /api/v1/public/exports/:format`. */
import { z } from 'zod';
import { exportFormats } from '../domain/exports/formats.js';
import { halfYear } from './common.js';

export const exportFormat = z
  .string()
  .refine((f) => (exportFormats as readonly string[]).includes(f), `must be one of ${exportFormats.join(', ')}`)
  .meta({ example: 'google-removals', description: `One of ${exportFormats.join(', ')}` });

export const exportParams = z.object({ format: exportFormat });

export const exportQuery = z.object({
  period: halfYear.optional(),
  /** One file of a multi-file format, by the name its list gives. */
  file: z.string().min(1).max(200).optional().meta({
    description: 'One file of a multi-file format, by the name its list gives',
    example: 'google-government-removal-requests.csv',
  }),
});

export const exportFileEntrySchema = z.object({
  name: z.string(),
  contentType: z.string(),
  /** Bytes of the UTF-8 content. */
  bytes: z.number().int(),
  url: z.string().meta({ description: 'Where to download this one file' }),
});

export const exportFileListSchema = z
  .object({
    format: z.string(),
    period: z.string().nullable(),
    files: z.array(exportFileEntrySchema),
  })
  .meta({ id: 'ExportFileList' });
export type ExportFileList = z.infer<typeof exportFileListSchema>;

/** What the downloads page needs of the formats (the web reads the domain through the contract). */
export { type ExportFormat, exportFormats, isMultiFile } from '../domain/exports/formats.js';

/** The downloads page's choice of half-year: blank for every half-year. */
export const exportPeriodChoice = z.object({ period: z.union([z.literal(''), halfYear]) });

/** The address of an export (one file of it with `file`). */
export function exportPath(format: string, period: string | null, file?: string): string {
  const query = new URLSearchParams({ ...(period ? { period } : {}), ...(file ? { file } : {}) }).toString();
  return `/api/v1/public/exports/${encodeURIComponent(format)}${query ? `?${query}` : ''}`;
}
