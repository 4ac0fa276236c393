import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineOf, policyFor, withPolicy } from './policy.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
const page = (head: string, body = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('inlineOf', () => {
  it('finds the inline code a browser runs, and not data blocks or external scripts', () => {
    const inline = inlineOf(
      page(
        '<script>a()</script><script type="module">b()</script><script type="application/json">{"c":1}</script><script src="/x.js"></script><style>p{}</style>',
        '<p style="color: red">x</p><div data-search-dialog></div>',
      ),
    );
    expect(inline).toEqual({
      scripts: ['a()', 'b()'],
      styles: ['p{}'],
      styleAttributes: ['color: red'],
      handlers: [],
      search: true,
    });
  });

  it('reads a style attribute as the browser does, entities decoded', () => {
    expect(
      inlineOf(page('', `<i style="font-family: &quot;A&quot;; content: '&amp;'"></i>`)).styleAttributes,
    ).toEqual([`font-family: "A"; content: '&'`]);
  });
});

describe('policyFor', () => {
  it('allows exactly the hashed inline code, WebAssembly only with search, and never unsafe-inline', () => {
    const base = { scripts: ['a()'], styles: [], styleAttributes: [], handlers: [], search: false };
    const plain = policyFor(base, sha256);
    expect(plain).toBe(
      `default-src 'self'; script-src 'self' 'sha256-${sha256('a()')}'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'`,
    );
    expect(policyFor({ ...base, search: true }, sha256)).toContain("'wasm-unsafe-eval'");
    expect(policyFor({ ...base, styleAttributes: ['x:1', 'x:1'] }, sha256)).toContain(
      `style-src 'self' 'unsafe-hashes' 'sha256-${sha256('x:1')}';`,
    );
    expect(plain).not.toMatch(/unsafe-inline|unsafe-eval'/);
  });
});

describe('withPolicy', () => {
  it('puts the policy right after the charset, before anything it governs', () => {
    const result = withPolicy(page('<script>a()</script>'), sha256);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.html).toMatch(
      /^<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-/,
    );
    expect(result.html.indexOf('Content-Security-Policy')).toBeLessThan(result.html.indexOf('<script>'));
  });

  it.each([
    [
      page('', '<button onclick="go()">Go</button>'),
      'it has inline event handlers (onclick), which the policy does not allow; attach them from a script',
    ],
    [
      page('<meta http-equiv="content-security-policy" content="x">'),
      'it already has a Content-Security-Policy meta tag',
    ],
    ['<p>no head</p>', 'it has no <head>'],
  ])('refuses a page it cannot cover: %s', (html, error) => {
    expect(withPolicy(html, sha256)).toEqual({ ok: false, error });
  });
});
