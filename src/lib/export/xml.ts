/**
 * Pure: no DOM, no framework.
 *
 * The one XML writer all XML exporters use. Elements are built as data (`el`), never as strings
 * with text pasted in, and every text and attribute value goes through `escapeXml` on the way
 * out — so a prompt such as `<img src=x onerror=alert(1)>` or `AT&T` can only ever come out as
 * text. Output is deterministic: attributes in the order given, two-space indentation, and
 * elements that hold text (mixed content) written on one line so no whitespace is added to it.
 */

/** An element: name, attributes (undefined values are left out) and children. */
export interface XmlElement {
  name: string;
  attrs: Readonly<Record<string, string | number | boolean | undefined>>;
  children: readonly XmlNode[];
}

/** A child is an element or a text (escaped when written). */
export type XmlNode = XmlElement | string;

/** What `el` accepts as a child: nodes, nothing (`null`, `undefined`, `false`, dropped) or lists of these. */
export type Child = XmlNode | null | undefined | false | readonly Child[];

/** Builds an element; `null`, `undefined` and `false` children are dropped and arrays flattened. */
export function el(
  name: string,
  attrs: Readonly<Record<string, string | number | boolean | undefined>> = {},
  ...children: Child[]
): XmlElement {
  const flat: XmlNode[] = [];
  const add = (child: Child): void => {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) (child as readonly Child[]).forEach(add);
    else flat.push(child as XmlNode);
  };
  children.forEach(add);
  return { name, attrs, children: flat };
}

// XML 1.0 cannot carry these at all, not even as character references.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Escapes text for XML content and attribute values: `& < > " '`. Characters XML 1.0 forbids
 * (most C0 controls) are dropped, since no escape can represent them.
 */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `escapeXml`, plus line breaks and tabs as references, which a parser would otherwise turn into spaces. */
function escapeAttr(text: string): string {
  return escapeXml(text).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function attrsOf(attrs: XmlElement['attrs']): string {
  return Object.entries(attrs)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttr(String(value))}"`)
    .join('');
}

function inline(node: XmlNode): string {
  if (typeof node === 'string') return escapeXml(node);
  const open = `<${node.name}${attrsOf(node.attrs)}`;
  if (node.children.length === 0) return `${open}/>`;
  return `${open}>${node.children.map(inline).join('')}</${node.name}>`;
}

function block(node: XmlElement, depth: number): string {
  const pad = '  '.repeat(depth);
  if (node.children.length === 0 || node.children.some((child) => typeof child === 'string')) {
    return `${pad}${inline(node)}`;
  }
  const inner = node.children.map((child) => block(child as XmlElement, depth + 1)).join('\n');
  return `${pad}<${node.name}${attrsOf(node.attrs)}>\n${inner}\n${pad}</${node.name}>`;
}

/** A whole document: the XML declaration, the root element and a final newline. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${block(root, 0)}\n`;
}

/** One element as XML text (no declaration), indented from `depth`. */
export function serialize(node: XmlElement, depth = 0): string {
  return block(node, depth);
}

/** Escapes text for HTML content (what `text/html` fields in the LMS formats hold). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Learner-facing text as HTML: escaped, with the course's one inline markup, `*emphasis*`,
 * turned into `<em>` (e.g. "seized *over* how many"). Nothing else becomes markup.
 */
export function richHtml(text: string): string {
  return escapeHtml(text).replace(/\*([^*\s](?:[^*]*[^*\s])?)\*/g, '<em>$1</em>');
}

/** The course's `*emphasis*` markers removed, for formats that take plain text only. */
export function plainText(text: string): string {
  return text.replace(/\*([^*\s](?:[^*]*[^*\s])?)\*/g, '$1');
}

/**
 * Learner-facing text as XHTML nodes for formats that embed markup as elements (QTI 2.1 item
 * bodies): text runs, with `*emphasis*` as `<em>` elements. Text stays text, so it is escaped.
 */
export function richNodes(text: string): XmlNode[] {
  const nodes: XmlNode[] = [];
  let last = 0;
  for (const match of text.matchAll(/\*([^*\s](?:[^*]*[^*\s])?)\*/g)) {
    if (match.index > last) nodes.push(text.slice(last, match.index));
    nodes.push(el('em', {}, match[1] ?? ''));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}
