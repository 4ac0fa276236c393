/**
 * The item-writing check: rules that stop a learner scoring by test-wiseness instead of knowledge
 * (key position, key length, true/false balance, banned option forms, hidden negative stems) and the
 * count of source-evaluation items. The quiz loader runs it on every bank and on the whole course,
 * beside the evidence check, so a bank that breaks a rule fails the build with the file, the
 * question and the rule; `npm run content:stats` prints the same figures. Pure: no astro, no DOM.
 *
 * Each question type says what these rules see through the instructor registry
 * (`instructor.keyedChoices`: its options in authored order with the key marked) and adds its own
 * rules (`instructor.writingProblems`), so nothing here names a type. Positions are measured on the
 * AUTHORED order: that is the order every export writes (the site shuffles per learner, an LMS that
 * does not shuffle shows them as written). Items are counted per type and number of options; True /
 * False is the two-option case, so "40–60 % True" is the position rule for two options.
 *
 * Course-wide, the thresholds apply exactly. A bank holds few items of each kind (6 single-choice
 * items cannot put 15–35 % of keys on each of four positions), so per bank each share bound is scaled
 * to a count and rounded to the nearest whole item, ties outward (`countBounds`): 6 four-option items
 * may hold 1–2 keys per position, 2 true/false items exactly one True, 10 items at most 3 longest keys.
 */
import { exporters } from '../../questions/exporters.ts';
import type { Question } from '../../questions/index.ts';
import type { KeyedChoices } from '../../questions/contract.ts';
import { exportOf } from '../export/common.ts';
import type { Exporters } from '../export/types.ts';

export const ITEM_RULES = {
  /** Each position of a k-option item holds 1/k ± this share of the keys: 15–35 % with four options, 40–60 % True. */
  keyPositionSpread: 0.1,
  /** At most this share of choice items may have the key (a key option) as the strictly longest option. */
  maxLongestIsKey: 0.3,
  /** A key option longer than this multiple of its distractors' mean length is a length cue. */
  maxKeyLengthRatio: 1.5,
  /** Source-evaluation items (`skill: source-evaluation`) every bank needs. */
  minSourceEvaluation: 2,
} as const;

/** The rule names that problems and statistics use. */
export const RULE = {
  keyPosition: 'key position',
  longestOption: 'longest option',
  keyLength: 'key length',
  bannedForm: 'banned form',
  negativeStem: 'negative stem',
  sourceEvaluation: 'source evaluation',
} as const;

/** Options that reward guessing from the list rather than knowing the answer. */
const BANNED_FORM = /\b(all|none) of (the above|these|the options)\b/i;
/**
 * A negative word in a stem. It passes only inside `*emphasis*` (rendered as <em>), so a hurried
 * reader cannot miss it; words inside “double quotes” belong to a quoted source and are skipped.
 */
