import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { questionSchema } from '../../questions/index.ts';
import { numericRange } from '../../questions/numeric/export.ts';
import { ordinal } from './common.ts';
import { CSV_COLUMNS } from './csv.ts';
import { EVIL, FIXTURES, find, parseTree, readGift, type TreeNode } from './fixtures.ts';
import { EXPORT_FORMATS, exportBank, formatReport, type ExportFormat } from './index.ts';
import { escapeClozeAnswer, fraction } from './moodle.ts';

const tree = (xml: string): TreeNode[] => parseTree(xml);
const unzip = (content: string | Uint8Array): Record<string, string> => {
  if (typeof content === 'string') throw new Error('expected a zip');
  return Object.fromEntries(Object.entries(unzipSync(content)).map(([k, v]) => [k, strFromU8(v)]));
};
const decodeHtml = (html: string): string =>
  html
    .replace(/<\/?(p|div|em)>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const one = <T>(list: T[]): T => {
  expect(list).toHaveLength(1);
  return list[0] as T;
};
const only = (format: ExportFormat) =>
  exportBank(FIXTURES, format, { lessonTitles: { 'lesson-one': 'Lesson / One' } });

describe('fixtures', () => {
  it.each(FIXTURES.map((q) => [q.id, q] as const))('%s is a valid question', (_id, q) => {
    expect(questionSchema.safeParse(q).success).toBe(true);
  });
});

describe('helpers', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [102, '102nd'],
  ])('ordinal(%i) = %s', (n, text) => {
    expect(ordinal(n)).toBe(text);
  });
  it.each([
    [100 / 3, '33.33333'],
    [-50, '-50'],
    [100 / 7, '14.28571'],
    [100, '100'],
  ])('fraction(%f) = %s', (n, text) => {
    expect(fraction(n)).toBe(text);
  });
  it.each([
    ['fx-numeric-rel', 900, 44100, 45900],
    ['fx-numeric-abs', 0.05, 10.15, 10.25],
    ['fx-numeric-exact', 0, 2010, 2010],
  ])('numericRange(%s) = ±%f [%f, %f]', (id, margin, low, high) => {
    const q = FIXTURES.find((f) => f.id === id);
    if (q?.type !== 'numeric') throw new Error(id);
    expect(numericRange(q)).toEqual({ answer: q.answer, margin, low, high });
  });
  it('escapeClozeAnswer escapes cloze syntax and HTML', () => {
    expect(escapeClozeAnswer('a}b#c~d/e"f\\g&<')).toBe('a\\}b\\#c\\~d\\/e\\"f\\\\g&amp;&lt;');
  });
});

describe('every format', () => {
  it.each(EXPORT_FORMATS)('%s exports every fixture, deterministically', (format) => {
    const a = only(format);
    const b = only(format);
    expect(a.report.exported).toBe(FIXTURES.length);
    expect(a.report.questions).toBe(FIXTURES.length);
    expect(a.files).toHaveLength(1);
    expect(a.files[0]?.content).toEqual(b.files[0]?.content);
    expect(formatReport(a.report)).toContain(`Questions: ${FIXTURES.length}, exported: ${FIXTURES.length}`);
  });
  it('a different date changes the zip bytes (the date is the only clock)', () => {
    const a = exportBank(FIXTURES, 'qti21', { date: '2025-01-02' }).files[0]?.content;
    const b = exportBank(FIXTURES, 'qti21').files[0]?.content;
    expect(a).not.toEqual(b);
  });
  it('rejects an unknown format and a bad date with clear messages', () => {
    expect(() => exportBank(FIXTURES, 'docx' as ExportFormat)).toThrow(/Unknown export format "docx"/);
    expect(() => exportBank(FIXTURES, 'qti12', { date: '1979-01-01' })).toThrow(/1980/);
    expect(() => exportBank(FIXTURES, 'qti12', { date: 'soon' })).toThrow(/YYYY-MM-DD/);
  });
});

