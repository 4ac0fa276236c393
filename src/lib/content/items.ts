/**
 * The item-writing check: rules that stop a learner scoring by test-wiseness instead of knowledge
 * (key position, key length, true/false balance, banned option forms, hidden negative stems) and the
 * count of source-evaluation items. The quiz loader runs it on every bank and on the whole course,
 * beside the evidence check, so a bank that breaks a rule fails the build with the file, the
 * question and the rule; `npm run content:stats` prints the same figures. Pure: no astro, no DOM.
 *
 * Positions are measured on the AUTHORED order of options: that is the order every export writes
 * (the site shuffles per learner, an LMS that does not shuffle shows them as written).
 *
 * Course-wide, the thresholds apply exactly. A bank holds few items of each kind (6 single-choice
 * items cannot put 15–35 % of keys on each of four positions), so per bank each share bound is scaled
 * to a count and rounded to the nearest whole item, ties outward (`countBounds`): 6 four-option items
 * may hold 1–2 keys per position, 2 true/false items exactly one True, 10 items at most 3 longest keys.
 */
import type { Question } from '../../questions/index.ts';

export const ITEM_RULES = {
  /** Each position of a k-option item holds 1/k ± this share of the keys: 15–35 % with four options. */
  keyPositionSpread: 0.1,
  /** At most this share of single and multiple items may have the key (a key option) as the strictly longest option. */
  maxLongestIsKey: 0.3,
  /** A key option longer than this multiple of its distractors' mean length is a length cue. */
  maxKeyLengthRatio: 1.5,
  /** Share of true/false items whose key is True. */
  trueShare: { min: 0.4, max: 0.6 },
  /** Source-evaluation items (`skill: source-evaluation`) every bank needs. */
  minSourceEvaluation: 2,
} as const;

