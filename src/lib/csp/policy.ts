/**
 * The Content-Security-Policy of a built page, computed from the page itself.
 *
 * Data flow: src/integrations/csp.ts reads every built HTML file → `withPolicy` hashes what the
 * page runs and styles inline (inline scripts, <style> elements, style attributes) → a
 * `<meta http-equiv="Content-Security-Policy">` goes first in <head>, before anything it governs.
 * So a page added later (a 404 page, a player, an unlock screen) gets its policy with no step of
 * its own, and a hash can never go stale: it is taken from the very bytes that are served.
 *
 * The site has no server to send a header, hence the meta tag (which cannot carry
 * `frame-ancestors`, `report-uri` or `sandbox`). The policy: scripts from this site and the
 * hashed inline ones only (never 'unsafe-inline'); WebAssembly compilation ('wasm-unsafe-eval')
 * only on pages with the search dialog, for Pagefind; no plugins, no <base>, forms post here.
 *
 * Pure: the SHA-256 function is passed in (Node's crypto at build time).
 */

/** Base64 SHA-256 of UTF-8 text. */
export type Sha256 = (text: string) => string;

/** What a page holds that the policy must allow by hash. */
export interface PageInline {
  scripts: string[];
  styles: string[];
  styleAttributes: string[];
  /** Inline event handlers (`onclick="…"`): never allowed, the build refuses them. */
  handlers: string[];
  /** The page has the search dialog, whose Pagefind code compiles WebAssembly. */
  search: boolean;
}

/** Types a browser runs as script; any other `type` is a data block the policy does not cover. */
const SCRIPT_TYPES = new Set(['', 'text/javascript', 'module', 'application/javascript']);

/** The inline code and styles of `html`. Built pages are well-formed output of Astro, not arbitrary HTML. */
export function inlineOf(html: string): PageInline {
  const scripts: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1]?.toLowerCase() ?? '';
    if (SCRIPT_TYPES.has(type)) scripts.push(body);
  }
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] ?? '');
  const tags = [...html.matchAll(/<[a-z][^\s/>]*(\s[^>]*)?>/gi)].map((m) => m[1] ?? '');
  const styleAttributes = tags.flatMap((attrs) =>
    [...attrs.matchAll(/\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((m) =>
      decodeEntities(m[1] ?? m[2] ?? ''),
    ),
  );
  const handlers = tags.flatMap((attrs) => [...attrs.matchAll(/\s(on[a-z]+)\s*=/gi)].map((m) => m[1] ?? ''));
  return { scripts, styles, styleAttributes, handlers, search: /\sdata-search-dialog[\s>=]/.test(html) };
}

/** An attribute value as the browser hands it to CSP (entities decoded). */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number(lower.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? entity;
  });
}

const unique = (values: string[]): string[] => [...new Set(values)].sort();

/** The policy for a page with `inline`. */
export function policyFor(inline: PageInline, sha256: Sha256): string {
  const hashes = (texts: string[]) => unique(texts.map((text) => `'sha256-${sha256(text)}'`));
  const script = ["'self'", ...hashes(inline.scripts), ...(inline.search ? ["'wasm-unsafe-eval'"] : [])];
  const style = [
    "'self'",
    ...hashes(inline.styles),
    ...(inline.styleAttributes.length > 0 ? ["'unsafe-hashes'", ...hashes(inline.styleAttributes)] : []),
  ];
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    `style-src ${style.join(' ')}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

export type WithPolicy = { ok: true; html: string; policy: string } | { ok: false; error: string };

/** `html` with its policy as the first element of <head>, or why it cannot have one. */
export function withPolicy(html: string, sha256: Sha256): WithPolicy {
  if (/<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy/i.test(html)) {
    return { ok: false, error: 'it already has a Content-Security-Policy meta tag' };
  }
  const inline = inlineOf(html);
  if (inline.handlers.length > 0) {
    return {
      ok: false,
      error: `it has inline event handlers (${unique(inline.handlers).join(', ')}), which the policy does not allow; attach them from a script`,
    };
  }
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) return { ok: false, error: 'it has no <head>' };
  const policy = policyFor(inline, sha256);
  // After <meta charset>, which must stay within the first bytes; before any script or style.
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html.slice(head.index));
  const at = charset ? head.index + charset.index + charset[0].length : head.index + head[0].length;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  return { ok: true, html: html.slice(0, at) + meta + html.slice(at), policy };
}
