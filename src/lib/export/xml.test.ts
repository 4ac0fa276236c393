import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { el, escapeHtml, escapeXml, plainText, richHtml, richNodes, serialize, xmlDocument } from './xml.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
});

// What XML 1.0 can carry: escapeXml drops the rest.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const xmlSafe = (s: string): string => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

describe('escapeXml', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    [`"it's"`, '&quot;it&apos;s&quot;'],
    ['bell\u0007', 'bell'],
    ['&amp;', '&amp;amp;'],
  ])('%j → %j', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });

  it('round-trips any text through element content and attributes (fast-xml-parser)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const doc = xmlDocument(el('root', { title: text }, el('t', {}, `x${text}x`)));
        const parsed = parser.parse(doc) as { root: { '@_title': string; t: string } };
        expect(parsed.root.t).toBe(`x${xmlSafe(text)}x`.replace(/\r\n?/g, '\n'));
        expect(parsed.root['@_title']).toBe(xmlSafe(text));
      }),
    );
  });
});

describe('serialize', () => {
  it('indents element-only content and keeps mixed content on one line', () => {
    const tree = el('a', { x: '1', skip: undefined }, el('b', {}, 'text ', el('em', {}, 'em')), el('c'));
    expect(serialize(tree)).toBe('<a x="1">\n  <b>text <em>em</em></b>\n  <c/>\n</a>');
  });
  it('drops null, false and undefined children and flattens arrays', () => {
    expect(serialize(el('a', {}, null, false, undefined, [el('b'), [el('c')]]))).toBe(
      '<a>\n  <b/>\n  <c/>\n</a>',
    );
  });
});

describe('richHtml / richNodes / plainText', () => {
  it.each([
    ['seized *over* how many', 'seized <em>over</em> how many'],
    ['a * b * c', 'a * b * c'],
    ['<b>*x*</b>', '&lt;b&gt;<em>x</em>&lt;/b&gt;'],
    ['AT&T', 'AT&amp;T'],
  ])('richHtml(%j) = %j', (input, expected) => {
    expect(richHtml(input)).toBe(expected);
  });
  it('richNodes gives text runs and <em> elements', () => {
    expect(richNodes('a *b* c')).toEqual(['a ', el('em', {}, 'b'), ' c']);
  });
  it('plainText removes emphasis markers only', () => {
    expect(plainText('a *b* 2 * 3')).toBe('a b 2 * 3');
  });
  it('escapeHtml output never contains a raw < or an unescaped &', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/<|&(?!amp;|lt;|gt;|quot;)/);
      }),
    );
  });
});
