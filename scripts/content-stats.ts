/**
 * `npm run --silent content:stats`: per-lesson counts of questions, types, Bloom levels and questions per
 * objective, as a Markdown table. For closing notes and course reviews; tests enforce the rules.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { bankStats } from '../src/lib/content/rules.ts';
import type { Question } from '../src/questions/index.ts';

const LEVELS = ['remember', 'understand', 'apply', 'analyze', 'evaluate'];
const rows: string[] = [];
let total = 0;
const allTypes = new Set<string>();
for (const file of readdirSync('content/lessons')
  .filter((f) => f.endsWith('.mdx'))
  .sort()) {
  const id = file.replace(/\.mdx$/, '');
  const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(`content/lessons/${file}`, 'utf8'))?.[1] ?? '';
  const objectives = ((parse(front) as { objectives?: { id: string }[] }).objectives ?? []).map((o) => o.id);
  const questions = parse(readFileSync(`content/quizzes/${id}.yaml`, 'utf8')) as Question[];
  const s = bankStats(questions, objectives);
  total += s.questions;
  s.types.forEach((t) => allTypes.add(t));
  rows.push(
    `| ${id} | ${s.questions} | ${s.types.length} (${s.types.join(', ')}) | ${LEVELS.map((l) => s.bloom[l] ?? 0).join(' / ')} | ${Math.round(s.higherOrderShare * 100)}% | ${Object.entries(
      s.perObjective,
    )
      .map(([o, n]) => `${o}:${n}`)
      .join(' ')} |`,
  );
}
console.log('| lesson | questions | types | Bloom rem/und/app/ana/eva | above understand | per objective |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
console.log(
  `\n${total} questions in ${rows.length} lessons; ${allTypes.size} question types used course-wide.`,
);
