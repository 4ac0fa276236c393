/**
 * `npm run --silent content:stats`: the item-writing figures per bank and for the course (key
 * positions of single, multiple and true/false keys, longest option, key length, banned forms, negative
 * stems), then per
 * lesson the counts, types, Bloom levels, numeric recall items and source-evaluation items, then the
 * final assessment's own pool (content/assessment/pool/): its counts, types, Bloom shares, the share at
 * "apply" or above, scenario, comparison and source-evaluation items, its item-writing figures and how
 * close its nearest prompt comes to a lesson-bank question, as Markdown tables. For closing notes and
 * course reviews; the build enforces the rules (items.ts, pool.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { itemStats, type PositionCounts } from '../src/lib/content/items.ts';
import { bankStats } from '../src/lib/content/rules.ts';
import { POOL_RULES, poolStats, promptSimilarity } from '../src/lib/content/pool.ts';
import { readAssessmentPool, readBankPrompts } from '../src/loaders/pool.ts';
import type { Question } from '../src/questions/index.ts';

const LEVELS = ['remember', 'understand', 'apply', 'analyze', 'evaluate'];

const pct = (count: number, n: number): string => (n ? `${Math.round((count / n) * 100)}%` : '–');

/** A column per kind of choice item found in the course: "Single choice, 4 options". */
const columnOf = (g: PositionCounts): string => `${g.kind}, ${g.options} options`;

/** `8/5/6/5 (33/21/25/21%)`: keys at positions 1, 2, … and their shares; `True 1 / False 1` for fixed labels. */
function positions(g: PositionCounts | undefined): string {
  if (!g) return '–';
  const shares = g.byPosition.map((c) => Math.round((c / g.keys) * 100));
  if (g.labels) return g.labels.map((label, i) => `${label} ${g.byPosition[i]} (${shares[i]}%)`).join(' / ');
  return `${g.byPosition.join('/')} (${shares.join('/')}%)`;
}

/** One table row; the course row counts the flagged items without naming them all. */
function itemRow(label: string, questions: Question[], columns: string[], names = true): string {
  const s = itemStats(questions);
  return [
    label,
    ...columns.map((column) => positions(s.positions.find((g) => columnOf(g) === column))),
    `${s.longestIsKey.length}/${s.choice} (${pct(s.longestIsKey.length, s.choice)})`,
    names && s.keyLength.length
      ? `${s.keyLength.length}: ${s.keyLength.join(', ')}`
      : String(s.keyLength.length),
    String(s.bannedForms.length),
    String(s.negativeStems.length),
  ].join(' | ');
}

const lessons = readdirSync('content/lessons')
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((file) => {
    const id = file.replace(/\.mdx$/, '');
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(`content/lessons/${file}`, 'utf8'))?.[1] ?? '';
    const objectives = ((parse(front) as { objectives?: { id: string }[] }).objectives ?? []).map(
      (o) => o.id,
    );
    const questions = parse(readFileSync(`content/quizzes/${id}.yaml`, 'utf8')) as Question[];
    /** The question-id prefix (`mali` for mali-q01) keeps the tables narrow. */
    const label = questions[0]?.id.replace(/-q\d+$/, '') ?? id;
    return { id, label, objectives, questions };
  });
const all = lessons.flatMap((l) => l.questions);

console.log('Item-writing figures (key positions on the authored order; per bank, then the course)\n');
const columns = itemStats(all).positions.map(columnOf);
console.log(
  `| bank | ${columns.map((c) => `${c}: keys by position`).join(' | ')} | longest option is key | key > 1.5× distractors | all/none of the above | unemphasised negative stems |`,
);
console.log(`|${' --- |'.repeat(columns.length + 5)}`);
for (const l of lessons) console.log(`| ${itemRow(l.label, l.questions, columns)} |`);
console.log(`| ${itemRow('**course**', all, columns, false)} |`);

console.log('\nPer lesson\n');
console.log(
  '| lesson | questions | types | Bloom rem/und/app/ana/eva | above understand | numeric recall left | source evaluation | per objective |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
const allTypes = new Set<string>();
let recall = 0;
let sourceEvaluation = 0;
for (const l of lessons) {
  const s = bankStats(l.questions, l.objectives);
  s.types.forEach((t) => allTypes.add(t));
  recall += s.numericRecall.length;
  sourceEvaluation += s.sourceEvaluation.length;
  console.log(
    `| ${l.label} | ${s.questions} | ${s.types.length} (${s.types.join(', ')}) | ${LEVELS.map((v) => s.bloom[v] ?? 0).join(' / ')} | ${pct(s.higherOrderShare * s.questions, s.questions)} | ${s.numericRecall.length} | ${s.sourceEvaluation.length} | ${Object.entries(
      s.perObjective,
    )
      .map(([o, n]) => `${o}:${n}`)
      .join(' ')} |`,
  );
}
const course = bankStats(all, []);
console.log(
  `| **course** | ${course.questions} | ${allTypes.size} | ${LEVELS.map((v) => course.bloom[v] ?? 0).join(' / ')} | ${pct(course.higherOrderShare * course.questions, course.questions)} | ${recall} | ${sourceEvaluation} | |`,
);
console.log(`\nLessons: ${lessons.map((l) => `${l.label} = ${l.id}`).join('; ')}.`);

const pool = readAssessmentPool(process.cwd());
const poolQuestions = pool.items.map((i) => i.question);
const ps = poolStats(pool.items);
console.log(
  '\nFinal assessment pool (content/assessment/pool/: items in no lesson bank and on no lesson page)\n',
);
if (pool.errors.length > 0) console.log(`${pool.errors.length} problem(s); \`npm run build\` lists them.\n`);
console.log(
  '| items | types | Bloom rem/und/app/ana/eva | apply or above | scenario | comparing articles | source evaluation | per module |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
console.log(
  `| ${ps.items} | ${ps.types.length} (${ps.types.map(([t, n]) => `${t} ${n}`).join(', ')}) | ${LEVELS.map((v) => `${ps.bloom[v] ?? 0} (${pct(ps.bloom[v] ?? 0, ps.items)})`).join(' / ')} | ${ps.applyOrAbove.length} (${pct(ps.applyOrAbove.length, ps.items)}) | ${ps.scenario.length} | ${ps.comparison.length} | ${ps.sourceEvaluation.length} | ${Object.entries(
    ps.perModule,
  )
    .map(([m, n]) => `${m}:${n}`)
    .join(' ')} |`,
);
const poolColumns = itemStats(poolQuestions).positions.map(columnOf);
console.log(
  `\n| pool | ${poolColumns.map((c) => `${c}: keys by position`).join(' | ')} | longest option is key | key > 1.5× distractors | all/none of the above | unemphasised negative stems |`,
);
console.log(`|${' --- |'.repeat(poolColumns.length + 5)}`);
console.log(`| ${itemRow('**pool**', poolQuestions, poolColumns)} |`);
const bank = readBankPrompts(process.cwd());
const nearest = pool.items
  .flatMap(({ question: q }) =>
    bank.map((b) => ({ pool: q.id, bank: b.id, s: promptSimilarity(q.prompt, b.prompt) })),
  )
  .sort((a, b) => b.s - a.s)[0];
if (nearest)
  console.log(
    `\nNearest prompt to a lesson-bank question: ${nearest.pool} and ${nearest.bank}, ${pct(nearest.s, 1)} alike (the build refuses ${pct(POOL_RULES.nearSamePrompt, 1)} or more).`,
  );
