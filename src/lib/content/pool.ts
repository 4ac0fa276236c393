/**
 * The final assessment's own pool of items (content/assessment/pool/<module-id>.yaml), kept apart
 * from the lesson banks so that a learner who did the lessons meets new questions, and so that the
 * pool's keys can later be kept out of the public build. Validating a pool file after YAML parsing:
 * the question schema, verbatim evidence (the item's own quote and any `also` quotes from other
 * articles), the item-writing rules of a bank; then the whole pool: size, module coverage, the share
 * at "apply" or above, scenario, comparison and source-evaluation items, the spread rules at the
 * exact course-wide thresholds, and that no item is a lesson-bank item again (same id, or the same
 * or nearly the same prompt). Every problem names the file, the item and the rule. Pure: the caller
 * parses YAML and supplies the articles, the modules and the bank's prompts.
 */
import { z } from 'astro/zod';
import { publishQuestion, questionSchema, type Question } from '../../questions/index.ts';
import { questionHash } from '../quiz/hash.ts';
import { normalizeText } from '../quiz/normalize.ts';
import { pathOf, type BankArticle } from './bank.ts';
import { checkEvidence } from './evidence.ts';
import { checkItem, checkSpread } from './items.ts';

export const POOL_RULES = {
  /** Items the pool needs. */
  minItems: 40,
  /** Items each module needs. */
  minPerModule: 5,
  /** Share of items at "apply", "analyze" or "evaluate". */
  minApplyOrAbove: 0.6,
  /** Items that set a new case to reason about (`scenario: true`). */
  minScenario: 8,
  /** Items that rest on quotes from two or more articles (`also` naming another lesson). */
  minComparison: 8,
  /** Items marked `skill: source-evaluation`. */
  minSourceEvaluation: 8,
  /**
   * Two prompts whose word pairs overlap this much (Dice coefficient, 0–1) are the same question
   * reworded. A light rewording of a 20-word prompt (two words changed) scores about 0.8; prompts
   * that merely share a frame ("Which is the strongest reason for caution about …") stay under 0.4.
   */
  nearSamePrompt: 0.6,
} as const;

export type PoolRules = { [K in keyof typeof POOL_RULES]: number };

const HIGHER_ORDER = new Set(['apply', 'analyze', 'evaluate']);

/** A quote from a source paragraph that an item also rests on, usually in another article. */
export const poolQuoteSchema = z.strictObject({
  /** Article id of the lesson the quote comes from. */
  lesson: z.string().min(1),
  /** Paragraph anchor id in that article, e.g. `p12`. */
  paragraph: z.string().regex(/^p\d+$/, 'Paragraph ids look like "p12"'),
  /** A verbatim quote from that paragraph (at least 8 characters). */
  quote: z.string().min(8),
});

/** The fields a pool item has besides those of a question. */
const poolFieldsSchema = z.strictObject({
  /** Further evidence: items that compare articles cite each article they compare. */
  also: z.array(poolQuoteSchema).min(1).optional(),
  /** The item sets a new case ("An analyst finds …") rather than asking about the text alone. */
  scenario: z.literal(true).optional(),
});

export type PoolQuote = z.output<typeof poolQuoteSchema>;

export interface PoolItem {
  question: Question;
  /** Content hash of the question (as for bank questions). */
  hash: string;
  /** Module id: the file's name. */
  module: string;
  /** The file it came from, for messages. */
  file: string;
  also: PoolQuote[];
  scenario: boolean;
}

/** A lesson-bank question as the distinctness rule sees it. */
export interface BankPrompt {
  id: string;
  prompt: string;
  file: string;
}

export interface PoolContext {
  /** Every article, by id. */
  articles: ReadonlyMap<string, BankArticle>;
  /** Module id → the lessons (article ids) it holds. */
  modules: ReadonlyMap<string, readonly string[]>;
  /** Every lesson-bank question. */
  bank: readonly BankPrompt[];
}

/** Whether an item compares articles: an `also` quote comes from a lesson other than its own. */
export function comparesArticles(item: Pick<PoolItem, 'question' | 'also'>): boolean {
  return item.also.some((q) => q.lesson !== item.question.lesson);
}

