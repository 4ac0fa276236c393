// The exporters over the REAL bank (loaded exactly as the CLI loads it): every question must be
// exported or reported, every XML must parse, every package must list every file it holds.
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../cli/bank.ts';
import type { Question } from '../../questions/index.ts';
import { find, parseTree, readGift, type TreeNode } from './fixtures.ts';
import { EXPORT_FORMATS, exportBank, formatReport } from './index.ts';
import { exporters } from '../../questions/exporters.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const questions: Question[] = loadBank(root).questions.map((entry) => entry.question);
const ids = questions.map((q) => q.id);
const tree = (xml: string): TreeNode[] => parseTree(xml);
const unzip = (content: string | Uint8Array | undefined): Record<string, string> => {
  if (!(content instanceof Uint8Array)) throw new Error('expected a zip');
  return Object.fromEntries(Object.entries(unzipSync(content)).map(([k, v]) => [k, strFromU8(v)]));
};
const countBy = (values: string[]): Record<string, number> =>
  values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
const results = Object.fromEntries(EXPORT_FORMATS.map((f) => [f, exportBank(questions, f)]));
const result = (format: (typeof EXPORT_FORMATS)[number]) => {
  const r = results[format];
  if (!r) throw new Error(format);
  return r;
};

describe('the real bank', () => {
  it('has questions to export', () => {
    expect(questions.length).toBeGreaterThan(100);
  });

  it.each(EXPORT_FORMATS)('%s: every question is exported or reported', (format) => {
    const { report } = result(format);
    expect(report.questions).toBe(questions.length);
    const reported = new Set(report.notes.map((n) => n.questionId));
    for (const note of report.notes) expect(ids).toContain(note.questionId);
    const skipped = report.questions - report.exported;
    expect(skipped === 0 || reported.size >= skipped).toBe(true);
    expect(Object.values(report.byType).reduce((a, b) => a + b, 0)).toBe(report.exported);
    expect(formatReport(report)).toMatch(/^Export: /);
  });

  it('QTI 1.2: the manifest lists every lesson file, and every question is an item of its Canvas type', () => {
    const files = unzip(result('qti12').files[0]?.content);
    const hrefs = find(tree(files['imsmanifest.xml'] ?? ''), 'file').map((f) => f.attrs.href ?? '');
    expect(hrefs.sort()).toEqual(
      Object.keys(files)
        .filter((f) => f !== 'imsmanifest.xml')
        .sort(),
    );
    expect(hrefs).toHaveLength(new Set(questions.map((q) => q.lesson)).size);
    const items = hrefs.flatMap((href) => find(tree(files[href] ?? ''), 'item'));
    expect(items.map((i) => i.attrs.ident).sort()).toEqual([...ids].sort());
    const typeOf = (item: TreeNode): string => find([item], 'fieldentry')[0]?.text ?? '';
    expect(countBy(items.map(typeOf))).toEqual(
      countBy(questions.map((q) => exporters[q.type].qti12.canvasType)),
    );
    // The explanation is every item's general feedback.
    expect(
      items.filter((i) => find([i], 'itemfeedback').some((f) => f.attrs.ident === 'general_fb')),
    ).toHaveLength(ids.length);
    const perOption = questions.flatMap((q) =>
      q.type === 'single' || q.type === 'multiple' ? q.options.filter((o) => o.feedback !== undefined) : [],
    ).length;
    expect(
      items.flatMap((i) => find([i], 'itemfeedback').filter((f) => f.attrs.ident?.startsWith('o_'))).length,
    ).toBe(perOption);
  });

  it('QTI 2.1: one item file per question, all listed in the manifest, each with the explanation', () => {
    const files = unzip(result('qti21').files[0]?.content);
    const hrefs = find(tree(files['imsmanifest.xml'] ?? ''), 'file').map((f) => f.attrs.href ?? '');
    expect(hrefs.sort()).toEqual(ids.map((id) => `items/${id}.xml`).sort());
    expect(Object.keys(files)).toHaveLength(ids.length + 1);
    for (const href of hrefs) {
      const doc = tree(files[href] ?? '');
      expect(find(doc, 'assessmentItem')).toHaveLength(1);
      expect(find(doc, 'modalFeedback').map((m) => m.attrs.identifier)).toContain('EXPLANATION');
    }
  });

  it('Moodle XML: one question per bank question, of its Moodle type, plus a category per lesson', () => {
    const qs = find(tree(String(result('moodle').files[0]?.content)), 'question');
    const real = qs.filter((q) => q.attrs.type !== 'category');
    expect(real.map((q) => find([q], 'idnumber')[0]?.text)).toEqual(ids);
    expect(countBy(real.map((q) => q.attrs.type ?? ''))).toEqual(
      countBy(questions.map((q) => exporters[q.type].moodle.qtype)),
    );
    expect(qs.length - real.length).toBe(new Set(questions.map((q) => q.lesson)).size);
    expect(real.filter((q) => find([q], 'generalfeedback').length === 1)).toHaveLength(ids.length);
  });

  it('GIFT: every question parses back, a cloze as one question per blank', () => {
    // Read by gift-pegjs, a GIFT parser this project did not write.
    const parsed = readGift(String(result('gift').files[0]?.content));
    const expected = questions.flatMap((q) =>
      q.type === 'cloze' ? q.blanks.map((b) => `${q.id}-${b.id}`) : [q.id],
    );
    expect(parsed.map((q) => q.title)).toEqual(expected);
    expect(result('gift').report.items).toBe(expected.length);
    expect(
      parsed.every(
        (q) => q.generalFeedback !== undefined && q.category?.startsWith('$course$/Extremism Online/'),
      ),
    ).toBe(true);
  });

  it('CSV: one row per question with its key and evidence link', () => {
    const rows = Papa.parse<Record<string, string>>(String(result('csv').files[0]?.content).trim(), {
      header: true,
    }).data;
    expect(rows.map((r) => r.id)).toEqual(ids);
    for (const row of rows) {
      expect(row.answer).not.toBe('');
      expect(row.source_url).toMatch(/^\/sources\/[a-z0-9-]+\/#p\d+$/);
    }
  });
});
