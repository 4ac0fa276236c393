/**
 * Pure: no DOM, no framework.
 *
 * A small GIFT reader, enough to check what `exportGift` writes: categories, `::title::`,
 * question text (with the text after a "missing word" answer block), and the answer block as
 * answers with their `=`/`~` mark, `%weight%`, `#feedback`, `left -> right` pairs, numeric
 * `value:tolerance`, true/false with its two feedbacks, and `####` general feedback. It follows
 * Moodle's reading of escapes: `\` + one of `~ = # { } : \` is that character, `\n` a line break.
 * It is not a full GIFT parser (no `[format]` handling beyond keeping it in the text, no
 * essay/description questions).
 */

export interface GiftAnswer {
  /** `=` (right) or `~` (wrong or weighted). */
  mark: '=' | '~';
  /** `%50%` → 50; absent when not given. */
  weight?: number;
  text: string;
  feedback?: string;
  /** Matching: the right-hand side of `left -> right` (then `text` is the left side). */
  match?: string;
}

export interface GiftQuestion {
  category?: string;
  title?: string;
  /** Question text, unescaped; for a missing-word question, the text before the answer block. */
  text: string;
  /** Text after the answer block (missing-word questions), unescaped. */
  after: string;
  kind: 'choice' | 'short' | 'matching' | 'numeric' | 'truefalse';
  answers: GiftAnswer[];
  /** True/false only: the key. */
  truth?: boolean;
  /** True/false only: [shown for the wrong answer, shown for the right answer]. */
  truefalseFeedback?: [string | undefined, string | undefined];
  generalFeedback?: string;
}

const ESCAPABLE = new Set(['~', '=', '#', '{', '}', ':', '\\']);

/** Reverses `escapeGift`. */
export function unescapeGift(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    const next = text[i + 1];
    if (c === '\\' && next !== undefined && (ESCAPABLE.has(next) || next === 'n')) {
      out += next === 'n' ? '\n' : next;
      i++;
    } else {
      out += c;
    }
  }
  return out;
}

/** Index of the first unescaped `char` at or after `from`, or -1. */
function findUnescaped(text: string, char: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(char, i)) return i;
  }
  return -1;
}

/** Splits on unescaped `separator`s. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let at = findUnescaped(text, separator); at >= 0; at = findUnescaped(text, separator, start)) {
    parts.push(text.slice(start, at));
    start = at + separator.length;
  }
  parts.push(text.slice(start));
  return parts;
}

function parseAnswers(
  body: string,
  where: string,
): Omit<GiftQuestion, 'text' | 'after' | 'category' | 'title'> {
  const [main = '', ...generalParts] = splitUnescaped(body, '####');
  const generalFeedback =
    generalParts.length > 0 ? unescapeGift(generalParts.join('####').trim()) : undefined;
  const trimmed = main.trim();
  const tf = /^(T|F|TRUE|FALSE)(?=$|#)/.exec(trimmed);
  if (tf) {
    const [, wrong, right] = splitUnescaped(trimmed, '#');
    const text = (s: string | undefined): string | undefined =>
      s === undefined || s.trim() === '' ? undefined : unescapeGift(s.trim());
    return {
      kind: 'truefalse',
      answers: [],
      truth: (tf[1] ?? '').startsWith('T'),
      truefalseFeedback: [text(wrong), text(right)],
      generalFeedback,
    };
  }
  const numeric = trimmed.startsWith('#');
  const source = numeric ? trimmed.slice(1) : trimmed;
  const answers: GiftAnswer[] = [];
  // Answers start at each unescaped = or ~.
  const starts: number[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '=' || source[i] === '~') starts.push(i);
  }
  if (!numeric && starts.length === 0) throw new Error(`${where}: answer block has no = or ~ answer`);
  if (numeric && starts.length === 0) starts.push(-1);
  starts.forEach((start, n) => {
    const mark = start < 0 ? '=' : (source[start] as '=' | '~');
    let raw = source.slice(start + 1, starts[n + 1] ?? source.length).trim();
    let weight: number | undefined;
    const w = /^%(-?\d+(?:\.\d+)?)%/.exec(raw);
    if (w) {
      weight = Number(w[1]);
      raw = raw.slice(w[0].length);
    }
    const hash = findUnescaped(raw, '#');
    const feedback = hash >= 0 ? unescapeGift(raw.slice(hash + 1).trim()) : undefined;
    const content = hash >= 0 ? raw.slice(0, hash) : raw;
    const arrow = numeric ? -1 : content.indexOf('->');
    const answer: GiftAnswer = {
      mark,
      text: unescapeGift((arrow >= 0 ? content.slice(0, arrow) : content).trim()),
    };
    if (weight !== undefined) answer.weight = weight;
    if (feedback !== undefined) answer.feedback = feedback;
    if (arrow >= 0) answer.match = unescapeGift(content.slice(arrow + 2).trim());
    answers.push(answer);
  });
  const kind = numeric
    ? 'numeric'
    : answers.some((a) => a.match !== undefined)
      ? 'matching'
      : answers.every((a) => a.mark === '=')
        ? 'short'
        : 'choice';
  return { kind, answers, generalFeedback };
}

/** Parses a GIFT file; throws with the question's position and title on malformed input. */
export function parseGift(source: string): GiftQuestion[] {
  const questions: GiftQuestion[] = [];
  let category: string | undefined;
  const blocks = source.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  blocks.forEach((block, index) => {
    const lines = block.split('\n').filter((line) => !/^\s*\/\//.test(line));
    const rest: string[] = [];
    for (const line of lines) {
      const cat = /^\s*\$CATEGORY:\s*(.*)$/.exec(line);
      if (cat) category = (cat[1] ?? '').trim();
      else rest.push(line);
    }
    let text = rest.join('\n').trim();
    if (text === '') return;
    let title: string | undefined;
    if (text.startsWith('::')) {
      const end = findUnescaped(text, '::', 2);
      if (end < 0) throw new Error(`GIFT block ${index + 1}: title "::" is not closed`);
      title = unescapeGift(text.slice(2, end));
      text = text.slice(end + 2);
    }
    const where = `GIFT block ${index + 1}${title ? ` (${title})` : ''}`;
    const open = findUnescaped(text, '{');
    if (open < 0) throw new Error(`${where}: no answer block "{…}"`);
    const close = findUnescaped(text, '}', open + 1);
    if (close < 0) throw new Error(`${where}: answer block "{" is not closed`);
    const parsed = parseAnswers(text.slice(open + 1, close), where);
    const question: GiftQuestion = {
      text: unescapeGift(text.slice(0, open).trim()),
      after: unescapeGift(text.slice(close + 1).trim()),
      ...parsed,
    };
    if (category !== undefined) question.category = category;
    if (title !== undefined) question.title = title;
    questions.push(question);
  });
  return questions;
}
