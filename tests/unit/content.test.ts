/**
 * Content validation over the real course: every bank passes the schema, verbatim evidence and the
 * item-writing rules, per bank and course-wide; lessons quote their sources verbatim; glossary and timeline links resolve;
 * the final assessment draws only on its own pool, which passes the pool rules.
 * Failures name the file, the question and the rule.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateBank, validateCourse, type BankQuestion } from '../../src/lib/content/bank.ts';
import { checkEvidence } from '../../src/lib/content/evidence.ts';
import { checkLessonBank } from '../../src/lib/content/rules.ts';
import { assessmentSchema, glossaryTermSchema, timelineEventSchema } from '../../src/lib/content/schemas.ts';
import { loadSeedArticles } from '../../src/loaders/quizzes.ts';
import { readAssessmentPool } from '../../src/loaders/pool.ts';
import { poolStats } from '../../src/lib/content/pool.ts';
import { gradeResponse } from '../../src/questions/index.ts';
import { keyCloze } from '../../src/questions/cloze/grade.ts';

const root = process.cwd();
const articles = loadSeedArticles(root);
const lessonFiles = readdirSync('content/lessons')
  .filter((f) => f.endsWith('.mdx'))
  .sort();
const bankFiles = readdirSync('content/quizzes')
  .filter((f) => f.endsWith('.yaml'))
  .sort();

interface LessonDoc {
  id: string;
  frontmatter: { objectives: { id: string; text: string }[]; keyTerms?: string[]; source?: string };
  body: string;
}
function readLesson(file: string): LessonDoc {
  const text = readFileSync(`content/lessons/${file}`, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!m) throw new Error(`content/lessons/${file}: no frontmatter block`);
  return { id: file.replace(/\.mdx$/, ''), frontmatter: parse(m[1]!), body: m[2]! };
}
const lessons = lessonFiles.map(readLesson);
const banks = new Map<string, BankQuestion[]>();
const bankErrors: string[] = [];
for (const file of bankFiles) {
  const id = file.replace(/\.yaml$/, '');
  const result = validateBank(
    `content/quizzes/${file}`,
    id,
    parse(readFileSync(`content/quizzes/${file}`, 'utf8')),
    articles,
  );
  bankErrors.push(...result.errors);
  banks.set(id, result.questions);
}
const allQuestions = [...banks.values()].flat().map((b) => b.question);

describe('question banks', () => {
  it('pass the schema, verbatim evidence and item-writing checks', () => {
    expect(bankErrors).toEqual([]);
  });

  it('pass the item-writing spread rules course-wide', () => {
    expect(validateCourse('content/quizzes', [...banks.values()].flat())).toEqual([]);
  });

  it('use ids that are unique across the course', () => {
    const ids = allQuestions.map((q) => q.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('together use all eight question types', () => {
    expect(new Set(allQuestions.map((q) => q.type)).size).toBe(8);
  });

  it('exist for every written lesson', () => {
    expect(lessons.map((l) => l.id).filter((id) => !banks.has(id))).toEqual([]);
  });

  describe.each(lessons.map((l) => [l.id, l] as const))('%s', (id, lesson) => {
    it('follows the item-writing and coverage rules', () => {
      const questions = (banks.get(id) ?? []).map((b) => b.question);
      expect(
        checkLessonBank(
          id,
          questions,
          lesson.frontmatter.objectives.map((o) => o.id),
        ),
      ).toEqual([]);
    });
  });
});

describe('typo tolerance on the real banks', () => {
  const byId = new Map(allQuestions.map((q) => [q.id, q]));
  const blank = (qid: string, id: string, value: string) => {
    const q = byId.get(qid);
    if (q?.type !== 'cloze') throw new Error(`${qid} is not a cloze question`);
    return gradeResponse(q, { ...keyCloze(q), [id]: value }).correct;
  };
  const typed = (qid: string, value: string) => gradeResponse(byId.get(qid)!, value).correct;

  it('never accepts the opposite word or another number', () => {
    expect(blank('mali-q10', 'b2', 'ineffective')).toBe(false);
    expect(blank('mali-q10', 'b2', 'efective')).toBe(true);
    expect(typed('pak-q07', 'desecuritization')).toBe(false);
    expect(typed('pak-q07', 'politicization')).toBe(false);
    expect(typed('pak-q07', 'securitisaton')).toBe(true);
    for (const wrong of ['3000', '300000', '3,000']) expect(blank('drugs-q03', 'b2', wrong)).toBe(false);
    for (const right of ['30,000', '30000', '30 000']) expect(blank('drugs-q03', 'b2', right)).toBe(true);
  });
});

describe('lessons', () => {
  it('exist only for articles that exist, or name the article they read', () => {
    expect(lessons.map((l) => l.frontmatter.source ?? l.id).filter((id) => !articles.has(id))).toEqual([]);
  });

  describe.each(lessons.map((l) => [l.id, l] as const))('%s', (id, lesson) => {
    const paragraphs = articles.get(lesson.frontmatter.source ?? id)?.paragraphs ?? [];

    it('quotes its source verbatim in every <Quote>', () => {
      const problems: string[] = [];
      for (const m of lesson.body.matchAll(/<Quote p="(p\d+)"(?: source="([^"]+)")?>([\s\S]*?)<\/Quote>/g)) {
        const from = m[2] ? (articles.get(m[2])?.paragraphs ?? []) : paragraphs;
        const problem = checkEvidence(from, m[1]!, m[3]!.replace(/\s+/g, ' ').trim());
        if (problem)
          problems.push(`<Quote p="${m[1]}"${m[2] ? ` source="${m[2]}"` : ''}>: ${problem.message}`);
      }
      expect(problems).toEqual([]);
    });

    it('places inline checks that exist in its own bank', () => {
      const own = new Set((banks.get(id) ?? []).map((b) => b.question.id));
      const missing = [...lesson.body.matchAll(/<Check id="([^"]+)"/g)]
        .map((m) => m[1])
        .filter((q) => !own.has(q!));
      expect(missing).toEqual([]);
    });

    it('has the teaching sections a lesson needs', () => {
      for (const heading of [
        'Overview',
        'Key terms',
        'Guided reading',
        'Thinking critically',
        'Summary',
        'Discussion questions',
      ]) {
        expect(lesson.body, heading).toMatch(new RegExp(`^## ${heading}`, 'm'));
      }
    });
  });
});

describe('glossary', () => {
  const raw = existsSync('content/glossary.yaml') ? parse(readFileSync('content/glossary.yaml', 'utf8')) : [];
  const terms = (raw as unknown[]).map((t) => glossaryTermSchema.parse(t));

  it('has at least 60 terms with unique ids', () => {
    expect(terms.length).toBeGreaterThanOrEqual(60);
    const ids = terms.map((t) => t.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('links every term to paragraphs that exist', () => {
    const broken = terms.flatMap((t) =>
      t.appearsIn
        .filter((r) => !articles.get(r.lesson)?.paragraphs.some((p) => p.id === r.paragraph))
        .map((r) => `${t.id} → ${r.lesson}#${r.paragraph}`),
    );
    expect(broken).toEqual([]);
  });

  it('defines every key term and <Term> a lesson uses', () => {
    const ids = new Set(terms.map((t) => t.id));
    const missing = lessons.flatMap((l) => [
      ...(l.frontmatter.keyTerms ?? []).filter((k) => !ids.has(k)).map((k) => `${l.id}: keyTerms ${k}`),
      ...[...l.body.matchAll(/<Term id="([^"]+)"/g)]
        .map((m) => m[1]!)
        .filter((k) => !ids.has(k))
        .map((k) => `${l.id}: <Term id="${k}">`),
    ]);
    expect(missing).toEqual([]);
  });
});

describe('timeline', () => {
  const raw = existsSync('content/timeline.yaml') ? parse(readFileSync('content/timeline.yaml', 'utf8')) : [];
  const events = (raw as unknown[]).map((e) => timelineEventSchema.parse(e));

  it('has at least 20 events, each quoting its source paragraph verbatim', () => {
    expect(events.length).toBeGreaterThanOrEqual(20);
    const problems = events.flatMap((e) => {
      const problem = checkEvidence(
        articles.get(e.source.lesson)?.paragraphs ?? [],
        e.source.paragraph,
        e.quote,
      );
      return problem ? [`${e.id}: ${problem.message}`] : [];
    });
    expect(problems).toEqual([]);
  });
});

describe('final assessment', () => {
  const pool = readAssessmentPool(root);
  const poolIds = new Set(pool.items.map((i) => i.question.id));
  const a = assessmentSchema.parse(parse(readFileSync('content/assessment.yaml', 'utf8')));

  it('has a pool of its own that passes every pool rule (size, modules, Bloom, kinds, evidence, item writing)', () => {
    expect(pool.errors).toEqual([]);
    expect(pool.items.length).toBeGreaterThanOrEqual(40);
    const s = poolStats(pool.items);
    expect(s.applyOrAbove.length / s.items).toBeGreaterThanOrEqual(0.6);
    expect(s.scenario.length).toBeGreaterThan(0);
    expect(s.comparison.length).toBeGreaterThan(0);
    expect(s.sourceEvaluation.length).toBeGreaterThan(0);
  });

  it('shares no id and no prompt with any lesson bank', () => {
    const bankIds = new Set(allQuestions.map((q) => q.id));
    const prompts = new Set(allQuestions.map((q) => q.prompt));
    expect(pool.items.filter((i) => bankIds.has(i.question.id) || prompts.has(i.question.prompt))).toEqual(
      [],
    );
  });

  it("cites objectives that its items' lessons define", () => {
    const objectives = new Map(
      lessons.map((l) => [l.id, new Set(l.frontmatter.objectives.map((o) => o.id))]),
    );
    const unknown = pool.items
      .filter((i) => !objectives.get(i.question.lesson)?.has(i.question.objective))
      .map((i) => `${i.question.id}: ${i.question.lesson} ${i.question.objective}`);
    expect(unknown).toEqual([]);
  });

  it('lists every pool item once, under its own module, and nothing from the lesson banks', () => {
    // Every numbered module; the opening unit (order 0) teaches a skill and is not assessed here.
    const modules = (parse(readFileSync('content/modules.yaml', 'utf8')) as { id: string; order: number }[])
      .filter((m) => m.order > 0)
      .map((m) => m.id);
    expect(a.sections.map((s) => s.module)).toEqual(modules);
    const listed = a.sections.flatMap((s) => s.questions.map((id) => ({ id, module: s.module })));
    expect(listed.filter(({ id }) => !poolIds.has(id))).toEqual([]);
    const moduleOf = new Map(pool.items.map((i) => [i.question.id, i.module]));
    expect(listed.filter(({ id, module }) => moduleOf.get(id) !== module)).toEqual([]);
    expect(listed.map((l) => l.id).sort()).toEqual([...poolIds].sort());
  });
});
