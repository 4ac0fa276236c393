/**
 * The question bank exported for learning management systems, generated at build time so an
 * instructor downloads plain files: QTI 1.2 (Canvas), QTI 2.1, Moodle XML, GIFT and CSV.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { exportBank, type ExportFormat } from '../../../lib/export/index.ts';
import { getBank } from '../../../data/bank.ts';
import { EXPORT_FILES } from '../../../data/exports.ts';

export const getStaticPaths = (() =>
  (Object.keys(EXPORT_FILES) as ExportFormat[]).map((format) => ({
    params: { file: EXPORT_FILES[format].file },
    props: { format },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const format = props.format as ExportFormat;
  const bank = await getBank();
  const lessonTitles = Object.fromEntries(bank.map((b) => [b.question.lesson, b.lessonTitle]));
  const result = exportBank(
    bank.map((b) => b.question),
    format,
    { course: 'Extremism Online', lessonTitles },
  );
  const file = result.files[0];
  if (!file) throw new Error(`export ${format}: the exporter produced no file`);
  const body = typeof file.content === 'string' ? file.content : new Uint8Array(file.content);
  return new Response(body, { headers: { 'Content-Type': EXPORT_FILES[format].type } });
};
