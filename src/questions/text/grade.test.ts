import { describe, expect, it } from 'vitest';
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
