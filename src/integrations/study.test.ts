import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script, createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { learnerScripts, shellScripts, toClassicScript } from './study.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('toClassicScript', () => {
  it('turns the offline rules and the worker into one classic script that runs', () => {
    const code = [
      'const VERSION = "v1"; const PRECACHE = ["/"]; const APP = [];',
      toClassicScript(read('../lib/offline/strategy.ts'), 'strategy.ts'),
      toClassicScript(read('../lib/offline/sw.ts'), 'sw.ts'),
    ].join('\n');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(() => new Script(code)).not.toThrow();
    const listeners: string[] = [];
    const context = createContext({
      self: {
        addEventListener: (type: string) => listeners.push(type),
        location: { origin: 'https://x.example' },
      },
      URL,
    });
    runInContext(code, context);
    expect(listeners.sort()).toEqual(['activate', 'fetch', 'install', 'message']);
    expect(
      runInContext(
        'strategyFor({ url: "https://x.example/_astro/a.js", method: "GET" }, self.location.origin)',
        context,
      ),
    ).toEqual({
      strategy: 'cache-first',
      cache: 'assets',
    });
  });

  it('reports code that does not compile', () => {
    expect(() => toClassicScript('const = ;', 'bad.ts')).toThrow(/cannot compile bad\.ts/);
  });
});

describe('shellScripts', () => {
  it("follows the shell pages' module scripts through static imports, not dynamic ones or island code", () => {
    const out = mkdtempSync(join(tmpdir(), 'eoc-shell-'));
    const put = (path: string, text: string): void => {
      mkdirSync(dirname(join(out, path)), { recursive: true });
      writeFileSync(join(out, path), text);
    };
    try {
      put(
        'index.html',
        '<script type="module" src="/_astro/site.1.js"></script><astro-island component-url="/_astro/Quiz.2.js">',
      );
      put('review/index.html', '<script type="module" src="/_astro/site.1.js"></script>');
      put('lessons/x/index.html', '<script type="module" src="/_astro/lesson-only.3.js"></script>');
      put(
        '_astro/site.1.js',
        'import{a as b}from"./due.4.js";import"./side.5.js";const s=()=>import("./search.6.js");',
      );
      put('_astro/due.4.js', 'import{c}from"./clock.7.js";export{c as a};');
      put('_astro/side.5.js', '');
      put('_astro/lesson-only.3.js', '');
      put('_astro/clock.7.js', 'export const c=1;');
      put('_astro/search.6.js', '');
      put('_astro/Quiz.2.js', '');
      expect(shellScripts(out)).toEqual([
        '/_astro/clock.7.js',
        '/_astro/due.4.js',
        '/_astro/side.5.js',
        '/_astro/site.1.js',
      ]);
      // Learners' pages: islands too, and what loads on demand; not what only instructor pages run.
      put('instructor/index.html', '<astro-island component-url="/_astro/Builder.8.js"></astro-island>');
      put('_astro/Builder.8.js', 'import"./zod.9.js";');
      put('_astro/zod.9.js', '');
      put(
        '_astro/Quiz.2.js',
        'import{q}from"./card.10.js";const i=()=>import(`./import.11.js`);const m=["_astro/deps.12.js"];',
      );
      put('_astro/card.10.js', '');
      put('_astro/import.11.js', '');
      put('_astro/deps.12.js', '');
      expect(learnerScripts(out)).toEqual([
        '/_astro/Quiz.2.js',
        '/_astro/card.10.js',
        '/_astro/clock.7.js',
        '/_astro/deps.12.js',
        '/_astro/due.4.js',
        '/_astro/import.11.js',
        '/_astro/lesson-only.3.js',
        '/_astro/search.6.js',
        '/_astro/side.5.js',
        '/_astro/site.1.js',
      ]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
