/** File names and media types of the bank exports that the build writes under /instructor/exports/. */
import type { ExportFormat } from '../lib/export/index.ts';

export const EXPORT_FILES: Record<ExportFormat, { file: string; type: string; label: string; hint: string }> =
  {
    qti12: {
      file: 'extremism-online-qti12-canvas.zip',
      type: 'application/zip',
      label: 'QTI 1.2 package (Canvas)',
      hint: 'Canvas: Settings → Import Course Content → QTI .zip file.',
    },
    qti21: {
      file: 'extremism-online-qti21.zip',
      type: 'application/zip',
      label: 'QTI 2.1 package',
      hint: 'For LMSs and item banks that read IMS QTI 2.1 content packages.',
    },
    moodle: {
      file: 'extremism-online-moodle.xml',
      type: 'application/xml',
      label: 'Moodle XML',
      hint: 'Moodle: Question bank → Import → Moodle XML format.',
    },
    gift: {
      file: 'extremism-online-gift.txt',
      type: 'text/plain; charset=utf-8',
      label: 'GIFT',
      hint: 'Moodle: Question bank → Import → GIFT format.',
    },
    csv: {
      file: 'extremism-online-questions.csv',
      type: 'text/csv; charset=utf-8',
      label: 'CSV spreadsheet',
      hint: 'One row per question, with the key, evidence and source link.',
    },
  };