describe('QTI 1.2 (Canvas)', () => {
  const files = unzip(only('qti12').files[0]?.content ?? '');
  const manifest = tree(files['imsmanifest.xml'] ?? '');
  const hrefs = find(manifest, 'file').map((f) => f.attrs.href);
  const doc = tree(files['lesson-one/lesson-one.xml'] ?? '');
  const items = find(doc, 'item');
  const item = (id: string): TreeNode => one(items.filter((i) => i.attrs.ident === id));
  const meta = (it: TreeNode, label: string): string | undefined =>
    find([it], 'qtimetadatafield').find((f) => find([f], 'fieldlabel')[0]?.text === label)?.children[1]?.text;

  it('has a manifest that references every file in the zip', () => {
    expect(hrefs.sort()).toEqual(
      Object.keys(files)
        .filter((f) => f !== 'imsmanifest.xml')
        .sort(),
    );
    expect(one(find(manifest, 'resource')).attrs.type).toBe('imsqti_xmlv1p2');
  });
  it('writes one assessment per lesson with one item per question', () => {
    expect(one(find(doc, 'assessment')).attrs.title).toBe('Lesson / One');
    expect(items.map((i) => i.attrs.ident)).toEqual(FIXTURES.map((q) => q.id));
  });
  it.each([
    ['fx-single', 'multiple_choice_question'],
    ['fx-multiple', 'multiple_answers_question'],
    ['fx-truefalse', 'true_false_question'],
    ['fx-numeric-rel', 'numerical_question'],
    ['fx-text', 'short_answer_question'],
    ['fx-ordering', 'matching_question'],
    ['fx-matching', 'matching_question'],
    ['fx-cloze', 'fill_in_multiple_blanks_question'],
  ])('%s is a %s', (id, type) => {
    expect(meta(item(id), 'question_type')).toBe(type);
  });
  it('keeps per-option, general, correct and incorrect feedback, each shown by a displayfeedback', () => {
    const single = item('fx-single');
    const feedbackIds = find([single], 'itemfeedback').map((f) => f.attrs.ident);
    expect(feedbackIds).toEqual(['general_fb', 'correct_fb', 'general_incorrect_fb', 'o_a_fb', 'o_b_fb']);
    const shown = new Set(find([single], 'displayfeedback').map((d) => d.attrs.linkrefid));
    expect([...shown].sort()).toEqual([...feedbackIds].sort());
    const tf = item('fx-truefalse');
    expect(find([tf], 'itemfeedback').map((f) => f.attrs.ident)).toContain('true_fb');
  });
  it('keeps every text as text: a hostile prompt decodes back to itself', () => {
    const mattext = find([item('fx-single')], 'mattext')[0]?.text ?? '';
    expect(decodeHtml(mattext)).toBe(`Pick one: ${EVIL}`);
    expect(mattext).toContain('<em>one</em>');
    expect(mattext).not.toContain('<img');
  });
  it('writes numeric tolerance as exact ± margin', () => {
    const rel = item('fx-numeric-rel');
    expect(find([rel], 'varequal')[0]?.text).toBe('45000');
    expect(find([rel], 'vargte')[0]?.text).toBe('44100');
    expect(find([rel], 'varlte')[0]?.text).toBe('45900');
    expect(find([item('fx-numeric-abs')], 'vargte')[0]?.text).toBe('10.15');
  });
  it('writes a cloze with [b1] placeholders and every accepted answer as a label', () => {
    const cloze = item('fx-cloze');
    const text = find([cloze], 'mattext')[0]?.text ?? '';
    expect(text).toContain('Before [b1] middle');
    expect(text).toContain('[b2] after.');
    expect(find([cloze], 'response_lid').map((r) => r.attrs.ident)).toEqual(['response_b1', 'response_b2']);
    expect(find([cloze], 'response_label')).toHaveLength(3);
  });
  it('writes matching with distractors and ordering as positions', () => {
    const matching = item('fx-matching');
    expect(find([matching], 'response_lid')).toHaveLength(3);
    expect(find([matching], 'response_label')).toHaveLength(3 * 4);
    const ordering = item('fx-ordering');
    expect(find([ordering], 'response_lid').map((r) => find([r], 'mattext')[0]?.text)).toEqual([
      '1st',
      '2nd',
      '3rd',
    ]);
  });
  it('reports ordering, hints, typos and relative tolerance', () => {
    const notes = only('qti12').report.notes;
    expect(notes).toContainEqual({
      questionId: 'fx-ordering',
      message: expect.stringContaining('ordering exported as matching'),
    });
    expect(notes).toContainEqual({
      questionId: 'fx-numeric-rel',
      message: 'relative tolerance 2% converted to ±900',
    });
    expect(notes.filter((n) => n.message.startsWith('hints dropped'))).toHaveLength(FIXTURES.length);
    expect(notes).toContainEqual({
      questionId: 'fx-text',
      message: expect.stringContaining('typo tolerance'),
    });
  });
});

