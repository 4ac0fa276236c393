// What Moodle's importers need from our Moodle XML, pinned here because CI cannot run Moodle.
// Each structure below was found, or confirmed, by importing the real bank into Moodle 5.1 with
// Moodle's own import code (../shared/lms-check, results in docs/lms.md); the Moodle code each
// test relies on is named beside it (question/format/xml/format.php, question/type/*/questiontype.php).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../cli/bank.ts';
import type { Question } from '../../questions/index.ts';
import { FIXTURES, find, parseTree, type TreeNode } from './fixtures.ts';
import { exportBank } from './index.ts';

const questionsOf = (questions: readonly Question[]): TreeNode[] =>
  find(parseTree(String(exportBank(questions, 'moodle').files[0]?.content)), 'question').filter(
    (q) => q.attrs.type !== 'category',
  );
const children = (node: TreeNode, name: string): TreeNode[] => node.children.filter((c) => c.name === name);

/**
 * The hint records Moodle 5.1 saves for an imported ordering question, as
 * `qtype_ordering::import_from_xml` builds them: `qformat_xml::import_hints($q, $xml, true, true)`
 * reads each `<hint>` (its text, `<shownumcorrect/>`, `<clearwrong/>`, `<options>`); then, when the
 * question has no `<shownumcorrect>` of its own, the importer sets the hint options with
 * `array_fill(0, max(2, count), 1)`: at least two. `save_hints` then saves one hint per option, and
 * a padded one has no text and no format: PostgreSQL refuses it ("null value in column
 * hintformat of relation mdl_question_hints"), Moodle says "Error writing to database" and the
 * import stops, losing every question after it.
 */
function orderingHintRecords(question: TreeNode): { text: string | undefined; format: string | undefined }[] {
  const hints = children(question, 'hint').map((h) => ({
    text: children(h, 'text')[0]?.text,
    format: h.attrs.format,
  }));
  const padded = children(question, 'shownumcorrect').length === 0;
  const count = padded ? Math.max(2, hints.length) : hints.length;
  return Array.from({ length: count }, (_, i) => hints[i] ?? { text: undefined, format: undefined });
}

describe('Moodle XML: what Moodle 5.1 needs to import every question', () => {
  const fixtures = questionsOf(FIXTURES);
  const byName = (id: string): TreeNode => {
    const q = fixtures.find((node) => children(node, 'name')[0]?.children[0]?.text === id);
    if (!q) throw new Error(id);
    return q;
  };

  it('ordering: <shownumcorrect/> on the question, so a one-hint question saves exactly its one hint', () => {
    const ordering = byName('fx-ordering');
    expect(children(ordering, 'hint')).toHaveLength(1); // the fixture has one hint: the shape that failed
    expect(children(ordering, 'shownumcorrect')).toHaveLength(1);
    expect(orderingHintRecords(ordering)).toEqual([
      { text: expect.stringContaining('Hint'), format: 'html' },
    ]);
  });

  it('ordering: without it, Moodle pads to two hints and the second has no text (the failure seen)', () => {
    const ordering = byName('fx-ordering');
    const without = { ...ordering, children: ordering.children.filter((c) => c.name !== 'shownumcorrect') };
    expect(orderingHintRecords(without)[1]).toEqual({ text: undefined, format: undefined });
  });

  it('every ordering question of the bank saves one hint record per hint, each with text', () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const bank = loadBank(root).questions.map((entry) => entry.question);
    const orderings = questionsOf(bank).filter((q) => q.attrs.type === 'ordering');
    expect(orderings.length).toBe(bank.filter((q) => q.type === 'ordering').length);
    for (const q of orderings) {
      const records = orderingHintRecords(q);
      expect(records).toHaveLength(children(q, 'hint').length);
      for (const record of records)
        expect(record).toEqual({ text: expect.stringMatching(/\S/), format: 'html' });
    }
  });

  // qformat_xml reads <shownumcorrect/> and <clearwrong/> on a hint only for the qtypes that import
  // hints "with parts" (import_multichoice, import_match, import_multianswer, qtype_ordering); for
  // shortanswer and numerical it reads the text; qtype_truefalse saves no hints at all.
  it.each([
    ['fx-single', 'multichoice', ['text', 'shownumcorrect', 'clearwrong']],
    ['fx-multiple', 'multichoice', ['text', 'shownumcorrect', 'clearwrong']],
    ['fx-matching', 'matching', ['text', 'shownumcorrect', 'clearwrong']],
    ['fx-ordering', 'ordering', ['text', 'shownumcorrect', 'clearwrong']],
    ['fx-cloze', 'cloze', ['text', 'shownumcorrect', 'clearwrong']],
    ['fx-text', 'shortanswer', ['text']],
    ['fx-numeric-exact', 'numerical', ['text']],
  ])('%s (%s) writes each hint as %j', (id, qtype, shape) => {
    const q = byName(id);
    expect(q.attrs.type).toBe(qtype);
    const hints = children(q, 'hint');
    expect(hints.length).toBeGreaterThan(0);
    for (const h of hints) {
      expect(h.attrs.format).toBe('html');
      expect(h.children.map((c) => c.name)).toEqual(shape);
    }
  });

  it('true/false writes no hints (Moodle would drop them) and the report says so', () => {
    expect(children(byName('fx-truefalse'), 'hint')).toEqual([]);
    expect(exportBank(FIXTURES, 'moodle').report.notes).toContainEqual({
      questionId: 'fx-truefalse',
      message: 'hints dropped (the format has no hints)',
    });
  });

  // qtype_numerical_answer_processor::apply_units reads the number at the end of the response when
  // units go before it (unitsleft 1), else at the start, and ignores what is left on the other side.
  it.each([
    ['%', '0', 'Moodle takes the unit after the number ("75 %") or no unit'],
    ['$', '1', 'Moodle takes a currency unit before the number ("$30000") or no unit'],
  ])(
    'numerical with unit %j: unitsleft %s, units not graded, and the report says which side',
    (unit, left, note) => {
      const q = { ...(FIXTURES.find((f) => f.id === 'fx-numeric-exact') as Question), unit } as Question;
      const [node] = questionsOf([q]);
      if (!node) throw new Error('no question');
      expect(children(node, 'units')[0]?.children[0]?.children.map((c) => [c.name, c.text])).toEqual([
        ['multiplier', '1'],
        ['unit_name', unit],
      ]);
      expect(children(node, 'unitgradingtype')[0]?.text).toBe('0');
      expect(children(node, 'unitsleft')[0]?.text).toBe(left);
      expect(exportBank([q], 'moodle').report.notes.map((n) => n.message)).toContainEqual(
        expect.stringContaining(note),
      );
    },
  );
});
