/**
 * Pure: no DOM, no framework.
 *
 * Test fixtures for the exporters: one question of every type, each with feedback, hints and
 * text full of characters that XML, HTML, GIFT and CSV treat as syntax, so a test can check that
 * every text comes out as text; `parseTree`, a small ordered view of parsed XML for checks; and
 * `readGift`, GIFT as the third-party parser gift-pegjs reads it.
 * Used by the tests beside this file only.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseGiftPegjs } from 'gift-pegjs';
import type { Question } from '../../questions/index.ts';

/** Text that is syntax somewhere: XML/HTML (`& < > " '`), GIFT (`~ = # { } : \`), matching (`->`), CSV formulas. */
export const EVIL = `Tom & Jerry <img src=x onerror=alert(1)> "q" it's {a} ~b =c #d :e \\ f -> g`;

const common = {
  lesson: 'lesson-one',
  objective: 'lo1',
  bloom: 'understand' as const,
  explanation: `Why: ${EVIL}`,
  evidence: { paragraph: 'p3', quote: 'a verbatim quote here' },
  hints: [`Hint ${EVIL}`],
  feedback: { correct: `Yes ${EVIL}`, incorrect: `No ${EVIL}` },
};

export const FIXTURES: Question[] = [
  {
    ...common,
    type: 'single',
    id: 'fx-single',
    prompt: `Pick *one*: ${EVIL}`,
    options: [
      { id: 'a', text: `Right ${EVIL}`, feedback: `A fb ${EVIL}` },
      { id: 'b', text: 'Wrong', feedback: 'B fb' },
      { id: '3', text: '=SUM(A1:A2)' },
    ],
    answer: 'a',
  },
  {
    ...common,
    type: 'multiple',
    id: 'fx-multiple',
    prompt: `Pick all ${EVIL}`,
    options: [
      { id: 'a', text: 'R1', feedback: 'fa' },
      { id: 'b', text: 'R2' },
      { id: 'c', text: 'W1', feedback: 'fc' },
    ],
    answers: ['a', 'b'],
  },
  {
    ...common,
    type: 'truefalse',
    id: 'fx-truefalse',
    prompt: `True? ${EVIL}`,
    answer: false,
    feedbackTrue: `Picked true ${EVIL}`,
    feedbackFalse: 'Picked false',
  },
  {
    ...common,
    type: 'numeric',
    id: 'fx-numeric-rel',
    prompt: 'How many?',
    answer: 45000,
    tolerance: { kind: 'relative', value: 0.02 },
  },
  {
    ...common,
    type: 'numeric',
    id: 'fx-numeric-abs',
    prompt: 'Rate?',
    answer: 10.2,
    tolerance: { kind: 'absolute', value: 0.05 },
    unit: '%',
  },
  { ...common, type: 'numeric', id: 'fx-numeric-exact', prompt: 'Year?', answer: 2010 },
  { ...common, type: 'text', id: 'fx-text', prompt: `Name it ${EVIL}`, accept: [`AT&T {x}`, 'att'] },
  {
    ...common,
    type: 'ordering',
    id: 'fx-ordering',
    prompt: 'Order',
    items: [
      { id: 'x', text: `First ${EVIL}` },
      { id: 'y', text: 'Second' },
      { id: 'z', text: 'Third' },
    ],
  },
  {
    ...common,
    type: 'matching',
    id: 'fx-matching',
    prompt: 'Match',
    pairs: [
      { id: 'p1', left: `L1 ${EVIL}`, right: `R1 ${EVIL}` },
      { id: 'p2', left: 'L2', right: 'R2' },
      { id: 'p3', left: 'L3', right: 'R3' },
    ],
    distractors: ['Nothing'],
  },
  {
    ...common,
    type: 'cloze',
    id: 'fx-cloze',
    prompt: 'Fill in',
    text: `Before {{b1}} middle ${EVIL} {{b2}} after.`,
    blanks: [
      { id: 'b1', accept: ['one', 'One/1'] },
      { id: 'b2', accept: ['two}#~'], typos: 0 },
    ],
  },
];

/** A parsed XML element, for tests: name, attributes, children and its own text. */
export interface TreeNode {
  name: string;
  attrs: Record<string, string>;
  children: TreeNode[];
  /** The element's direct text children, concatenated, entities decoded. */
  text: string;
}

type Ordered = Record<string, unknown>;

