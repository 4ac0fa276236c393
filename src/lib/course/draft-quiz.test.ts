import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { answerKey, gradeResponse, questionSchema } from '../../questions/index.ts';
import { checkEvidence } from '../content/evidence.ts';
import { checkItem, checkSpread, RULE } from '../content/items.ts';
import { ingestPage, type Article } from '../ingest/index.ts';
import { DRAFT, draftQuiz, draftTarget, sentencesOf, type DraftTerm } from './draft-quiz.ts';

const root = `${import.meta.dirname}/../../../`;
const terms = parse(readFileSync(`${root}content/glossary.yaml`, 'utf8')) as DraftTerm[];
const pagesIn = (dir: string) =>
  readdirSync(root + dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => ingestPage(readFileSync(`${root}${dir}/${f}`, 'utf8'), f));
const seeds = pagesIn('seeds');
const fixtures = pagesIn('tests/fixtures/pages');
const everything = [...seeds, ...fixtures];
const paragraphsOf = (a: Article) => a.sections.flatMap((s) => s.paragraphs);

describe('sentencesOf', () => {
  it.each([
    ['One. Two words here.', ['One.', 'Two words here.']],
    ['The U.S. officials met. Then they left.', ['The U.S. officials met.', 'Then they left.']],
    ['Dr. Galeotti said so. “Quoted,” he said.', ['Dr. Galeotti said so.', '“Quoted,” he said.']],
    ['It rose in 2019.[3] Appeals failed.', ['It rose in 2019.[3]', 'Appeals failed.']],
  ])('%j', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });
});

