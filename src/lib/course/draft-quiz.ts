/**
 * The draft quiz of a new source (article → draft lesson): questions written from the article's
 * own sentences with no model and no network, the same every build. Learners see them as
 * "Practice (draft)"; instructors review them in /instructor/ and copy them as YAML into a bank.
 *
 * Three kinds, each resting on one verbatim sentence (its evidence):
 *  - cloze: a sentence with one span blanked — a glossary term, a number with its unit, or a
 *    named entity;
 *  - ordering: dated events of the article, put in time order;
 *  - "which paragraph says…": a sentence quoted, four paragraph numbers to choose from.
 * Spans that the course never quizzes (wallet addresses, handles, hashtags, links) are never
 * blanked, and sentences that hold one are skipped. Pure: no astro, no DOM.
 */
import type { Question } from '../../questions/index.ts';
import { makeCloze } from '../../questions/cloze/make.ts';
import { makeOrdering } from '../../questions/ordering/make.ts';
import { makeSingle } from '../../questions/single/make.ts';

export interface DraftParagraph {
  id: string;
  text: string;
  items?: string[];
  standfirst?: boolean;
  missingImage?: boolean;
}

export interface DraftArticle {
  id: string;
  sections: { heading: string | null; paragraphs: DraftParagraph[] }[];
  words: number;
}

/** A glossary term as the generator needs it: the term and its other spellings. */
export interface DraftTerm {
  term: string;
  aliases?: string[];
}

export interface DraftQuiz {
  questions: Question[];
  /** Why the quiz has fewer than `DRAFT.target` questions, for the page; null when it has them. */
  shortfall: string | null;
}

export const DRAFT = {
  /** Articles this long or longer get at least `target` questions. */
  fullWords: 500,
  target: 6,
  /** At most this many of each kind, so the quiz mixes them. */
  maxCloze: 4,
  maxWhich: 3,
  /** A shorter article gets about one question per this many words. */
  wordsPerQuestion: 100,
  /** The objective id draft questions use: a draft lesson has no written objectives. */
  objective: 'draft',
} as const;

/** What never becomes a blank, and makes a sentence unusable: addresses, handles, tags, links. */
const UNQUIZZABLE =
  /@\w|#\w|https?:|www\.|\.(?:com|org|net)\b|\b[13][a-km-zA-HJ-NP-Z1-9]{25,34}\b|\bbc1[a-z0-9]{20,}\b|\b0x[0-9a-fA-F]{16,}\b/;

/** Sentences of a paragraph; a split needs `.`, `?` or `!`, a space and a capital or quote. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?][”"’)\]]*(?:\[\d{1,3}\])?\s+(?=[A-Z“"‘(])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].trimEnd().length;
    const before = text.slice(start, end);
    // `U.S. officials`, `Dr. Galeotti`, `Ph.D. is`: an abbreviation, not a sentence end.
    if (/(?:\b[A-Z]\.|\b(?:Dr|Mr|Mrs|Ms|Prof|St|No|Jr|Sr|vs|etc|e\.g|i\.e)\.)[”"’)]*$/.test(before)) continue;
    out.push(before.trim());
    start = m.index + m[0].length;
  }
  const last = text.slice(start).trim();
  if (last) out.push(last);
  return out;
}

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;

interface Sentence {
  paragraph: string;
  /** 1-based paragraph number, for learner-facing text. */
  n: number;
  text: string;
}