describe('QTI 2.1', () => {
  const files = unzip(only('qti21').files[0]?.content ?? '');
  const manifest = tree(files['imsmanifest.xml'] ?? '');
  const items = Object.fromEntries(FIXTURES.map((q) => [q.id, tree(files[`items/${q.id}.xml`] ?? '')]));
  const at = (id: string): TreeNode[] => items[id] ?? [];

  it('has a manifest that references every item file, one per question', () => {
    const hrefs = find(manifest, 'file').map((f) => f.attrs.href);
    expect(hrefs.sort()).toEqual(
      Object.keys(files)
        .filter((f) => f !== 'imsmanifest.xml')
        .sort(),
    );
    expect(hrefs).toHaveLength(FIXTURES.length);
    expect(new Set(find(manifest, 'resource').map((r) => r.attrs.type))).toEqual(
      new Set(['imsqti_item_xmlv2p1']),
    );
  });
  it.each([
    ['fx-single', 'choiceInteraction', 1],
    ['fx-multiple', 'choiceInteraction', 1],
    ['fx-truefalse', 'choiceInteraction', 1],
    ['fx-numeric-abs', 'textEntryInteraction', 1],
    ['fx-text', 'textEntryInteraction', 1],
    ['fx-ordering', 'orderInteraction', 1],
    ['fx-matching', 'matchInteraction', 1],
    ['fx-cloze', 'textEntryInteraction', 2],
  ])('%s has %s ×%i', (id, interaction, count) => {
    expect(find(at(id), interaction)).toHaveLength(count);
  });
  it('shows the explanation, per-option and general feedback as modalFeedback', () => {
    const ids = find(at('fx-single'), 'modalFeedback').map((m) => m.attrs.identifier);
    expect(ids).toEqual(['EXPLANATION', 'FB_o_a', 'FB_o_b', 'CORRECT', 'INCORRECT']);
    // Every modalFeedback can be reached: its identifier is set somewhere in responseProcessing.
    const set = new Set(find(at('fx-single'), 'baseValue').map((b) => b.text));
    for (const id of ids) expect(set).toContain(id);
  });
  it('scores multiple with ±1/k per option and matching with 1/n per pair', () => {
    const entries = find(at('fx-multiple'), 'mapEntry').map((e) => [e.attrs.mapKey, e.attrs.mappedValue]);
    expect(entries).toEqual([
      ['o_a', '0.5'],
      ['o_b', '0.5'],
      ['o_c', '-0.5'],
    ]);
    expect(find(at('fx-matching'), 'mapEntry').map((e) => e.attrs.mappedValue)).toEqual([
      '0.333333333333',
      '0.333333333333',
      '0.333333333333',
    ]);
  });
  it('keeps relative tolerance relative (percent) and absolute as absolute', () => {
    expect(one(find(at('fx-numeric-rel'), 'equal')).attrs).toMatchObject({
      toleranceMode: 'relative',
      tolerance: '2 2',
    });
    expect(one(find(at('fx-numeric-abs'), 'equal')).attrs).toMatchObject({
      toleranceMode: 'absolute',
      tolerance: '0.05 0.05',
    });
    expect(one(find(at('fx-numeric-exact'), 'equal')).attrs).toMatchObject({ toleranceMode: 'exact' });
  });
  it('keeps hostile text as text nodes, emphasis as <em>', () => {
    const promptNode = one(find(at('fx-single'), 'prompt'));
    expect(promptNode.text + (find([promptNode], 'em')[0]?.text ?? '')).toContain(EVIL);
    expect(find(at('fx-single'), 'img')).toHaveLength(0);
    expect(one(find([promptNode], 'em')).text).toBe('one');
  });
});