/** Word pairs of a prompt, after the normalisation answers get (case, accents, punctuation). */
function wordPairs(prompt: string): string[] {
  const words = normalizeText(prompt.replace(/\*/g, ' ')).split(' ').filter(Boolean);
  if (words.length < 2) return words;
  return words.slice(1).map((w, i) => `${words[i]} ${w}`);
}

/**
 * How alike two prompts are, from 0 (no word pair in common) to 1 (the same words in the same
 * order, whatever the case, accents or punctuation): the Dice coefficient of their word pairs,
 * counting repeated pairs as often as they occur.
 */
export function promptSimilarity(a: string, b: string): number {
  const pa = wordPairs(a);
  const pb = wordPairs(b);
  if (pa.length === 0 && pb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const p of pa) counts.set(p, (counts.get(p) ?? 0) + 1);
  let shared = 0;
  for (const p of pb) {
    const n = counts.get(p) ?? 0;
    if (n > 0) {
      shared += 1;
      counts.set(p, n - 1);
    }
  }
  return (2 * shared) / (pa.length + pb.length);
}

/**
 * One pool file: a list of items, each a question plus `also` and `scenario`.
 * @param file     path shown in messages, e.g. `content/assessment/pool/terror-finance.yaml`
 * @param moduleId the module id the file name names
 */
export function validatePoolFile(
  file: string,
  moduleId: string,
  data: unknown,
  context: PoolContext,
): { items: PoolItem[]; errors: string[] } {
  const errors: string[] = [];
  const items: PoolItem[] = [];
  if (!Array.isArray(data)) {
    return {
      items,
      errors: [`${file}: expected a list of items, found ${data === null ? 'nothing' : typeof data}`],
    };
  }
  const lessons = context.modules.get(moduleId);
  if (!lessons)
    errors.push(
      `${file}: no module has the id "${moduleId}" (the file name must be a module id from content/modules.yaml)`,
    );
  data.forEach((raw, index) => {
    const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const label = typeof record.id === 'string' ? `question "${record.id}"` : `question #${index + 1}`;
    const { also, scenario, ...fields } = record;
    const extras = poolFieldsSchema.safeParse({ also, scenario });
    const parsed = questionSchema.safeParse(fields);
    const issues = [
      ...(extras.success ? [] : extras.error.issues),
      ...(parsed.success ? [] : parsed.error.issues),
    ];
    for (const issue of issues) errors.push(`${file}: ${label}: ${pathOf(issue.path)}: ${issue.message}`);
    if (!parsed.success || !extras.success) return;
    const q = parsed.data;
    const item: PoolItem = {
      // Opaque option ids, as for bank questions (src/questions/ids.ts); the hash stays the authored one.
      question: publishQuestion(q).question,
      hash: questionHash(q),
      module: moduleId,
      file,
      also: extras.data.also ?? [],
      scenario: extras.data.scenario ?? false,
    };
    if (lessons && !lessons.includes(q.lesson))
      errors.push(
        `${file}: ${label}: lesson: "${q.lesson}" is not a lesson of module "${moduleId}" (${lessons.join(', ')})`,
      );
    // The main quote is from the item's lesson, unless its evidence names another article.
    const own = (q.evidence as { article?: string }).article ?? q.lesson;
    const quotes = [
      { lesson: own, paragraph: q.evidence.paragraph, quote: q.evidence.quote, at: 'evidence' },
    ].concat(item.also.map((quote, i) => ({ ...quote, at: `also[${i}]` })));
    for (const quote of quotes) {
      const article = context.articles.get(quote.lesson);
      const problem = article
        ? checkEvidence(article.paragraphs, quote.paragraph, quote.quote)
        : { message: `no article has the id "${quote.lesson}"` };
      if (problem) errors.push(`${file}: ${label}: ${quote.at}: ${problem.message}`);
    }
    for (const problem of checkItem(q)) errors.push(`${file}: ${problem}`);
    items.push(item);
  });
  return { items, errors };
}

/**
 * The rules over the whole pool. `dir` is the pool's folder, for messages about the pool as a whole.
 */