describe.each(everything.map((a) => [a.id, a] as const))('draft quiz of %s', (_id, article) => {
  const quiz = draftQuiz(article, terms);
  const paragraphs = paragraphsOf(article);

  it('is the same on a second run, ids included', () => {
    expect(draftQuiz(article, terms)).toEqual(quiz);
    expect(quiz.questions.map((q) => q.id)).toEqual(quiz.questions.map((_q, i) => `${article.id}-d${i + 1}`));
  });

  it('passes the spread rules of a bank (key positions, longest option); a draft has no source-evaluation items', () => {
    const problems = checkSpread(quiz.questions, 'bank').filter((p) => !p.startsWith(RULE.sourceEvaluation));
    expect(problems).toEqual([]);
  });

  it('passes the schema, the evidence check and the item-writing rules', () => {
    for (const q of quiz.questions) {
      expect(questionSchema.safeParse(q).success, q.id).toBe(true);
      expect(checkEvidence(paragraphs, q.evidence.paragraph, q.evidence.quote), q.id).toBeNull();
      expect(checkItem(q), q.id).toEqual([]);
      expect(gradeResponse(q, answerKey(q)).correct, q.id).toBe(true);
    }
  });

  it(`has at least ${DRAFT.target} questions at ${DRAFT.fullWords} words or more, and says why when it has fewer`, () => {
    if (article.words >= DRAFT.fullWords) {
      expect(quiz.questions.length).toBeGreaterThanOrEqual(DRAFT.target);
      expect(quiz.shortfall).toBeNull();
    } else {
      expect(quiz.questions.length).toBeLessThanOrEqual(draftTarget(article.words));
      expect(quiz.shortfall).toMatch(new RegExp(`short \\(${article.words} words\\)`));
    }
  });

  it('never cites the standfirst and never blanks an address, handle, hashtag or link', () => {
    const standfirst = new Set(paragraphs.filter((p) => p.standfirst).map((p) => p.id));
    for (const q of quiz.questions) {
      expect(standfirst.has(q.evidence.paragraph)).toBe(false);
      expect(q.evidence.quote).not.toMatch(/@\w|#\w|https?:|www\.|\b[13][a-km-zA-HJ-NP-Z1-9]{25,34}\b/);
    }
  });

  it('spreads the keys of its "which paragraph" items over positions, never the longest option', () => {
    const single = quiz.questions.filter((q) => q.type === 'single');
    const positions = single.map((q) => q.options.findIndex((o) => o.id === q.answer));
    expect(new Set(positions).size).toBe(positions.length);
    for (const q of single) {
      const key = q.options.find((o) => o.id === q.answer)?.text.length ?? 0;
      expect(q.options.some((o) => o.id !== q.answer && o.text.length >= key)).toBe(true);
    }
  });
});

describe('draft quiz kinds', () => {
  const substack = fixtures.find((a) => a.title.startsWith('How the 2020 seizure'));
  if (!substack) throw new Error('substack fixture missing');
  const quiz = draftQuiz(substack, terms);

  it('mixes cloze, ordering and "which paragraph" items for a full article', () => {
    expect(new Set(quiz.questions.map((q) => q.type))).toEqual(new Set(['cloze', 'ordering', 'single']));
  });

  it('blanks a glossary term, a number with its unit and a named entity', () => {
    const blanks = quiz.questions.flatMap((q) => (q.type === 'cloze' ? [q.blanks[0]?.accept[0]] : []));
    expect(blanks).toEqual(['cryptocurrency', '2 million dollars', 'Islamic State']);
  });

  it('grades a figure exactly: the number alone is right, a near number is wrong', () => {
    const q = quiz.questions.find(
      (x) => x.type === 'cloze' && x.blanks[0]?.accept[0] === '2 million dollars',
    );
    if (!q) throw new Error('no figure item');
    expect(gradeResponse(q, { b1: '2 million' }).correct).toBe(true);
    expect(gradeResponse(q, { b1: '3 million dollars' }).correct).toBe(false);
  });

  it('orders dated events earliest first, with the dates left out of the items', () => {
    const q = quiz.questions.find((x) => x.type === 'ordering');
    if (q?.type !== 'ordering') throw new Error('no ordering item');
    expect(q.items.map((i) => i.text.slice(0, 30))).toEqual([
      'Agents began to follow the Ham',
      'A website offered face masks f',
      'On … the United States Departm',
      'The Financial Action Task Forc',
    ]);
    for (const item of q.items) expect(item.text).not.toMatch(/\b(?:13 August|March|October) 20\d\d\b/);
  });

  it('asks which paragraph holds a quoted sentence, with feedback naming each wrong paragraph', () => {
    const q = quiz.questions.find((x) => x.type === 'single');
    if (q?.type !== 'single') throw new Error('no which item');
    expect(q.prompt).toMatch(/^Which paragraph of the source says: “.+”\?$/);
    for (const o of q.options)
      if (o.id !== q.answer) expect(o.feedback).toMatch(/^Paragraph \d+ (?:opens: “|is about)/);
  });

  it('gives a short article fewer questions and says so', () => {
    const brief = fixtures.find((a) => a.title.startsWith('Police close'));
    if (!brief) throw new Error('brief fixture missing');
    const short = draftQuiz(brief, terms);
    expect(short.questions).toHaveLength(1);
    expect(short.shortfall).toBe(
      'This source is short (60 words), so its draft practice has one question: about one per 100 words of text, and only from sentences that hold a term, a figure, a name or a date. Sources of 500 words or more get at least 6.',
    );
  });
});

describe('draft quiz on any article', () => {
  const sentence = fc.constantFrom(
    'The Financial Action Task Force published guidance in October 2021 for exchanges.',
    'Investigators seized more than 300 accounts and four websites used for donations.',
    'Supporters were asked to send Bitcoin to 3HoWzYwaBbTg7sKGtHz3pAZxdHZoXUJRvG for weapons.',
    'The channel @example_channel posted the appeal with the tag #donate every week.',
    'Donations went through https://example.org/give until the site was closed in 2019.',
    'A website offered face masks for sale in March 2020 when masks were scarce.',
    'The group raised about 90 per cent of its money through the United Nations system.',
    'Short one.',
  );
  const article = fc
    .array(fc.array(sentence, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 })
    .map((paras): Article => ({
      id: 'generated',
      title: 'Generated',
      authors: [],
      publication: null,
      sections: [
        { heading: null, paragraphs: paras.map((p, i) => ({ id: `p${i + 1}`, text: p.join(' ') })) },
      ],
      captions: [],
      footnotes: [],
      bios: [],
      notes: [],
      source: { file: 'x.txt', index: 0 },
      words: paras.flat().join(' ').split(' ').length,
    }));

  it('passes its checks and never blanks an address, a handle, a hashtag or a link', () => {
    fc.assert(
      fc.property(article, (a) => {
        const paragraphs = paragraphsOf(a);
        for (const q of draftQuiz(a, terms).questions) {
          expect(questionSchema.safeParse(q).success).toBe(true);
          expect(checkEvidence(paragraphs, q.evidence.paragraph, q.evidence.quote)).toBeNull();
          expect(checkItem(q)).toEqual([]);
          expect(JSON.stringify(q)).not.toMatch(/3HoWzYwa|@example_channel|#donate|https:/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
