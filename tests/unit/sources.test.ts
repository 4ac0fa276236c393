/**
 * Reading sources critically, over the real course: every article has a reviewed "About this
 * source" whose quotes stand verbatim in the article, and the timeline agrees with the articles'
 * dates. Failures name the article and the field.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateAbout } from '../../src/lib/content/about.ts';
import { loadAboutArticles } from '../../src/loaders/about.ts';

const articles = loadAboutArticles(process.cwd());
const about = validateAbout(
  'content/about-sources.yaml',
  parse(readFileSync('content/about-sources.yaml', 'utf8')),
  articles,
);
const lessons = readdirSync('content/lessons')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));

describe('About this source', () => {
  it('passes its checks: verbatim quotes, byline and publisher, date bounds, few outside facts', () => {
    expect(about.errors).toEqual([]);
  });

  it('exists for every article of the course', () => {
    const covered = new Set(about.entries.map((e) => e.article));
    expect([...articles.keys()].filter((id) => !covered.has(id))).toEqual([]);
  });

  it('covers every lesson’s source', () => {
    const covered = new Set(about.entries.map((e) => e.article));
    expect(lessons.filter((id) => articles.has(id) && !covered.has(id))).toEqual([]);
  });

  it('marks every date as given or estimated, with reasoning that cites the article', () => {
    for (const e of about.entries) {
      expect(
        e.date.reasoning.some((s) => s.cite),
        e.article,
      ).toBe(true);
    }
  });
});