export function validatePool(
  dir: string,
  items: readonly PoolItem[],
  context: Pick<PoolContext, 'modules' | 'bank'>,
  rules: PoolRules = POOL_RULES,
): string[] {
  const errors: string[] = [];
  const at = (item: PoolItem) => `${item.file}: question "${item.question.id}"`;
  const bankIds = new Map(context.bank.map((b) => [b.id, b]));
  const seen = new Map<string, PoolItem>();
  items.forEach((item, i) => {
    const { id, prompt } = item.question;
    const other = seen.get(id);
    if (other) errors.push(`${at(item)}: id: also used in ${other.file}`);
    seen.set(id, item);
    const twin = bankIds.get(id);
    if (twin) errors.push(`${at(item)}: id: also a lesson-bank question in ${twin.file}`);
    for (const b of context.bank) {
      const s = promptSimilarity(prompt, b.prompt);
      if (s >= rules.nearSamePrompt)
        errors.push(
          `${at(item)}: prompt: the same question as lesson-bank question "${b.id}" in ${b.file} (prompts ${Math.round(s * 100)}% alike; at most ${Math.round(rules.nearSamePrompt * 100)}% allowed)`,
        );
    }
    for (const earlier of items.slice(0, i)) {
      const s = promptSimilarity(prompt, earlier.question.prompt);
      if (s >= rules.nearSamePrompt)
        errors.push(
          `${at(item)}: prompt: the same question as pool item "${earlier.question.id}" (prompts ${Math.round(s * 100)}% alike)`,
        );
    }
  });

  const s = poolStats(items);
  const pool = `${dir} (the pool)`;
  if (s.items < rules.minItems) errors.push(`${pool}: ${s.items} items; at least ${rules.minItems} needed`);
  for (const module of context.modules.keys()) {
    const n = s.perModule[module] ?? 0;
    if (n < rules.minPerModule)
      errors.push(`${pool}: module "${module}" has ${n} item(s); at least ${rules.minPerModule} needed`);
  }
  if (s.items > 0 && s.applyOrAbove.length / s.items < rules.minApplyOrAbove - 1e-9)
    errors.push(
      `${pool}: ${s.applyOrAbove.length} of ${s.items} items (${Math.round((s.applyOrAbove.length / s.items) * 100)}%) are at "apply" or above; at least ${Math.round(rules.minApplyOrAbove * 100)}% needed`,
    );
  const counts: [string[], number, string][] = [
    [s.scenario, rules.minScenario, 'scenario items ("scenario: true")'],
    [s.comparison, rules.minComparison, 'items comparing articles ("also" quoting another lesson)'],
    [s.sourceEvaluation, rules.minSourceEvaluation, 'items marked "skill: source-evaluation"'],
  ];
  for (const [ids, min, what] of counts)
    if (ids.length < min) errors.push(`${pool}: ${ids.length} ${what}; at least ${min} needed`);
  for (const problem of checkSpread(
    items.map((i) => i.question),
    'course',
  ))
    errors.push(`${pool}: ${problem}`);
  return errors;
}

/** The pool's figures, for `npm run content:stats` and the rules above. */
export interface PoolStats {
  items: number;
  /** Items per question type, most used first. */
  types: [string, number][];
  /** Items per Bloom level. */
  bloom: Record<string, number>;
  applyOrAbove: string[];
  scenario: string[];
  comparison: string[];
  sourceEvaluation: string[];
  perModule: Record<string, number>;
}

export function poolStats(items: readonly PoolItem[]): PoolStats {
  const types = new Map<string, number>();
  const bloom: Record<string, number> = {};
  const perModule: Record<string, number> = {};
  for (const { question: q, module } of items) {
    types.set(q.type, (types.get(q.type) ?? 0) + 1);
    bloom[q.bloom] = (bloom[q.bloom] ?? 0) + 1;
    perModule[module] = (perModule[module] ?? 0) + 1;
  }
  const ids = (keep: (item: PoolItem) => boolean) => items.filter(keep).map((i) => i.question.id);
  return {
    items: items.length,
    types: [...types.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    bloom,
    applyOrAbove: ids((i) => HIGHER_ORDER.has(i.question.bloom)),
    scenario: ids((i) => i.scenario),
    comparison: ids(comparesArticles),
    sourceEvaluation: ids((i) => i.question.skill === 'source-evaluation'),
    perModule,
  };
}
