import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionSchema, type Question, type QuestionInput } from '../../questions/index.ts';
import { addAttempt } from '../progress/merge.ts';
import { emptyProgress, type Progress } from '../progress/schema.ts';
import { ANKI_HEADER, WEAK_STABILITY_DAYS, ankiFront, ankiTsv, fieldHtml } from './anki.ts';
import { cardFor } from './card.ts';

const T0 = Date.UTC(2025, 2, 10, 9, 0);
const DAY = 86_400_000;
const ORIGIN = 'https://course.example/';

const common = {
  lesson: 'mali',
  objective: 'lo1',
  bloom: 'remember',
  explanation: 'Because the article says so.',
  evidence: { paragraph: 'p7', quote: 'a verbatim quote here' },
} as const;

function q(input: Record<string, unknown>): Question {
  return questionSchema.parse({ ...common, ...input } as QuestionInput);
}

const single = q({
  id: 'single-q',
  type: 'single',
  prompt: 'Which *app* did they use?',
  options: [
    { id: 'a', text: 'WhatsApp' },
    { id: 'b', text: 'Telegram' },
    { id: 'c', text: 'Signal' },
  ],
  answer: 'b',
});

function answered(state: Progress, id: string, score: number, at: number, extra = {}): Progress {
  return addAttempt(state, { qid: id, hash: 'h', response: null, score, at, ...extra });
}

/** Split a TSV into header lines and records (arrays of fields). */
function parse(tsv: string): { header: string[]; records: string[][] } {
  expect(tsv.endsWith('\n')).toBe(true);
  const lines = tsv.slice(0, -1).split('\n');
  return {
    header: lines.slice(0, ANKI_HEADER.length),
    records: lines.slice(ANKI_HEADER.length).map((line) => line.split('\t')),
  };
}

describe('ankiTsv', () => {
  it('starts with the Anki file headers', () => {
    expect(ankiTsv([], emptyProgress(), ORIGIN)).toBe(
      '#separator:tab\n#html:true\n#columns:Front\tBack\tSource\n',
    );
  });

  it('exports a missed question: prompt with lettered options, key and explanation, source link', () => {
    const state = answered(emptyProgress(), 'single-q', 0, T0);
    const { records } = parse(ankiTsv([{ question: single, hash: 'h' }], state, ORIGIN));
    expect(records).toEqual([
      [
        'Which <em>app</em> did they use?<br><br>A. WhatsApp<br>B. Telegram<br>C. Signal',
        'B. Telegram<br><br>Because the article says so.',
        'https://course.example/sources/mali/#p7',
      ],
    ]);
  });

  it.each<[string, (state: Progress) => Progress, boolean]>([
    ['never answered', (s) => s, false],
    [
      'answered under an older version only',
      (s) => addAttempt(s, { qid: 'single-q', hash: 'old', response: null, score: 0, at: T0 }),
      false,
    ],
    [
      'latest answer wrong',
      (s) => answered(answered(s, 'single-q', 1, T0), 'single-q', 0, T0 + 5 * DAY),
      true,
    ],
    ['right once (weak: stability below the threshold)', (s) => answered(s, 'single-q', 1, T0), true],
    [
      'right three times over weeks (stable)',
      (s) =>
        answered(
          answered(answered(s, 'single-q', 1, T0), 'single-q', 1, T0 + 3 * DAY),
          'single-q',
          1,
          T0 + 17 * DAY,
        ),
      false,
    ],
  ])('%s → exported: %s', (_name, build, exported) => {
    const state = build(emptyProgress());
    expect(parse(ankiTsv([{ question: single, hash: 'h' }], state, ORIGIN)).records.length).toBe(
      exported ? 1 : 0,
    );
  });

  it('the stable case really is above the weak threshold (so the table above tests the threshold)', () => {
    let state = answered(emptyProgress(), 'single-q', 1, T0);
    state = answered(answered(state, 'single-q', 1, T0 + 3 * DAY), 'single-q', 1, T0 + 17 * DAY);
    expect(cardFor(state, { id: 'single-q', hash: 'h' })!.stability).toBeGreaterThanOrEqual(
      WEAK_STABILITY_DAYS,
    );
  });

  it('keeps a base path in the site URL and refuses a non-URL', () => {
    const state = answered(emptyProgress(), 'single-q', 0, T0);
    const { records } = parse(
      ankiTsv([{ question: single, hash: 'h' }], state, 'https://x.github.io/course/'),
    );
    expect(records[0]?.[2]).toBe('https://x.github.io/course/sources/mali/#p7');
    expect(() => ankiTsv([], state, 'course.example')).toThrow(/siteOrigin must be an absolute URL/);
    expect(() => ankiTsv([], state, 'ftp://course.example')).toThrow(/http\(s\)/);
  });
});

