import { describe, expect, it } from 'vitest';
import {
  CACHE_PREFIX,
  OFFLINE_URL,
  cacheKey,
  cacheNames,
  precacheList,
  staleCaches,
  strategyFor,
} from './strategy.ts';

const origin = 'https://course.example';

describe('strategyFor', () => {
  it.each([
    ['/lessons/mali/', 'GET', 'stale-while-revalidate', 'pages'],
    ['/sources/mali/#p4', 'GET', 'stale-while-revalidate', 'pages'],
    ['/', 'GET', 'stale-while-revalidate', 'pages'],
    ['/review/questions.json', 'GET', 'stale-while-revalidate', 'pages'],
    ['/_astro/Quiz.DQ17--yR.js', 'GET', 'cache-first', 'assets'],
    ['/_astro/Base.DbB1EjfB.css', 'GET', 'cache-first', 'assets'],
    ['/icons/icon-192.png', 'GET', 'cache-first', 'assets'],
    ['/pagefind/pagefind.js', 'GET', 'stale-while-revalidate', 'search'],
    ['/pagefind/fragment/en_1234.pf_fragment', 'GET', 'stale-while-revalidate', 'search'],
    ['/sw.js', 'GET', 'network-only', null],
    ['/instructor/', 'GET', 'network-only', null],
    ['/instructor/exports/bank.zip', 'GET', 'network-only', null],
    ['/lessons/mali/', 'POST', 'network-only', null],
  ])('%s %s → %s (%s)', (path, method, strategy, cache) => {
    expect(strategyFor({ url: `${origin}${path}`, method }, origin)).toEqual({ strategy, cache });
  });

  it.each(['https://elsewhere.example/_astro/x.js', 'http://course.example/lessons/a/', 'not a url'])(
    'leaves %s to the network',
    (url) => {
      expect(strategyFor({ url, method: 'GET' }, origin).strategy).toBe('network-only');
    },
  );
});

describe('cacheKey', () => {
  it.each([
    [`${origin}/review/?objective=a:b`, `${origin}/review/`],
    [`${origin}/review/index.html`, `${origin}/review/`],
    [`${origin}/sources/x/#p7`, `${origin}/sources/x/`],
    [`${origin}/_astro/a.js`, `${origin}/_astro/a.js`],
  ])('%s → %s', (url, key) => {
    expect(cacheKey(url)).toBe(key);
  });
});

describe('cacheNames and staleCaches', () => {
  it('puts the version in the shell name only', () => {
    const names = cacheNames('abc123');
    expect(names.shell).toBe('eoc-shell-abc123');
    expect(Object.values(names).every((name) => name.startsWith(CACHE_PREFIX))).toBe(true);
    expect(cacheNames('other').pages).toBe(names.pages);
  });

  it('rejects a version that would make odd cache names', () => {
    expect(() => cacheNames('a b')).toThrow(/version must be/);
    expect(() => cacheNames('')).toThrow(/version must be/);
  });

  it('deletes older shells and keeps runtime caches and other sites’ caches', () => {
    const existing = [
      'eoc-shell-old',
      'eoc-shell-new',
      'eoc-pages-v1',
      'eoc-assets-v1',
      'eoc-search-v1',
      'other-app',
    ];
    expect(staleCaches(existing, 'new')).toEqual(['eoc-shell-old']);
  });
});

describe('precacheList', () => {
  const files = [
    'index.html',
    'about/index.html',
    'glossary/index.html',
    'review/index.html',
    'review/questions.json',
    'progress/index.html',
    'offline/index.html',
    'lessons/mali/index.html',
    'sources/mali/index.html',
    'instructor/index.html',
    '_astro/Quiz.abc.js',
    '_astro/Base.site.js',
    '_astro/Base.def.css',
    '_astro/font.woff2',
    'pagefind/pagefind.js',
    'icons/icon-192.png',
    'manifest.webmanifest',
    'favicon.svg',
    'sw.js',
  ];

  it('puts the shell pages, CSS, icons, shell files and the site script in the shell; no lessons, instructor or search', () => {
    expect(precacheList(files, ['_astro/Base.site.js']).shell).toEqual([
      '/',
      '/_astro/Base.def.css',
      '/_astro/Base.site.js',
      '/about/',
      '/favicon.svg',
      '/glossary/',
      '/icons/icon-192.png',
      '/manifest.webmanifest',
      OFFLINE_URL,
      '/progress/',
      '/review/',
    ]);
  });

  it('leaves the quiz code and the review data to the app tier', () => {
    expect(precacheList(files, ['_astro/Base.site.js']).app).toEqual([
      '/_astro/Quiz.abc.js',
      '/review/questions.json',
    ]);
  });

  it('keeps code no learner page runs (instructor-only) out of the app tier when told which code learners run', () => {
    const withInstructor = [...files, '_astro/Builder.xyz.js'];
    expect(precacheList(withInstructor, ['_astro/Base.site.js'], ['/_astro/Quiz.abc.js']).app).toEqual([
      '/_astro/Quiz.abc.js',
      '/review/questions.json',
    ]);
    expect(precacheList(withInstructor, ['_astro/Base.site.js']).app).toContain('/_astro/Builder.xyz.js');
  });

  it('ignores leading slashes and duplicates', () => {
    expect(
      precacheList(['/index.html', 'index.html', '/_astro/a.js', '_astro/b.js'], ['/_astro/b.js']),
    ).toEqual({
      shell: ['/', '/_astro/b.js'],
      app: ['/_astro/a.js'],
    });
  });
});