describe('Moodle XML', () => {
  const doc = tree(String(only('moodle').files[0]?.content));
  const questions = find(doc, 'question');
  const byName = (id: string): TreeNode =>
    one(questions.filter((q) => find([q], 'name')[0]?.children[0]?.text === id));
  const texts = (node: TreeNode, tag: string): string[] =>
    find([node], tag).map((n) => find([n], 'text')[0]?.text ?? '');

  it('writes a category per lesson, then each question with its Moodle type', () => {
    const types = questions.map((q) => q.attrs.type);
    expect(types).toEqual([
      'category',
      'multichoice',
      'multichoice',
      'truefalse',
      'numerical',
      'numerical',
      'numerical',
      'shortanswer',
      'ordering',
      'matching',
      'cloze',
    ]);
    expect(find([questions[0] as TreeNode], 'text')[0]?.text).toBe('$course$/Extremism Online/Lesson // One');
  });
  it("weights multiple answers like the site's grader: each wrong pick costs what a right one earns", () => {
    const fractions = find([byName('fx-multiple')], 'answer').map((a) => Number(a.attrs.fraction));
    // Two right options, one wrong: ticking all three scores (2 − 1) / 2 = 50 % on the site and here.
    expect(fractions).toEqual([50, 50, -50]);
    expect(fractions.reduce((a, b) => a + b, 0)).toBe(50);
  });
  it('keeps general, per-answer and combined feedback, hints and tags', () => {
    const single = byName('fx-single');
    expect(decodeHtml(texts(single, 'generalfeedback')[0] ?? '')).toBe(`Why: ${EVIL}`);
    expect(find([single], 'feedback').map((f) => find([f], 'text')[0]?.text)).toEqual([
      expect.stringContaining('A fb'),
      'B fb',
      '',
    ]);
    expect(texts(single, 'correctfeedback')).toHaveLength(1);
    expect(texts(single, 'incorrectfeedback')).toHaveLength(1);
    expect(find([single], 'hint')).toHaveLength(1);
    expect(texts(single, 'tag')).toEqual(['lesson:lesson-one', 'objective:lo1', 'bloom:understand']);
  });
  it('round-trips a hostile prompt as text', () => {
    expect(decodeHtml(texts(byName('fx-single'), 'questiontext')[0] ?? '')).toBe(`Pick one: ${EVIL}`);
  });
  it('writes numerical tolerance as absolute, a wildcard answer for incorrect feedback, and units', () => {
    const rel = byName('fx-numeric-rel');
    expect(find([rel], 'tolerance')[0]?.text).toBe('900');
    expect(find([rel], 'answer').map((a) => find([a], 'text')[0]?.text)).toEqual(['45000', '*']);
    expect(find([byName('fx-numeric-abs')], 'unit_name')[0]?.text).toBe('%');
  });
  it('writes every accepted short answer at 100%', () => {
    const answers = find([byName('fx-text')], 'answer');
    expect(answers.map((a) => [a.attrs.fraction, find([a], 'text')[0]?.text])).toEqual([
      ['100', 'AT&T {x}'],
      ['100', 'att'],
      ['0', '*'],
    ]);
  });
  it('writes ordering items in order and matching with an empty subquestion per distractor', () => {
    expect(find([byName('fx-ordering')], 'gradingtype')[0]?.text).toBe('RELATIVE_ALL_PREVIOUS_AND_NEXT');
    expect(find([byName('fx-ordering')], 'answer')).toHaveLength(3);
    const subs = find([byName('fx-matching')], 'subquestion');
    expect(subs).toHaveLength(4);
    expect(find([subs[3] as TreeNode], 'text')[0]?.text).toBe('');
  });
  it('writes a cloze with escaped embedded answers', () => {
    const text = texts(byName('fx-cloze'), 'questiontext')[0] ?? '';
    expect(text).toContain('Before {1:SHORTANSWER:=one~=One\\/1} middle');
    expect(text).toContain('{1:SHORTANSWER:=two\\}\\#\\~} after.');
  });
  it('reports the ordering plugin and the cloze feedback it cannot hold', () => {
    const notes = only('moodle').report.notes;
    expect(notes).toContainEqual({ questionId: 'fx-ordering', message: expect.stringContaining('ordering') });
    expect(notes).toContainEqual({
      questionId: 'fx-cloze',
      message: expect.stringContaining('cloze has none'),
    });
    expect(notes.filter((n) => n.questionId === 'fx-multiple')).toEqual([]);
  });
});

