/**
 * Reading sources critically, over the real course: every article has a reviewed "About this
 * source" whose quotes stand verbatim in the article, and the timeline agrees with the articles'
 * dates. Failures name the article and the field.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateAbout } from '../../src/lib/content/about.ts';
import { readSeedArticles } from '../../src/loaders/seed-articles.ts';
import { glossaryTermSchema, timelineEventSchema } from '../../src/lib/content/schemas.ts';
import { dateEnd, dateStart } from '../../src/lib/course/dates.ts';

const articles = readSeedArticles(process.cwd());
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

describe('glossary', () => {
  const terms = (parse(readFileSync('content/glossary.yaml', 'utf8')) as unknown[]).map((t) =>
    glossaryTermSchema.parse(t),
  );
  /** "Cyber terrorism", "cyber-terrorism" and "Cyberterrorism" are one word to a reader. */
  const key = (s: string) => s.toLowerCase().replace(/[\s\-‐–]+/g, '');

  it('has one entry per term: no term or alias is shared by two entries', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const t of terms) {
      for (const name of new Set([t.term, ...t.aliases].map(key))) {
        const other = owner.get(name);
        if (other && other !== t.id) clashes.push(`${t.id} and ${other} both define “${name}”`);
        owner.set(name, t.id);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('timeline', () => {
  const events = (parse(readFileSync('content/timeline.yaml', 'utf8')) as unknown[]).map((e) =>
    timelineEventSchema.parse(e),
  );
  const dates = new Map(about.entries.map((e) => [e.article, e.date]));

  it('dates no event after the article that reports it was written', () => {
    const late = events.flatMap((e) => {
      const date = dates.get(e.source.lesson);
      if (!date) return [`${e.id}: ${e.source.lesson} has no date`];
      const bound = date.latest ?? date.value;
      return dateStart(e.date) > dateEnd(bound) ? [`${e.id}: ${e.date} is after ${bound}`] : [];
    });
    expect(late).toEqual([]);
  });

  it('marks the disputed Gwadar hotel date as disputed, with the other date', () => {
    const gwadar = events.find((e) => /wake-up call came in 2010/.test(e.quote));
    expect(gwadar?.disputed?.otherDate).toBe('2019-05-11');
  });
});

describe('the two accounts of the August 2020 seizure', () => {
  const pair = [
    'isis-al-qaeda-reel-after-largest-ever-seizure-of-cryptocurrency-accounts',
    'central-asian-jihadists-use-of-cryptocurrencies-in-bitcoin',
  ] as const;

  it.each([pair, [pair[1], pair[0]] as const])('%s links to %s with a comparison prompt', (from, to) => {
    const body = readFileSync(`content/lessons/${from}.mdx`, 'utf8');
    expect(body).toContain(`<LessonLink id="${to}">`);
    expect(body).toMatch(/\*\*Compare the two accounts\.\*\*/);
    expect(body).toContain(`<Quote p="p1" source="${to}">`);
  });
});