/** The rule names that problems and statistics use. */
export const RULE = {
  keyPosition: 'key position',
  longestOption: 'longest option',
  keyLength: 'key length',
  trueFalse: 'true/false balance',
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

type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' }>;

function isChoice(q: Question): q is ChoiceQuestion {
  return q.type === 'single' || q.type === 'multiple';
}

function keyIds(q: ChoiceQuestion): Set<string> {
  return new Set(q.type === 'single' ? [q.answer] : q.answers);
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

/** 1-based positions of the key options, in authored order. */
export function keyPositions(q: ChoiceQuestion): number[] {
  const key = keyIds(q);
  return q.options.flatMap((o, i) => (key.has(o.id) ? [i + 1] : []));
}

/** Whether the strictly longest option is (in) the key; false when two options tie for longest. */
export function longestIsKey(q: ChoiceQuestion): boolean {
  const lengths = q.options.map((o) => optionLength(o.text));
  const max = Math.max(...lengths);
  const at = lengths.indexOf(max);
  return lengths.lastIndexOf(max) === at && keyIds(q).has(q.options[at]!.id);
}

/** The longest key option's length over the mean length of the distractors (0 without distractors). */
export function keyLengthRatio(q: ChoiceQuestion): number {
  const key = keyIds(q);
  const keyLengths = q.options.filter((o) => key.has(o.id)).map((o) => optionLength(o.text));
  const others = q.options.filter((o) => !key.has(o.id)).map((o) => optionLength(o.text));
  if (others.length === 0) return 0;
  const mean = others.reduce((a, b) => a + b, 0) / others.length;
  return Math.max(...keyLengths) / mean;
}

/** The stem with emphasised runs and quotations removed, where a negative word is a problem. */
export function hiddenNegative(prompt: string): string | null {
  return NEGATIVE_WORD.exec(prompt.replace(EMPHASIS_OR_QUOTE, ' '))?.[1] ?? null;
}

/** Problems with one question's own wording, each as `question "<id>": <rule>: <why>`. */
export function checkItem(q: Question): string[] {
  const problems: string[] = [];
  const at = `question "${q.id}"`;
  const negative = hiddenNegative(q.prompt);
  if (negative)
    problems.push(
      `${at}: ${RULE.negativeStem}: the prompt says "${negative}" without emphasis; write *${negative}* or reword the stem positively`,
    );
  if (isChoice(q)) {
    const key = keyIds(q);
    for (const option of q.options) {
      const banned = BANNED_FORM.exec(option.text);
      if (banned) problems.push(`${at}: ${RULE.bannedForm}: option ${option.id} says "${banned[0]}"`);
      if (!key.has(option.id) && !option.feedback)
        problems.push(`${at}: option ${option.id}: a wrong option needs feedback`);
    }
    const ratio = keyLengthRatio(q);
    if (ratio > ITEM_RULES.maxKeyLengthRatio)
      problems.push(
        `${at}: ${RULE.keyLength}: a key option is ${ratio.toFixed(2)}× the mean length of the distractors (at most ${ITEM_RULES.maxKeyLengthRatio}×); shorten it or make the distractors as full`,
      );
  } else if (q.type === 'truefalse') {
    const wrongFeedback = q.answer ? q.feedbackFalse : q.feedbackTrue;
    if (!wrongFeedback && !q.feedback?.incorrect)
      problems.push(`${at}: feedback for the wrong answer (${String(!q.answer)}) is missing`);
  } else if (!q.feedback?.incorrect) {
    problems.push(`${at}: feedback.incorrect is missing`);
  }
  return problems;
}

/** How many keys sit at each position, for items with `options` options. */
export interface PositionCounts {
  options: number;
  /** Items (single) or key options (multiple) counted. */
  keys: number;
  /** `byPosition[i]`: keys at position i + 1. */
  byPosition: number[];
  /** Question ids whose key (or a key option) sits at each position. */
  ids: string[][];
}

/** The item-writing figures of a set of questions (a bank or the course). */
export interface ItemStats {
  single: PositionCounts[];
  multiple: PositionCounts[];
  /** Single and multiple items. */
  choice: number;
  longestIsKey: string[];
  keyLength: string[];
  truefalse: number;
  trueKeys: number;
  bannedForms: string[];
  negativeStems: string[];
  sourceEvaluation: string[];
}

function countPositions(questions: readonly ChoiceQuestion[]): PositionCounts[] {
  const groups = new Map<number, PositionCounts>();
  for (const q of questions) {
    const k = q.options.length;
    let g = groups.get(k);
    if (!g) {
      g = {
        options: k,
        keys: 0,
        byPosition: Array<number>(k).fill(0),
        ids: Array.from({ length: k }, () => []),
      };
      groups.set(k, g);
    }
    for (const p of keyPositions(q)) {
      g.keys += 1;
      g.byPosition[p - 1]! += 1;
      g.ids[p - 1]!.push(q.id);
    }
  }
  return [...groups.values()].sort((a, b) => a.options - b.options);
}

export function itemStats(questions: readonly Question[]): ItemStats {
  const choice = questions.filter(isChoice);
  const truefalse = questions.filter((q) => q.type === 'truefalse');
  return {
    single: countPositions(choice.filter((q) => q.type === 'single')),
    multiple: countPositions(choice.filter((q) => q.type === 'multiple')),
    choice: choice.length,
    longestIsKey: choice.filter(longestIsKey).map((q) => q.id),
    keyLength: choice.filter((q) => keyLengthRatio(q) > ITEM_RULES.maxKeyLengthRatio).map((q) => q.id),
    truefalse: truefalse.length,
    trueKeys: truefalse.filter((q) => q.answer).length,
    bannedForms: choice.filter((q) => q.options.some((o) => BANNED_FORM.test(o.text))).map((q) => q.id),
    negativeStems: questions.filter((q) => hiddenNegative(q.prompt)).map((q) => q.id),
    sourceEvaluation: questions.filter((q) => q.skill === 'source-evaluation').map((q) => q.id),
  };
}

function percent(count: number, n: number): string {
  return `${Math.round((count / n) * 100)}%`;
}

/**
 * Problems with the spread of keys, lengths and true/false answers over `questions`. `scope` is
 * `bank` (bounds rounded to whole items, and the bank's source-evaluation count) or `course` (the
 * exact shares). Each problem starts with the rule and names the questions that make it up.
 */
export function checkSpread(questions: readonly Question[], scope: 'bank' | 'course'): string[] {
  const problems: string[] = [];
  const s = itemStats(questions);
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
  for (const [type, groups] of [
    ['single-choice', s.single],
    ['multiple-response', s.multiple],
  ] as const) {
    for (const g of groups) {
      const lo = 1 / g.options - ITEM_RULES.keyPositionSpread;
      const hi = 1 / g.options + ITEM_RULES.keyPositionSpread;
      g.byPosition.forEach((count, i) => {
        if (within(count, g.keys, lo, hi)) return;
        const what = type === 'single-choice' ? 'items' : 'key options';
        problems.push(
          `${RULE.keyPosition}: position ${i + 1} holds ${count} of ${g.keys} keys (${percent(count, g.keys)}) in ${g.options}-option ${type} ${what}; ${allowed(g.keys, lo, hi)}` +
            (count > 0 ? ` (${g.ids[i]!.join(', ')})` : ''),
        );
      });
    }
  }
  if (s.choice > 0 && !within(s.longestIsKey.length, s.choice, 0, ITEM_RULES.maxLongestIsKey)) {
    problems.push(
      `${RULE.longestOption}: the strictly longest option is the key (or in it) in ${s.longestIsKey.length} of ${s.choice} choice items (${percent(s.longestIsKey.length, s.choice)}); ${allowed(s.choice, 0, ITEM_RULES.maxLongestIsKey)} (${s.longestIsKey.join(', ')})`,
    );
  }
  const { min, max } = ITEM_RULES.trueShare;
  if (s.truefalse > 0 && !within(s.trueKeys, s.truefalse, min, max)) {
    problems.push(
      `${RULE.trueFalse}: ${s.trueKeys} of ${s.truefalse} true/false keys are True (${percent(s.trueKeys, s.truefalse)}); ${allowed(s.truefalse, min, max)}`,
    );
  }
  if (scope === 'bank' && s.sourceEvaluation.length < ITEM_RULES.minSourceEvaluation) {
    problems.push(
      `${RULE.sourceEvaluation}: ${s.sourceEvaluation.length} item(s) marked "skill: source-evaluation"; at least ${ITEM_RULES.minSourceEvaluation} needed`,
    );
  }
  return problems;
}
