import { readFileSync } from 'node:fs';
import { Script, createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { toClassicScript } from './study.ts';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('toClassicScript', () => {
  it('turns the offline rules and the worker into one classic script that runs', () => {
    const code = [
      'const VERSION = "v1"; const PRECACHE = ["/"];',
      toClassicScript(read('../lib/offline/strategy.ts'), 'strategy.ts'),
      toClassicScript(read('../offline/sw.ts'), 'sw.ts'),
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
