/**
 * Pure: no DOM, no framework.
 *
 * Test fixtures for the exporters: one question of every type, each with feedback, hints and
 * text full of characters that XML, HTML, GIFT and CSV treat as syntax, so a test can check that
 * every text comes out as text; and `parseTree`, a small ordered view of parsed XML for checks.
 * Used by the tests beside this file only.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
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
