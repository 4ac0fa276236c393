import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEGATING_PREFIXES, answerForm as answerFormOf } from '../../lib/quiz/normalize.ts';
import { describeText, gradeText, keyText, matchText } from './grade.ts';
import { textQuestionSchema } from './schema.ts';
import type { TextQuestionInput } from './schema.ts';

const input: TextQuestionInput = {
  type: 'text',
  id: 'aq-q01',
  lesson: 'al-qaeda-online',
  objective: 'lo1',
  bloom: 'remember',
  prompt: 'Who succeeded bin Laden as leader of al-Qaeda?',
  explanation: 'Ayman al-Zawahiri led the group from 2011.',
  evidence: { paragraph: 'p2', quote: 'Ayman al-Zawāhirī took over in 2011' },
  accept: ['Zawahiri', 'Ayman al-Zawahiri'],
};
const make = (patch: Partial<TextQuestionInput>) => textQuestionSchema.parse({ ...input, ...patch });
const zawahiri = make({});
const strict = make({ typos: 0 });

describe('gradeText', () => {
  it.each([
    ['the canonical answer', 'Zawahiri'],
    ['case', 'ZAWAHIRI'],
    ['surrounding and inner whitespace', '  ayman   al-zawahiri \n'],
    ['diacritics', 'Zawāhirī'],
    ['dash as space', 'Ayman al Zawahiri'],
    ['en dash', 'Ayman al–Zawahiri'],
    ['trailing punctuation', 'Zawahiri.'],
    ['quotes', '“Zawahiri”'],
    ['the alternative', 'AYMAN AL-ZAWĀHIRĪ!'],
  ])('accepts %s exactly', (_label, response) => {
    expect(gradeText(zawahiri, response)).toEqual({
      score: 1,
      correct: true,
      parts: [{ id: 'answer', correct: true }],
    });
  });

  it.each([
    ['one substitution', 'Zawahari', 'Zawahiri'],
    ['one transposition', 'Zawahrii', 'Zawahiri'],
    ['one deletion', 'Zawhiri', 'Zawahiri'],
    ['two edits on the long form', 'Aymen al-Zawahry', 'Ayman al-Zawahiri'],
  ])('accepts %s with a typo note', (_label, response, canonical) => {
    expect(gradeText(zawahiri, response)).toEqual({
      score: 1,
      correct: true,
      parts: [{ id: 'answer', correct: true, feedback: `Accepted — check the spelling: ${canonical}` }],
      note: 'typo',
    });
  });

  it.each([
    ['two edits on an 8-char answer', 'Zawaheru'],
    ['a different name', 'bin Laden'],
    ['empty', ''],
    ['only punctuation', '?!'],
  ])('rejects %s', (_label, response) => {
    expect(gradeText(zawahiri, response)).toEqual({
      score: 0,
      correct: false,
      parts: [{ id: 'answer', correct: false }],
    });
  });

  it('typos: 0 requires an exact normalised match', () => {
    expect(gradeText(strict, 'zawāhirī').correct).toBe(true);
    expect(gradeText(strict, 'Zawahari').correct).toBe(false);
  });

  it.each([undefined, null, 42, ['Zawahiri'], { answer: 'Zawahiri' }])(
    'scores malformed %j 0',
    (response) => {
      expect(gradeText(zawahiri, response)).toMatchObject({
        score: 0,
        correct: false,
        parts: [{ id: 'response' }],
      });
    },
  );

  it('keys and describes', () => {
    expect(keyText(zawahiri)).toBe('Zawahiri');
    expect(describeText(zawahiri)).toBe('Zawahiri (also: Ayman al-Zawahiri)');
    expect(describeText(make({ accept: ['ISIS'] }))).toBe('ISIS');
  });
});