function toTree(items: Ordered[]): TreeNode[] {
  const out: TreeNode[] = [];
  for (const item of items) {
    const name = Object.keys(item).find((k) => k !== ':@');
    if (name === undefined || name === '#text' || name.startsWith('?')) continue;
    const raw = (item[':@'] ?? {}) as Record<string, unknown>;
    const attrs = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.replace(/^@_/, ''), String(v)]));
    const kids = (item[name] ?? []) as Ordered[];
    const text = kids
      .filter((k) => '#text' in k)
      .map((k) => String(k['#text']))
      .join('');
    out.push({ name, attrs, children: toTree(kids), text });
  }
  return out;
}

/** Every element of the tree, depth first. */
export function allNodes(nodes: TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}

/** Elements named `name` anywhere under `nodes`. */
export function find(nodes: TreeNode[], name: string): TreeNode[] {
  return allNodes(nodes).filter((n) => n.name === name);
}

/** Parses XML into `TreeNode`s, keeping order and all text exactly; throws on malformed XML. */
export function parseTree(xml: string): TreeNode[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`invalid XML at line ${valid.err.line}: ${valid.err.msg}`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
  });
  return toTree(parser.parse(xml) as Ordered[]);
}

/** One GIFT question as gift-pegjs reads it, in the shape the tests check. */
export interface ReadGiftQuestion {
  /** The `$CATEGORY:` in force. */
  category?: string;
  title?: string;
  /** The question text (HTML as written; a missing-word question's blank shows as `_____`). */
  text: string;
  kind: 'choice' | 'short' | 'matching' | 'numeric' | 'truefalse';
  /** Choices; numeric `value` or `value:margin`; matching `text -> match`. */
  answers: { text: string; weight?: number; feedback?: string; match?: string }[];
  /** The answer block sits inside the text (missing-word format). */
  embedded: boolean;
  truth?: boolean;
  trueFeedback?: string;
  falseFeedback?: string;
  generalFeedback?: string;
}

// gift-pegjs 1.0.2 stands escaped characters in for `&&NNN;` while it parses and puts them back
// everywhere except in a matching answer; Moodle's own GIFT import reads those right (lms-check).
const pegjsPlaceholder = (text: string): string =>
  text.replace(/&&(\d{3});/g, (_, code: string) => String.fromCharCode(Number(code)));

/**
 * GIFT read by gift-pegjs, a third-party parser (the one lms-check runs too), so that the tests
 * prove the output is GIFT to a reader this project did not write. Throws on a syntax error.
 */
export function readGift(source: string): ReadGiftQuestion[] {
  const out: ReadGiftQuestion[] = [];
  let category: string | undefined;
  for (const q of parseGiftPegjs(source)) {
    if (q.type === 'Category') {
      category = q.title;
      continue;
    }
    if (q.type === 'Description' || q.type === 'Essay') throw new Error(`unexpected GIFT ${q.type}`);
    const base = {
      ...(category === undefined ? {} : { category }),
      ...(q.title === null ? {} : { title: q.title }),
      text: q.stem.text,
      embedded: q.hasEmbeddedAnswers,
      ...(q.globalFeedback ? { generalFeedback: q.globalFeedback.text } : {}),
    };
    const feedback = (f: { text: string } | null) => (f ? { feedback: f.text } : {});
    switch (q.type) {
      case 'MC':
      case 'Short':
        out.push({
          ...base,
          kind: q.type === 'MC' ? 'choice' : 'short',
          answers: q.choices.map((c) => ({
            text: c.text.text,
            ...(c.weight === null ? {} : { weight: c.weight }),
            ...feedback(c.feedback),
          })),
        });
        break;
      case 'Numerical': {
        const choices = Array.isArray(q.choices) ? q.choices : [{ text: q.choices, feedback: null }];
        out.push({
          ...base,
          kind: 'numeric',
          answers: choices.map((c) => ({
            text: c.text.range ? `${c.text.number}:${c.text.range}` : String(c.text.number),
            ...feedback(c.feedback),
          })),
        });
        break;
      }
      case 'Matching':
        out.push({
          ...base,
          kind: 'matching',
          answers: q.matchPairs.map((p) => ({
            text: p.subquestion.text,
            match: pegjsPlaceholder(p.subanswer),
          })),
        });
        break;
      case 'TF':
        out.push({
          ...base,
          kind: 'truefalse',
          answers: [],
          truth: q.isTrue,
          ...(q.trueFeedback ? { trueFeedback: q.trueFeedback.text } : {}),
          ...(q.falseFeedback ? { falseFeedback: q.falseFeedback.text } : {}),
        });
        break;
    }
  }
  return out;
}