const NEGATIVE_WORD = /\b(not|except|cannot|\w+n['’]t)\b/i;
const EMPHASIS_OR_QUOTE = /\*[^*\n]+\*|“[^”]*”|"[^"]*"/g;

/** What the rules see of one question: its type's name and its options with the key marked. */
interface Choices extends KeyedChoices {
  id: string;
  kind: string;
}

function choicesOf(q: Question, types: Exporters): Choices | null {
  const instructor = exportOf(q, types).instructor;
  const keyed = instructor.keyedChoices(q);
  return keyed ? { ...keyed, id: q.id, kind: instructor.name } : null;
}

/** Visible length of an option: emphasis markers and outer whitespace do not count. */
function optionLength(text: string): number {
  return text.replace(/\*/g, '').trim().length;
}

/** Inclusive bounds on a count of `n` whose share should lie in [lo, hi], to the nearest whole item. */
export function countBounds(n: number, lo: number, hi: number): [number, number] {
  const eps = 1e-9;
  return [Math.max(0, Math.ceil(lo * n - 0.5 - eps)), Math.min(n, Math.floor(hi * n + 0.5 + eps))];
}

/** Whether the strictly longest option is (in) the key; false when two options tie for longest. */
function longestIsKey(c: KeyedChoices): boolean {
  const lengths = c.options.map((o) => optionLength(o.text));
  const max = Math.max(...lengths);
  const at = lengths.indexOf(max);
  return lengths.lastIndexOf(max) === at && c.options[at]!.key;
}

/** The longest key option's length over the mean length of the distractors (0 without distractors). */
function keyLengthRatio(c: KeyedChoices): number {
  const keys = c.options.filter((o) => o.key).map((o) => optionLength(o.text));
  const others = c.options.filter((o) => !o.key).map((o) => optionLength(o.text));
  if (others.length === 0 || keys.length === 0) return 0;
  return Math.max(...keys) / (others.reduce((a, b) => a + b, 0) / others.length);
}

/** The negative word a stem leaves unemphasised (outside `*…*` and quotations), or null. */
export function hiddenNegative(prompt: string): string | null {
  return NEGATIVE_WORD.exec(prompt.replace(EMPHASIS_OR_QUOTE, ' '))?.[1] ?? null;
}

/** Problems with one question's own wording, each as `question "<id>": <rule>: <why>`. */
export function checkItem(q: Question, types: Exporters = exporters): string[] {
  const at = `question "${q.id}"`;
  const problems: string[] = [];
  const negative = hiddenNegative(q.prompt);
  if (negative)
    problems.push(
      `${RULE.negativeStem}: the prompt says "${negative}" without emphasis; write *${negative}* or reword the stem positively`,
    );
  problems.push(...exportOf(q, types).instructor.writingProblems(q, { bannedOption: BANNED_FORM }));
  const choices = choicesOf(q, types);
  const ratio = choices && !choices.fixed ? keyLengthRatio(choices) : 0;
  if (ratio > ITEM_RULES.maxKeyLengthRatio)
    problems.push(
      `${RULE.keyLength}: a key option is ${ratio.toFixed(2)}× the mean length of the distractors (at most ${ITEM_RULES.maxKeyLengthRatio}×); shorten it or make the distractors as full`,
    );
  return problems.map((p) => `${at}: ${p}`);
}

/** How many keys sit at each position, for items of one type with the same number of options. */
export interface PositionCounts {
  /** The type's name for instructors, e.g. "Single choice". */
  kind: string;
  options: number;
  /** Items counted. */
  items: number;
  /** The options' texts when the type fixes them (True, False), else null. */
  labels: string[] | null;
  /** Key options counted (one per single-choice item). */
  keys: number;
  /** `byPosition[i]`: keys at position i + 1. */
  byPosition: number[];
  /** Question ids whose key (or a key option) sits at each position. */
  ids: string[][];
}

/** The item-writing figures of a set of questions (a bank or the course). */
export interface ItemStats {
  positions: PositionCounts[];
  /** Items whose option lengths could cue the key. */
  choice: number;
  longestIsKey: string[];
  keyLength: string[];
  bannedForms: string[];
  negativeStems: string[];
  sourceEvaluation: string[];
}

function countPositions(all: readonly Choices[]): PositionCounts[] {
  const groups = new Map<string, PositionCounts>();
  for (const c of all) {
    const k = c.options.length;
    const name = `${c.kind}\u0000${k}`;
    let g = groups.get(name);
    if (!g) {
      g = {
        kind: c.kind,
        options: k,
        items: 0,
        labels: c.fixed ? c.options.map((o) => o.text) : null,
        keys: 0,
        byPosition: Array<number>(k).fill(0),
        ids: Array.from({ length: k }, () => []),
      };
      groups.set(name, g);
    }
    g.items += 1;
    c.options.forEach((o, i) => {
      if (!o.key) return;
      g.keys += 1;
      g.byPosition[i]! += 1;
      g.ids[i]!.push(c.id);
    });
  }
  return [...groups.values()].sort((a, b) => b.items - a.items || a.kind.localeCompare(b.kind));
}

export function itemStats(questions: readonly Question[], types: Exporters = exporters): ItemStats {
  const all = questions.flatMap((q) => choicesOf(q, types) ?? []);
  const lengthCued = all.filter((c) => !c.fixed);
  return {
    positions: countPositions(all),
    choice: lengthCued.length,
    longestIsKey: lengthCued.filter(longestIsKey).map((c) => c.id),
    keyLength: lengthCued.filter((c) => keyLengthRatio(c) > ITEM_RULES.maxKeyLengthRatio).map((c) => c.id),
    bannedForms: all.filter((c) => c.options.some((o) => BANNED_FORM.test(o.text))).map((c) => c.id),
    negativeStems: questions.filter((q) => hiddenNegative(q.prompt)).map((q) => q.id),
    sourceEvaluation: questions.filter((q) => q.skill === 'source-evaluation').map((q) => q.id),
  };
}

function percent(count: number, n: number): string {
  return `${Math.round((count / n) * 100)}%`;
}

/**
 * Problems with the spread of keys and of key lengths over `questions`. `scope` is `bank` (bounds
 * rounded to whole items, and the bank's source-evaluation count) or `course` (the exact shares).
 * Each problem starts with the rule and names the questions that make it up.
 */
export function checkSpread(
  questions: readonly Question[],
  scope: 'bank' | 'course',
  types: Exporters = exporters,
): string[] {
  const problems: string[] = [];
  const s = itemStats(questions, types);
  const within = (count: number, n: number, lo: number, hi: number): boolean => {
    if (scope === 'course') return count / n >= lo - 1e-9 && count / n <= hi + 1e-9;
    const [min, max] = countBounds(n, lo, hi);
    return count >= min && count <= max;
  };
  const allowed = (n: number, lo: number, hi: number): string => {
    if (scope === 'course') return `${Math.round(lo * 100)}–${Math.round(hi * 100)}% allowed`;
    const [min, max] = countBounds(n, lo, hi);
    return min === max ? `${min} allowed` : `${min}–${max} allowed`;
  };
  for (const g of s.positions) {
    const lo = 1 / g.options - ITEM_RULES.keyPositionSpread;
    const hi = 1 / g.options + ITEM_RULES.keyPositionSpread;
    g.byPosition.forEach((count, i) => {
      // With two options the second position is the complement of the first: report it once.
      if ((g.options === 2 && i > 0) || within(count, g.keys, lo, hi)) return;
      const where = g.labels
        ? `“${g.labels[i]}” is the key in ${count} of ${g.keys} ${g.kind} items`
        : `position ${i + 1} holds ${count} of ${g.keys} keys in ${g.options}-option ${g.kind} items`;
      problems.push(
        `${RULE.keyPosition}: ${where} (${percent(count, g.keys)}); ${allowed(g.keys, lo, hi)}` +
          (count > 0 && !g.labels ? ` (${g.ids[i]!.join(', ')})` : ''),
      );
    });
  }
  if (s.choice > 0 && !within(s.longestIsKey.length, s.choice, 0, ITEM_RULES.maxLongestIsKey)) {
    problems.push(
      `${RULE.longestOption}: the strictly longest option is the key (or in it) in ${s.longestIsKey.length} of ${s.choice} choice items (${percent(s.longestIsKey.length, s.choice)}); ${allowed(s.choice, 0, ITEM_RULES.maxLongestIsKey)} (${s.longestIsKey.join(', ')})`,
    );
  }
  if (scope === 'bank' && s.sourceEvaluation.length < ITEM_RULES.minSourceEvaluation) {
    problems.push(
      `${RULE.sourceEvaluation}: ${s.sourceEvaluation.length} item(s) marked "skill: source-evaluation"; at least ${ITEM_RULES.minSourceEvaluation} needed`,
    );
  }
  return problems;
}