/** Usable sentences: 8–45 words, nothing unquizzable, from text paragraphs (not the standfirst). */
function usableSentences(article: DraftArticle): Sentence[] {
  const out: Sentence[] = [];
  for (const p of article.sections.flatMap((s) => s.paragraphs)) {
    if (p.standfirst || p.items) continue;
    for (const text of sentencesOf(p.text)) {
      const words = wordCount(text);
      if (words >= 8 && words <= 45 && !UNQUIZZABLE.test(text))
        out.push({ paragraph: p.id, n: Number(p.id.slice(1)), text });
    }
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Span {
  kind: 'term' | 'number' | 'entity';
  text: string;
  /** Accepted answers besides the span itself (the bare number of `300 accounts`). */
  also: string[];
}

/** Every form of every term in one pattern, longest first, built once per glossary. */
const termPatterns = new WeakMap<readonly DraftTerm[], { re: RegExp; canonical: Map<string, string> }>();

function termPattern(terms: readonly DraftTerm[]): { re: RegExp; canonical: Map<string, string> } {
  const cached = termPatterns.get(terms);
  if (cached) return cached;
  const canonical = new Map<string, string>();
  for (const t of terms) {
    const term = t.term.replace(/\s*\([^)]*\)\s*$/, '');
    for (const form of [term, ...(t.aliases ?? [])])
      if (form.length >= 4 && !canonical.has(form.toLowerCase())) canonical.set(form.toLowerCase(), form);
  }
  const forms = [...canonical.values()].sort((a, b) => b.length - a.length).map(escape);
  const re = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${forms.join('|') || '(?!)'})(?![\\p{L}\\p{N}-])`, 'iu');
  const built = { re, canonical };
  termPatterns.set(terms, built);
  return built;
}

/** A glossary term (or alias) in the sentence, as written there. */
function termSpan(sentence: string, terms: readonly DraftTerm[]): Span | null {
  const { re, canonical } = termPattern(terms);
  const m = re.exec(sentence);
  if (!m) return null;
  const form = canonical.get(m[0].toLowerCase()) ?? m[0];
  return { kind: 'term', text: m[0], also: m[0] === form ? [] : [form] };
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Words after a number that are not its unit. */
const NOT_A_UNIT = new RegExp(
  `^(?:and|or|of|the|to|in|on|at|by|for|from|with|as|per|than|was|were|is|are|be|been|has|had|have|will|would|can|could|may|might|should|must|do|did|does|that|which|who|${MONTHS.toLowerCase()})$`,
  'i',
);
const MONTH_BEFORE = new RegExp(`(?:${MONTHS}) $`);
const MONTH_NAME = new RegExp(`^(?:${MONTHS})$`);
/** Adjectives that sit between a number and its unit: `70 different services`. */
const BEFORE_UNIT = /^(?:different|more|other|new|separate|major|main|unique|small|large|public|private)$/i;
const NUMBER =
  /(?<![\w.,/-])(\d{1,3}(?:[, ]\d{3})+|\d+(?:\.\d+)?)(?:\s(million|billion|thousand))?(?:\s?(%|per cent|percent)|\s([a-z]+)(?:\s([a-z]+))?)?/g;

/** A number with its unit (`300 accounts`, `2 million dollars`, `90 per cent`), never a year. */
function numberSpan(sentence: string): Span | null {
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(sentence); m; m = NUMBER.exec(sentence)) {
    const [, digits = '', scale, percent, unit, second] = m;
    // `January 17`, `on 12 March`: a day of a month is a date, not a figure.
    if (MONTH_BEFORE.test(sentence.slice(Math.max(0, m.index - 10), m.index)) || MONTH_NAME.test(unit ?? ''))
      continue;
    const value = Number(digits.replace(/[, ]/g, ''));
    if (!scale && !percent && /^\d{4}$/.test(digits) && value >= 1900 && value <= 2099) continue;
    let words: string[];
    if (percent) words = [percent];
    else if (unit && !NOT_A_UNIT.test(unit))
      words = BEFORE_UNIT.test(unit) && second && !NOT_A_UNIT.test(second) ? [unit, second] : [unit];
    else continue;
    const text = [digits, scale, ...words].filter(Boolean).join(' ').replace(/ (%)$/, '$1');
    const at = sentence.indexOf(text);
    if (at < 0) continue;
    return { kind: 'number', text, also: [[digits, scale].filter(Boolean).join(' ')] };
  }
  return null;
}

/** Small words allowed inside a name: `Financial Action Task Force`, `Department of Justice`. */
const NAME_JOINER = /^(?:of|the|and|for|on|de|al)$/;

/** A named entity: two or more capitalised words, not the sentence's first word, not in quotes. */
function entitySpan(sentence: string): Span | null {
  const words = sentence.split(' ');
  for (let i = 1; i < words.length; i++) {
    const run: string[] = [];
    let j = i;
    while (j < words.length) {
      const w = (words[j] ?? '').replace(/[,;:.)”"’]+$/, '');
      const capital = /^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$/.test(w);
      if (capital || (run.length > 0 && NAME_JOINER.test(w) && /^[A-Z]/.test(words[j + 1] ?? ''))) {
        run.push(w);
        j++;
        if (w !== words[j - 1]) break; // punctuation ended the name
      } else break;
    }
    while (run.length > 0 && NAME_JOINER.test(run[run.length - 1] ?? '')) run.pop();
    if (run[0] === 'The') run.shift();
    const capitals = run.filter((w) => !NAME_JOINER.test(w)).length;
    if (capitals >= 2) {
      const text = run.join(' ');
      const at = sentence.indexOf(text);
      const quoted = (sentence.slice(0, at).match(/[“"]/g)?.length ?? 0) % 2 === 1;
      if (at > 0 && !quoted) return { kind: 'entity', text, also: [] };
    }
    i = Math.max(i, j);
  }
  return null;
}

const quoteOf = (text: string) => `“${text}”`;

/** The span of `kind` in a sentence, if it stands there exactly once. */
function spanOf(kind: Span['kind'], sentence: string, terms: readonly DraftTerm[]): Span | null {
  const span =
    kind === 'term'
      ? termSpan(sentence, terms)
      : kind === 'number'
        ? numberSpan(sentence)
        : entitySpan(sentence);
  return span && sentence.split(span.text).length === 2 ? span : null;
}

function clozeQuestion(article: DraftArticle, s: Sentence, span: Span, n: number): Question {
  const at = s.text.indexOf(span.text);
  const blanked = `${s.text.slice(0, at)}{{b1}}${s.text.slice(at + span.text.length)}`;
  const what = { term: 'the key term', number: 'the figure, with its unit', entity: 'the name' }[span.kind];
  return makeCloze({
    id: `${article.id}-d${n}`,
    lesson: article.id,
    objective: DRAFT.objective,
    bloom: 'remember',
    prompt: `Complete the sentence from paragraph ${s.n} of the source with ${what}.`,
    text: blanked,
    blanks: [
      {
        id: 'b1',
        accept: [
          span.text,
          ...span.also.filter((a) => a !== '' && a.toLowerCase() !== span.text.toLowerCase()),
        ],
        ...(span.kind === 'number' ? { typos: 0 as const } : {}),
      },
    ],
    explanation: `Paragraph ${s.n} of the source reads: ${quoteOf(s.text)}`,
    evidence: { paragraph: s.paragraph, quote: s.text },
    hints: [`Read paragraph ${s.n} of the source.`],
    feedback: { incorrect: `The source says “${span.text}” here; see paragraph ${s.n}.` },
  });
}

/** A date in a sentence, as a sortable key (YYYY-MM-DD with 00 for unknown parts) and its text. */
interface Dated {
  s: Sentence;
  key: string;
  /** 1 year, 2 month, 3 day: events compare only when the order is certain at both precisions. */
  precision: 1 | 2 | 3;
  date: string;
}

const MONTH_INDEX = new Map(MONTHS.split('|').map((m, i) => [m, String(i + 1).padStart(2, '0')]));
const DATE_PATTERNS: { re: RegExp; parse: (m: RegExpExecArray) => { key: string; precision: 1 | 2 | 3 } }[] =
  [
    {
      // 13 August 2020
      re: new RegExp(`\\b(?:on )?(\\d{1,2}) (${MONTHS}) (\\d{4})\\b`),
      parse: (m) => ({
        key: `${m[3]}-${MONTH_INDEX.get(m[2] ?? '')}-${(m[1] ?? '').padStart(2, '0')}`,
        precision: 3,
      }),
    },
    {
      // August 13, 2020
      re: new RegExp(`\\b(?:on )?(${MONTHS}) (\\d{1,2}), (\\d{4})\\b`),
      parse: (m) => ({
        key: `${m[3]}-${MONTH_INDEX.get(m[1] ?? '')}-${(m[2] ?? '').padStart(2, '0')}`,
        precision: 3,
      }),
    },
    {
      // in March 2020
      re: new RegExp(`\\b(?:in (?:early |late |mid-)?)?(${MONTHS}) (\\d{4})\\b`),
      parse: (m) => ({ key: `${m[2]}-${MONTH_INDEX.get(m[1] ?? '')}-00`, precision: 2 }),
    },
    {
      // in 2019 (not `since 2015`, not a range `2001-2020`)
      re: /\b(?<!(?:since|after|before|until|by|from) )(?:in (?:early |late |mid-)?)(\d{4})\b(?![-–]\d)/,
      parse: (m) => ({ key: `${m[1]}-00-00`, precision: 1 }),
    },
  ];

function datedOf(s: Sentence): Dated | null {
  for (const { re, parse } of DATE_PATTERNS) {
    const m = re.exec(s.text);
    if (!m) continue;
    const year = Number(m[0].match(/\d{4}/)?.[0]);
    if (year < 1900 || year > 2099) continue;
    const all = s.text.match(/\b(?:19|20)\d{2}\b/g) ?? [];
    if (new Set(all).size > 1) return null; // two years in one sentence: which is the event's?
    return { s, date: m[0], ...parse(m) };
  }
  return null;
}

/** Whether `a` certainly happened before `b`, given their precisions. */
function before(a: Dated, b: Dated): boolean {
  const p = Math.min(a.precision, b.precision);
  const cut = p === 1 ? 4 : p === 2 ? 7 : 10;
  return a.key.slice(0, cut) < b.key.slice(0, cut);
}

function orderingQuestion(article: DraftArticle, events: Dated[], n: number): Question | null {
  const sorted = [...events].sort((a, b) => a.key.localeCompare(b.key));
  // Keep a chain in which each event is certainly before the next.
  const chain: Dated[] = [];
  for (const e of sorted) {
    const last = chain[chain.length - 1];
    if (!last || before(last, e)) chain.push(e);
    if (chain.length === 5) break;
  }
  if (chain.length < 3) return null;
  const items = chain.map((e, i) => ({
    id: `e${i + 1}`,
    text: e.s.text.replace(e.date, '…').replace(/^… ?,? ?/, '… '),
  }));
  const first = chain[0];
  if (!first) return null;
  return makeOrdering({
    id: `${article.id}-d${n}`,
    lesson: article.id,
    objective: DRAFT.objective,
    bloom: 'understand',
    prompt:
      'Put these events from the source in the order in which they happened, earliest first. Their dates are left out.',
    items,
    explanation: `In the source: ${chain.map((e) => `${e.date.replace(/^(?:on|in) /, '')} (paragraph ${e.s.n})`).join(', then ')}.`,
    evidence: { paragraph: first.s.paragraph, quote: first.s.text },
    hints: ['Look for the dates in the paragraphs the events come from.'],
    feedback: {
      incorrect: `The order in the source: ${chain.map((e) => e.date.replace(/^(?:on|in) /, '')).join(' → ')}.`,
    },
  });
}

/**
 * "Which paragraph says…": the sentence quoted, four paragraph numbers as options. The key's
 * position turns with each item (1, 2, 3, 4, …) so keys are spread; every wrong option's
 * feedback says what that paragraph is about.
 */
function whichQuestion(
  article: DraftArticle,
  s: Sentence,
  paragraphs: DraftParagraph[],
  n: number,
  keyPosition: number,
): Question | null {
  const others = paragraphs
    .filter((p) => p.id !== s.paragraph && !p.standfirst)
    .map((p) => ({ p, n: Number(p.id.slice(1)) }))
    .sort((a, b) => Math.abs(a.n - s.n) - Math.abs(b.n - s.n) || a.n - b.n);
  // The key must not be the strictly longest option: a two-digit key gets a two-digit distractor.
  const digits = String(s.n).length;
  const long = others.find((o) => String(o.n).length >= digits);
  if (!long) return null;
  const distractors = [long, ...others.filter((o) => o !== long)].slice(0, 3).sort((a, b) => a.n - b.n);
  if (distractors.length < 3) return null;
  const key = { id: `p${s.n}`, text: `Paragraph ${s.n}` };
  const options: { id: string; text: string; feedback?: string }[] = distractors.map((d) => ({
    id: `p${d.n}`,
    text: `Paragraph ${d.n}`,
    feedback: opening(d.p),
  }));
  options.splice(keyPosition % 4, 0, key);
  return makeSingle({
    id: `${article.id}-d${n}`,
    lesson: article.id,
    objective: DRAFT.objective,
    bloom: 'remember',
    prompt: `Which paragraph of the source says: ${quoteOf(s.text)}?`,
    options,
    answer: key.id,
    explanation: `The sentence stands in paragraph ${s.n}.`,
    evidence: { paragraph: s.paragraph, quote: s.text },
    hints: ['Skim the opening of each paragraph for the subject of the sentence.'],
  });
}

/** How a wrong option's paragraph opens, or a plain note when its opening is not quotable. */
function opening(paragraph: DraftParagraph): string {
  const first = sentencesOf(paragraph.text)[0] ?? paragraph.text;
  if (UNQUIZZABLE.test(first)) return `Paragraph ${paragraph.id.slice(1)} is about something else.`;
  const words = first.split(' ');
  return `Paragraph ${paragraph.id.slice(1)} opens: ${quoteOf(words.length <= 8 ? first : `${words.slice(0, 8).join(' ')} …`)}`;
}

/** How many questions an article of `words` words should get. */
export function draftTarget(words: number): number {
  return words >= DRAFT.fullWords ? DRAFT.target : Math.max(1, Math.floor(words / DRAFT.wordsPerQuestion));
}

/**
 * The draft quiz of one article. Deterministic: the same article and glossary give the same
 * questions, ids included (`<article>-d1`, `-d2`, …). Sentences are taken in reading order,
 * one question per paragraph where possible, so the quiz covers the article.
 */
export function draftQuiz(article: DraftArticle, terms: readonly DraftTerm[]): DraftQuiz {
  const sentences = usableSentences(article);
  const paragraphs = article.sections.flatMap((s) => s.paragraphs);
  const target = draftTarget(article.words);
  const full = target >= DRAFT.target;
  const questions: Question[] = [];
  const usedSentences = new Set<string>();
  const usedParagraphs = new Set<string>();
  const nextId = () => questions.length + 1;
  const addCloze = (limit: number, spreadOut: boolean) => {
    // A term first, then a figure, then a name, round and round, one per paragraph if spreading out.
    for (let round = 0; round < 3 && questions.length < limit; round++) {
      for (const kind of ['term', 'number', 'entity'] as const) {
        if (questions.length >= limit) break;
        const s = sentences.find(
          (x) =>
            !usedSentences.has(x.text) &&
            !(spreadOut && usedParagraphs.has(x.paragraph)) &&
            spanOf(kind, x.text, terms),
        );
        const span = s ? spanOf(kind, s.text, terms) : null;
        if (!s || !span) continue;
        questions.push(clozeQuestion(article, s, span, nextId()));
        usedSentences.add(s.text);
        usedParagraphs.add(s.paragraph);
      }
    }
  };

  addCloze(full ? DRAFT.maxCloze - 1 : target, true);

  // Ordering: three to five dated events, when the article has them.
  if (questions.length < (full ? DRAFT.maxCloze + 2 : target)) {
    const byKey = new Map<string, Dated>();
    for (const d of sentences.map(datedOf)) if (d && !byKey.has(d.key)) byKey.set(d.key, d);
    const ordering = orderingQuestion(article, [...byKey.values()], nextId());
    if (ordering) questions.push(ordering);
  }

  // "Which paragraph says…": opening sentences of paragraphs not used yet.
  let which = 0;
  const openings = sentences.filter((s, i) => sentences.findIndex((o) => o.paragraph === s.paragraph) === i);
  for (const s of openings) {
    if (which >= DRAFT.maxWhich || (!full && questions.length >= target)) break;
    // Quoted speech inside the quoted prompt reads badly.
    // A negative inside the quoted prompt would read as a negative stem.
    if (usedSentences.has(s.text) || usedParagraphs.has(s.paragraph) || /^[“"‘]/.test(s.text)) continue;
    if (/\b(?:not|except|cannot)\b|n['’]t\b/i.test(s.text)) continue;
    const q = whichQuestion(article, s, paragraphs, nextId(), which);
    if (!q) continue;
    questions.push(q);
    which++;
    usedSentences.add(s.text);
    usedParagraphs.add(s.paragraph);
  }

  // One choice item alone cannot spread its key over positions (the bank rule allows no position
  // for a lone four-option key), so a short quiz swaps it for a cloze item.
  if (which === 1 && !full && questions.at(-1)?.id === `${article.id}-d${questions.length}`) {
    const last = questions.pop();
    if (last) {
      usedSentences.delete(last.evidence.quote);
      usedParagraphs.delete(last.evidence.paragraph);
    }
  }

  // Still short of the target (few paragraphs, few dates): more cloze items, any paragraph.
  addCloze(target, false);

  const shortfall =
    questions.length >= DRAFT.target
      ? null
      : article.words < DRAFT.fullWords
        ? `This source is short (${article.words} words), so its draft practice has ${questions.length === 0 ? 'no questions' : questions.length === 1 ? 'one question' : `${questions.length} questions`}: about one per ${DRAFT.wordsPerQuestion} words of text, and only from sentences that hold a term, a figure, a name or a date. Sources of ${DRAFT.fullWords} words or more get at least ${DRAFT.target}.`
        : `Only ${questions.length} of the source’s sentences suit a generated question (a term, a figure, a name, a date or a paragraph to find).`;
  return { questions, shortfall };
}