describe('matchText typo thresholds (by normalised length of the accepted answer)', () => {
  it.each([
    // length, one-edit response, two-edit response, three-edit, four-edit, allowed edits
    ['ISIS', 4, 0],
    ['Hamas', 5, 1],
    ['Facebook', 8, 1],
    ['Instagram', 9, 2],
    ['encrypted chats!', 15, 2],
    ['encryptedmessage', 16, 2],
    ['encryptedmessages', 17, 3],
  ])('%j (%i chars) allows %i edits', (answer, length, allowed) => {
    expect(Array.from(answer.toLowerCase().replace(/[^a-z ]/g, '')).length).toBe(length);
    const chars = Array.from(answer.toLowerCase().replace(/[^a-z ]/g, ''));
    const withEdits = (edits: number) =>
      chars.map((ch, i) => (i < edits * 2 && i % 2 === 0 ? (ch === 'q' ? 'w' : 'q') : ch)).join('');
    const within = matchText(withEdits(allowed), [answer]);
    const beyond = matchText(withEdits(allowed + 1), [answer]);
    expect(within.matched).toBe(true);
    expect(within.typo).toBe(allowed > 0);
    expect(beyond.matched).toBe(false);
  });

  it('prefers an exact match over a typo match', () => {
    expect(matchText('Hamas', ['Hamas', 'Hamaz'])).toEqual({ matched: true, typo: false });
  });

  it('picks the closest accepted answer as canonical, ties alphabetically', () => {
    expect(matchText('Telegrom', ['Telegrams', 'Telegram'])).toMatchObject({ canonical: 'Telegram' });
    expect(matchText('abcdeX', ['abcdeY', 'abcdeZ'])).toMatchObject({ canonical: 'abcdeY' });
    expect(matchText('abcdeX', ['abcdeZ', 'abcdeY'])).toMatchObject({ canonical: 'abcdeY' });
  });
});

describe('textQuestionSchema', () => {
  it.each([
    ['no accepted answers', { accept: [] }, ['accept']],
    ['an answer that normalises to nothing', { accept: ['Zawahiri', '—'] }, ['accept', 1]],
    ['an unknown typos value', { typos: 2 }, ['typos']],
  ])('rejects %s', (_label, patch, path) => {
    const result = textQuestionSchema.safeParse({ ...input, ...patch });
    expect(result.error?.issues.map((issue) => issue.path)).toContainEqual(path);
  });
});

