// Every export format's output, stored as readable files under __snapshots__/ (the real bank and the
// fixtures full of syntax characters): QTI 1.2 and QTI 2.1 zip entries (with each zip's SHA-256, so
// the bytes are pinned too), Moodle XML, GIFT, CSV, every export report, and the Anki cards. The
// printable worksheet is pinned by components/assign/Worksheet.svelte.test.ts.
//
// A change to any of these files is a change to what an LMS or a learner receives: review the diff,
// then accept it with `npx vitest run src/lib/export/snapshots.test.ts -u`.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../cli/bank.ts';
import type { Question } from '../../questions/index.ts';
import { ankiBack, ankiFront } from '../review/anki.ts';
import { FIXTURES } from './fixtures.ts';
import { EXPORT_FORMATS, exportBank, formatReport, type ExportFile } from './index.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const BANK: Question[] = loadBank(root).questions.map((entry) => entry.question);
const LESSON_TITLES = { 'lesson-one': 'Lesson One / Part & "A"' };

/** A file as text: zips as their SHA-256 and then each entry, in archive order. */
function readable(file: ExportFile): string {
  if (typeof file.content === 'string') return file.content;
  const sha = createHash('sha256').update(file.content).digest('hex');
  const entries = Object.entries(unzipSync(file.content)).map(
    ([path, bytes]) => `===== ${path} =====\n${strFromU8(bytes)}`,
  );
  return `zip sha256 ${sha}\n${entries.join('\n')}\n`;
}

describe.each([
  ['bank', BANK, {}],
  ['fixtures', FIXTURES, { lessonTitles: LESSON_TITLES, course: 'Course / Two' }],
] as const)('%s', (name, questions, options) => {
  it.each(EXPORT_FORMATS)('%s: the files and the report are unchanged', async (format) => {
    const { files, report } = exportBank(questions, format, options);
    for (const file of files) {
      await expect(readable(file)).toMatchFileSnapshot(`__snapshots__/${name}/${file.path}.txt`);
    }
    await expect(`${formatReport(report)}\n${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot(
      `__snapshots__/${name}/${format}-report.txt`,
    );
  });

  it('Anki cards are unchanged', async () => {
    const cards = questions.map((q) => `${q.id}\n${ankiFront(q)}\n${ankiBack(q)}\n`).join('\n');
    await expect(cards).toMatchFileSnapshot(`__snapshots__/${name}/anki.txt`);
  });
});