describe('GIFT', () => {
  const gift = String(only('gift').files[0]?.content);
  // Read by gift-pegjs, a GIFT parser this project did not write.
  const parsed = readGift(gift);
  const byTitle = (title: string) => one(parsed.filter((q) => q.title === title));

  it('writes one question per fixture, a cloze as one per blank, all in the lesson category', () => {
    expect(parsed.map((q) => q.title)).toEqual([
      ...FIXTURES.filter((q) => q.type !== 'cloze').map((q) => q.id),
      'fx-cloze-b1',
      'fx-cloze-b2',
    ]);
    expect(new Set(parsed.map((q) => q.category))).toEqual(
      new Set(['$course$/Extremism Online/Lesson // One']),
    );
    expect(only('gift').report.items).toBe(FIXTURES.length + 1);
  });
  it.each([
    ['fx-single', 'choice', 3],
    ['fx-multiple', 'choice', 3],
    ['fx-numeric-abs', 'numeric', 1],
    ['fx-text', 'short', 2],
    ['fx-ordering', 'matching', 3],
    ['fx-matching', 'matching', 4],
    ['fx-cloze-b2', 'short', 1],
  ])('%s is a %s question with %i answers', (title, kind, count) => {
    const q = byTitle(title);
    expect(q.kind).toBe(kind);
    expect(q.answers).toHaveLength(count);
  });
  it('round-trips hostile text in prompts, options, feedback and answers', () => {
    const single = byTitle('fx-single');
    expect(decodeHtml(single.text)).toBe(`Pick one: ${EVIL}`);
    expect(decodeHtml(single.answers[0]?.text ?? '')).toBe(`Right ${EVIL}`);
    expect(decodeHtml(single.answers[0]?.feedback ?? '')).toBe(`A fb ${EVIL}`);
    expect(decodeHtml(single.generalFeedback ?? '')).toBe(`Why: ${EVIL}`);
    expect(byTitle('fx-text').answers.map((a) => a.text)).toEqual(['AT&T {x}', 'att']);
    expect(byTitle('fx-cloze-b2').answers[0]?.text).toBe('two}#~');
    expect(byTitle('fx-matching').answers[0]?.match).toBe(`R1 ${EVIL}`);
  });
  it("weights multiple answers like the site's grader", () => {
    expect(byTitle('fx-multiple').answers.map((a) => a.weight)).toEqual([50, 50, -50]);
  });
  it('writes true/false with the feedback for answering true, then for answering false', () => {
    const tf = byTitle('fx-truefalse');
    expect(tf.truth).toBe(false);
    // The key is False: answering true is wrong.
    expect(decodeHtml(tf.trueFeedback ?? '')).toBe(`Picked true ${EVIL} No ${EVIL}`);
    expect(decodeHtml(tf.falseFeedback ?? '')).toBe(`Picked false Yes ${EVIL}`);
  });
  it('writes numeric answers with absolute tolerance', () => {
    expect(byTitle('fx-numeric-rel').answers[0]?.text).toBe('45000:900');
    expect(byTitle('fx-numeric-exact').answers[0]?.text).toBe('2010');
  });
  it('writes ordering as a matching of positions and reports it', () => {
    expect(byTitle('fx-ordering').answers.map((a) => a.text)).toEqual(['1st', '2nd', '3rd']);
    expect(only('gift').report.notes).toContainEqual({
      questionId: 'fx-ordering',
      message: expect.stringContaining('ordering exported as matching'),
    });
    expect(only('gift').report.notes).toContainEqual({
      questionId: 'fx-cloze',
      message: expect.stringContaining('cloze split into 2'),
    });
  });
  it('shows a cloze blank in place (a missing-word answer) and the other blanks as _____', () => {
    for (const title of ['fx-cloze-b1', 'fx-cloze-b2']) {
      const q = byTitle(title);
      expect(q.embedded).toBe(true);
      expect(decodeHtml(q.text)).toBe(`Fill inBefore _____ middle ${EVIL} _____ after.`);
    }
    // gift-pegjs shows the answer block as _____ too: its place is in the file.
    expect(gift).toContain('::fx-cloze-b1::[html]<p>Fill in</p><p>Before {=one =One/1 ####');
    expect(gift).toContain('::fx-cloze-b2::[html]<p>Fill in</p><p>Before _____ middle ');
  });
});

describe('CSV', () => {
  const csv = String(only('csv').files[0]?.content);
  const rows = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
  const row = (id: string): Record<string, string> => one(rows.filter((r) => r.id === id));

  it('has the documented columns and one row per question', () => {
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows.map((r) => r.id)).toEqual(FIXTURES.map((q) => q.id));
  });
  it('keeps hostile text intact and defuses formulas', () => {
    expect(row('fx-single').prompt).toBe(`Pick *one*: ${EVIL}`);
    expect(row('fx-single').options).toBe(`a) Right ${EVIL}|b) Wrong|c) =SUM(A1:A2)`);
    expect(row('fx-text').answer).toBe('AT&T {x} (also: att)');
  });
  it('prefixes a cell a spreadsheet would run as a formula', () => {
    const base = FIXTURES[0];
    if (!base) throw new Error('no fixture');
    const out = String(exportBank([{ ...base, prompt: '=HYPERLINK("http://x")' }], 'csv').files[0]?.content);
    const cells = Papa.parse<Record<string, string>>(out.trim(), { header: true }).data;
    expect(cells[0]?.prompt).toBe(`'=HYPERLINK("http://x")`);
  });
  it('links the evidence paragraph', () => {
    expect(row('fx-cloze')).toMatchObject({
      evidence_paragraph: 'p3',
      source_url: '/sources/lesson-one/#p3',
    });
    expect(row('fx-single').answer).toBe(`A. Right ${EVIL}`);
  });
});