describe('typo tolerance never changes the meaning', () => {
  const letters = fc.stringMatching(/^[a-z]{3,9}$/);
  const phrase = fc.array(letters, { minLength: 1, maxLength: 4 });

  it('an answer with a number is right only by its value: "30,000" = "30000" = "30 000"; "3000" is not', () => {
    const accept = ['30,000'];
    for (const right of ['30000', '30 000', '30,000', '30 000', "30'000"]) {
      expect(matchText(right, accept).matched).toBe(true);
    }
    for (const wrong of ['3000', '300000', '30,001', '3,000', '30.000.0', '300 00']) {
      expect(matchText(wrong, accept).matched).toBe(false);
    }
    expect(matchText('1.5 million', ['1.5 million']).matched).toBe(true);
    expect(matchText('15 million', ['1.5 million']).matched).toBe(false);
  });

  it('(property) a number formatted with or without thousands separators matches by value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 999_999_999 }),
        fc.constantFrom(',', ' ', "'", '_', ''),
        (n, sep) => {
          const written = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, sep);
          expect(matchText(written, [n.toLocaleString('en-US')]).matched).toBe(true);
        },
      ),
    );
  });

  it('(property) changing, adding or removing a digit is never accepted as a typo', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z ]{0,12}[0-9]{1,7}[a-z ]{0,12}$/),
        fc.nat(),
        fc.constantFrom('change', 'insert', 'delete'),
        fc.integer({ min: 0, max: 9 }),
        (answer, at, edit, digit) => {
          const positions = [...answer].flatMap((ch, i) => (/\d/.test(ch) ? [i] : []));
          const i = positions[at % positions.length] ?? 0;
          const old = answer[i] ?? '';
          const response =
            edit === 'change'
              ? answer.slice(0, i) + String((Number(old) + 1 + (digit % 9)) % 10) + answer.slice(i + 1)
              : edit === 'insert'
                ? answer.slice(0, i) + String(digit) + answer.slice(i)
                : answer.slice(0, i) + answer.slice(i + 1);
          fc.pre(answerFormOf(response) !== answerFormOf(answer));
          expect(matchText(response, [answer]).matched).toBe(false);
          expect(matchText(answer, [response]).matched).toBe(false);
        },
      ),
    );
  });

  it('(property) adding or removing a negating prefix is never a typo, written joined, hyphenated or apart', () => {
    fc.assert(
      fc.property(
        phrase,
        fc.nat(),
        fc.constantFrom(...NEGATING_PREFIXES),
        fc.constantFrom('', '-', ' '),
        (words, at, prefix, joiner) => {
          const i = at % words.length;
          const negated = words.map((w, j) => (j === i ? `${prefix}${joiner}${w}` : w)).join(' ');
          const plain = words.join(' ');
          expect(matchText(negated, [plain]).matched).toBe(false);
          expect(matchText(plain, [negated]).matched).toBe(false);
        },
      ),
    );
  });

  it('(property) a negating prefix plus one more slip on a long word is not a typo either', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{9,16}$/),
        fc.constantFrom('non', 'dis', 'un', 'de', 'in', 'ir', 'il', 'im'),
        fc.nat(),
        (word, prefix, at) => {
          const i = 1 + (at % (word.length - 2));
          const slipped = word.slice(0, i) + word.slice(i + 1);
          expect(matchText(prefix + slipped, [word]).matched).toBe(false);
          expect(matchText(slipped, [prefix + word]).matched).toBe(false);
        },
      ),
    );
  });

  it('(property) adding or removing "not" anywhere is never a typo', () => {
    fc.assert(
      fc.property(phrase, fc.nat(), (words, at) => {
        const i = at % (words.length + 1);
        const negated = [...words.slice(0, i), 'not', ...words.slice(i)].join(' ');
        expect(matchText(negated, [words.join(' ')]).matched).toBe(false);
        expect(matchText(words.join(' '), [negated]).matched).toBe(false);
      }),
    );
  });

  it('(property) a rejected answer is rejected however it is written, with its feedback', () => {
    fc.assert(
      fc.property(phrase, phrase, fc.boolean(), (accepted, rejected, loud) => {
        const accept = accepted.join(' ');
        const wrong = rejected.join(' ');
        fc.pre(answerFormOf(accept) !== answerFormOf(wrong));
        const response = loud ? ` ${wrong.toUpperCase()}! ` : wrong.replaceAll(' ', '-');
        const match = matchText(response, [accept], 'auto', [{ answer: wrong, feedback: 'Why not.' }]);
        expect(match).toEqual({
          matched: false,
          typo: false,
          rejected: { answer: wrong, feedback: 'Why not.' },
        });
      }),
    );
  });

  it('real cases: ineffective ≠ effective, desecuritization ≠ securitization, spelling slips still pass', () => {
    expect(matchText('ineffective', ['effective']).matched).toBe(false);
    expect(matchText('in-effective', ['effective']).matched).toBe(false);
    expect(matchText('desecuritization', ['securitization', 'securitisation']).matched).toBe(false);
    expect(matchText('not effective', ['effective']).matched).toBe(false);
    expect(matchText('efective', ['effective'])).toMatchObject({ matched: true, typo: true });
    expect(matchText('securitisaton', ['securitization'])).toMatchObject({ matched: true, typo: true });
    expect(matchText('informaton', ['information'])).toMatchObject({ matched: true, typo: true });
    expect(matchText('atack', ['attack'])).toMatchObject({ matched: true, typo: true });
  });

  it('a response closer to a rejected answer than to an accepted one takes the rejected feedback', () => {
    const reject = [{ answer: 'politicization', feedback: 'That is what the author blames.' }];
    expect(matchText('politicisation', ['securitization'], 'auto', reject)).toEqual({
      matched: false,
      typo: false,
      rejected: { answer: 'politicization', feedback: 'That is what the author blames.' },
    });
    expect(matchText('securitisation', ['securitization'], 'auto', reject)).toMatchObject({ matched: true });
  });

  it('gradeText gives the rejected answer its feedback', () => {
    const q = make({
      accept: ['effective'],
      reject: [{ answer: 'ineffective', feedback: 'The opposite.' }, 'useless'],
    });
    expect(gradeText(q, 'Ineffective')).toEqual({
      score: 0,
      correct: false,
      parts: [{ id: 'answer', correct: false, feedback: 'The opposite.' }],
    });
    expect(gradeText(q, 'useless')).toEqual({
      score: 0,
      correct: false,
      parts: [{ id: 'answer', correct: false }],
    });
  });

  it('the schema refuses a rejected answer that is also accepted, or empty', () => {
    const both = textQuestionSchema.safeParse({ ...input, reject: ['ZAWAHIRI'] });
    expect(both.error?.issues[0]).toMatchObject({
      path: ['reject', 0],
      message: '"ZAWAHIRI" is both accepted and rejected',
    });
    const empty = textQuestionSchema.safeParse({ ...input, reject: [{ answer: '…', feedback: 'x' }] });
    expect(empty.error?.issues[0]?.path).toEqual(['reject', 0]);
  });
});