describe('fronts per type', () => {
  it('ordering shows the items in a shuffled, unsolved order', () => {
    const question = q({
      id: 'order-q',
      type: 'ordering',
      prompt: 'Put these in order.',
      items: ['First', 'Second', 'Third', 'Fourth'].map((text, i) => ({ id: `i${i}`, text })),
    });
    const front = ankiFront(question);
    expect(front).not.toContain('• First<br>• Second<br>• Third<br>• Fourth');
    for (const text of ['First', 'Second', 'Third', 'Fourth']) expect(front).toContain(`• ${text}`);
  });

  it('cloze numbers its blanks and never shows the answers', () => {
    const question = q({
      id: 'cloze-q',
      type: 'cloze',
      prompt: 'Fill in.',
      text: 'Coins move via {{b1}} and {{b2}}.',
      blanks: [
        { id: 'b1', accept: ['exchanges'] },
        { id: 'b2', accept: ['mixers'] },
      ],
    });
    expect(ankiFront(question)).toBe('Fill in.<br><br>Coins move via [1: …] and [2: …].');
  });

  it('matching lists the left entries and the lettered right options', () => {
    const question = q({
      id: 'match-q',
      type: 'matching',
      prompt: 'Match.',
      pairs: [
        { id: 'x', left: 'Left X', right: 'Right X' },
        { id: 'y', left: 'Left Y', right: 'Right Y' },
      ],
      distractors: ['Nothing'],
    });
    const front = ankiFront(question);
    expect(front).toContain('• Left X<br>• Left Y');
    expect(front).toMatch(/A\. .*<br>B\. .*<br>C\. /);
  });
});

describe('escaping', () => {
  it.each([
    ['<b>&', '&lt;b&gt;&amp;'],
    ['say "hi"', 'say &quot;hi&quot;'],
    ['one\ttwo', 'one two'],
    ['line1\nline2\r\nline3\rline4', 'line1<br>line2<br>line3<br>line4'],
    ['bell\u0007', 'bell'],
    ['*a* and *b*', '<em>a</em> and <em>b</em>'],
  ])('fieldHtml(%j) = %j', (input, expected) => {
    expect(fieldHtml(input)).toBe(expected);
  });

  it('a record never starts with "#" (Anki would read it as a comment)', () => {
    const hashy = q({ ...single, id: 'hash-q', prompt: '#1 question?' } as unknown as Record<
      string,
      unknown
    >);
    const state = answered(emptyProgress(), 'hash-q', 0, T0);
    const { records } = parse(ankiTsv([{ question: hashy, hash: 'h' }], state, ORIGIN));
    expect(records[0]?.[0]?.startsWith('&#35;1 question?')).toBe(true);
  });

  it('property: every record has exactly 3 fields, one per line, with no raw tab, newline or quote', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', ' ', '\t', '\n', '\r', '"', '<', '&', '#', '*', 'é', '\u0000'),
      minLength: 1,
    });
    const visible = text.filter((s) => /\S/.test(s));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(visible, visible, visible, visible), { minLength: 1, maxLength: 5 }),
        (rows) => {
          let state = emptyProgress();
          const items = rows.map(([prompt, explanation, optionA, optionB], i) => {
            const id = `q${i}`;
            state = answered(state, id, 0, T0);
            const question = q({
              id,
              type: 'single',
              prompt,
              explanation,
              options: [
                { id: 'a', text: optionA },
                { id: 'b', text: optionB },
              ],
              answer: 'a',
            });
            return { question, hash: 'h' };
          });
          const { header, records } = parse(ankiTsv(items, state, ORIGIN));
          expect(header).toEqual([...ANKI_HEADER]);
          expect(records).toHaveLength(rows.length);
          for (const record of records) {
            expect(record).toHaveLength(3);
            for (const field of record) {
              expect(field).not.toMatch(/[\t\n\r"]/);
              expect(field.includes('\u0000')).toBe(false);
            }
            expect(record[0]?.startsWith('#')).toBe(false);
          }
        },
      ),
    );
  });
});

describe('instruction notes', () => {
  it.each([
    ['multiple', 'Which apply?', true],
    ['multiple', 'Which apply? Select all that apply.', false],
    ['truefalse', 'The sky is green.', true],
    ['truefalse', 'True or false: the sky is green.', false],
  ] as const)('%s "%s" gets a note: %s', (type, prompt, noted) => {
    const question =
      type === 'multiple'
        ? q({
            id: 'n-q',
            type,
            prompt,
            options: single.type === 'single' ? single.options : [],
            answers: ['a'],
          })
        : q({ id: 'n-q', type, prompt, answer: false });
    expect(/<i>\(.*\)<\/i>/.test(ankiFront(question))).toBe(noted);
  });
});
