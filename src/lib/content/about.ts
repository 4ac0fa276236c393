/**
 * "About this source": who published each article and what kind of outlet it is, who wrote it and
 * with what stated affiliation, when (given, or estimated from internal evidence with the reasoning
 * shown), its genre, whom it was written for, what it does not tell us and which of its claims are
 * disputed. Authored in content/about-sources.yaml; the about loader validates it with
 * `validateAbout` and the build fails on any problem, as it does for evidence quotes:
 *
 * - every statement about what the article says cites words that stand verbatim in a paragraph
 *   (or in the page's notes, biographies, captions, references or the scraped page itself);
 * - a statement from outside the article is marked `outside: true`, and a source may have few;
 * - author and publisher agree with the ingested article, and the date's bounds with its value;
 * - an estimated date rests on at least one cited piece of internal evidence.
 *
 * Articles with no entry (a page just dropped into seeds/) get `draftAbout`: what the page itself
 * says, and a date estimated from the latest date the text mentions. Pure: no astro, no DOM.
 */
import { z } from 'astro/zod';
import { dateEnd, dateStart, formatEventDate, latestMentionedDate } from '../course/dates.ts';
import { formatAuthors } from '../course/outline.ts';
import { checkEvidence, normalizeForQuote, type ParagraphLike } from './evidence.ts';

/** At most this many statements from outside the article, per source: few and well known. */
export const MAX_OUTSIDE_STATEMENTS = 3;

const partialDate = z.preprocess(
  // YAML 1.1 readers turn an unquoted 2013-01-30 into a Date and 2018 into a number.
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : v),
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Use YYYY, YYYY-MM or YYYY-MM-DD'),
);

/** Parts of the page, besides numbered paragraphs, that a statement may quote. */
export const PAGE_PARTS = ['notes', 'bios', 'captions', 'footnotes', 'page'] as const;
export type PagePart = (typeof PAGE_PARTS)[number];

/** The words a statement rests on: verbatim from a paragraph, or from another part of the page. */
export const citeSchema = z.union([
  z.strictObject({
    /** Paragraph id, e.g. `p12`. */
    paragraph: z.string().regex(/^p\d+$/, 'Paragraph ids look like "p12"'),
    /** Verbatim words from that paragraph. */
    quote: z.string().min(8),
  }),
  z.strictObject({
    /** `notes`, `bios`, `captions`, `footnotes`, or `page` (the scraped page, site chrome included). */
    part: z.enum(PAGE_PARTS),
    /** Verbatim words from that part. */
    quote: z.string().min(8),
  }),
]);

/**
 * One statement in our words. It cites the article, or is marked as coming from outside it (or
 * both: a cited claim set against an outside fact). Shown with its paragraph links.
 */
export const statementSchema = z
  .strictObject({
    text: z.string().min(10),
    cite: z.array(citeSchema).min(1).optional(),
    /** True when the statement brings in a fact from outside the article. */
    outside: z.literal(true).optional(),
  })
  .refine((s) => s.cite || s.outside, {
    message: 'A statement cites the article (cite) or is marked outside: true',
  });

/** Something the article does not tell us: cited where it matters, or simply absent from the page. */
export const gapSchema = z.union([
  statementSchema,
  z.strictObject({
    text: z.string().min(10),
    /** Nothing to quote: the page lacks it altogether (no byline, no references). */
    absent: z.literal(true),
  }),
]);

export const OUTLET_KINDS = [
  'news site',
  'opinion platform',
  'think-tank journal',
  'government-sponsored outlet',
  'company blog',
  'not stated',
] as const;

const outletSchema = z.strictObject({
  /** As the page names it, or null when it names none. */
  name: z.string().nullable(),
  kind: z.enum(OUTLET_KINDS),
});

export const aboutSchema = z.strictObject({
  /** Article id. */
  article: z.string().min(1),
  publisher: outletSchema.extend({
    /** Where the article first appeared, when the page says it is a reprint. */
    firstPublished: outletSchema.optional(),
    about: z.array(statementSchema).min(1),
  }),
  author: z.strictObject({
    /** As the byline gives it, or null when the page names no author. */
    name: z.string().nullable(),
    /** The affiliation the page states, in its words, or null when it states none. */
    affiliation: z.string().nullable(),
    about: z.array(statementSchema).default([]),
  }),
  date: z.strictObject({
    /** Our best single date, for display and for ordering the timeline. */
    value: partialDate,
    /** True when the page states the date; false when we estimate it. */
    given: z.boolean(),
    /** Bounds the evidence sets, when it sets any. */
    earliest: partialDate.optional(),
    latest: partialDate.optional(),
    /** How we know: for an estimate, the internal evidence, step by step. */
    reasoning: z.array(statementSchema).min(1),
  }),
  genre: z.enum(['report', 'analysis', 'opinion']),
  genreReasons: z.array(statementSchema).min(1),
  /** For whom it was written. */
  audience: z.array(statementSchema).min(1),
  notTold: z.array(gapSchema).min(1),
  disputed: z.array(statementSchema).default([]),
});

export type Cite = z.output<typeof citeSchema>;
export type Statement = z.output<typeof statementSchema>;
export type Gap = z.output<typeof gapSchema>;
export type About = z.output<typeof aboutSchema>;

/** What validation needs of an article: its paragraphs, byline and the rest of its page. */
export interface AboutArticle {
  id: string;
  title: string;
  authors: string[];
  publication: string | null;
  paragraphs: ParagraphLike[];
  notes: string[];
  bios: string[];
  captions: string[];
  footnotes: string[];
  /** The whole scraped page the article came from. */
  page: string;
}

/** The label of a date: "30 January 2013", "between 13 August and September 2020", "about 2007, not before June 2007". */
export function dateLabel(date: About['date']): string {
  if (date.given) return formatEventDate(date.value);
  const { earliest, latest, value } = date;
  if (earliest && latest) {
    if (earliest === latest) return formatEventDate(earliest);
    // "between 29 October and the end of 2018", "between 13 August and September 2020": a bare
    // year at the end means its last day, and a year both ends share is said once.
    const to = latest.length === 4 ? `the end of ${latest}` : formatEventDate(latest);
    const sameYear = earliest.slice(0, 4) === latest.slice(0, 4) && earliest.length > 4;
    const from = sameYear ? formatEventDate(earliest).replace(/ \d{4}$/, '') : formatEventDate(earliest);
    return `between ${from} and ${to}`;
  }
  if (earliest === value) return `not before ${formatEventDate(earliest)}`;
  if (earliest) return `about ${formatEventDate(value)}, not before ${formatEventDate(earliest)}`;
  if (latest) return `about ${formatEventDate(value)}, by ${formatEventDate(latest)}`;
  return `about ${formatEventDate(value)}`;
}

function partText(article: AboutArticle, part: PagePart): string {
  return part === 'page' ? article.page : article[part].join('\n');
}

function checkCite(article: AboutArticle, cite: Cite): string | null {
  if ('paragraph' in cite)
    return checkEvidence(article.paragraphs, cite.paragraph, cite.quote)?.message ?? null;
  return normalizeForQuote(partText(article, cite.part)).includes(normalizeForQuote(cite.quote))
    ? null
    : `the quote is not verbatim in the page's ${cite.part}: “${cite.quote.slice(0, 80)}”`;
}

/** Every statement of an entry with its path, for checking and counting. */
function statementsOf(about: About): { path: string; statement: Statement | Gap }[] {
  const list = (name: string, items: readonly (Statement | Gap)[]) =>
    items.map((statement, i) => ({ path: `${name}[${i}]`, statement }));
  return [
    ...list('publisher.about', about.publisher.about),
    ...list('author.about', about.author.about),
    ...list('date.reasoning', about.date.reasoning),
    ...list('genreReasons', about.genreReasons),
    ...list('audience', about.audience),
    ...list('notTold', about.notTold),
    ...list('disputed', about.disputed),
  ];
}

/** Problems with one validated entry, each starting with its field path. */
export function checkAbout(about: About, article: AboutArticle): string[] {
  const problems: string[] = [];
  const byline = formatAuthors(article.authors) || null;
  if (about.author.name !== byline) {
    problems.push(
      byline
        ? `author.name: the byline reads “${byline}”, not “${about.author.name ?? 'null'}”`
        : `author.name: the page names no author, so use null (found “${about.author.name}”)`,
    );
  }
  if (about.publisher.name !== article.publication) {
    problems.push(
      article.publication
        ? `publisher.name: the page names “${article.publication}”, not “${about.publisher.name ?? 'null'}”`
        : `publisher.name: the page names no publisher, so use null (found “${about.publisher.name}”)`,
    );
  }
  const { value, earliest, latest, given, reasoning } = about.date;
  // A partial date is a span of days: the value must overlap the bounds, not fit inside them.
  if (earliest && dateEnd(value) < dateStart(earliest))
    problems.push(`date.value: ${value} is before date.earliest ${earliest}`);
  if (latest && dateStart(value) > dateEnd(latest))
    problems.push(`date.value: ${value} is after date.latest ${latest}`);
  if (earliest && latest && dateStart(earliest) > dateEnd(latest))
    problems.push(`date.earliest ${earliest} is after date.latest ${latest}`);
  if (!given && !reasoning.some((s) => s.cite))
    problems.push('date.reasoning: an estimated date needs at least one statement citing the article');
  const mentioned = latestMentionedDate(article.paragraphs);
  if (mentioned && dateEnd(latest ?? value) < dateStart(mentioned.date)) {
    problems.push(
      `date: the article mentions ${formatEventDate(mentioned.date)} (${mentioned.paragraph}: “${mentioned.text}”), after ${latest ? 'date.latest' : 'date.value'}`,
    );
  }
  let outside = 0;
  for (const { path, statement } of statementsOf(about)) {
    if ('outside' in statement && statement.outside) outside++;
    if (!('cite' in statement) || !statement.cite) continue;
    statement.cite.forEach((cite, i) => {
      const problem = checkCite(article, cite);
      if (problem) problems.push(`${path}.cite[${i}]: ${problem}`);
    });
  }
  if (outside > MAX_OUTSIDE_STATEMENTS) {
    problems.push(
      `${outside} statements come from outside the article; keep them to ${MAX_OUTSIDE_STATEMENTS} or fewer`,
    );
  }
  return problems;
}

export interface AboutResult {
  entries: About[];
  errors: string[];
}

function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`))
    .join('');
}

/** Validates the parsed about file: schema, one entry per known article, and `checkAbout`. */
export function validateAbout(
  file: string,
  data: unknown,
  articles: ReadonlyMap<string, AboutArticle>,
): AboutResult {
  if (!Array.isArray(data)) {
    return { entries: [], errors: [`${file}: expected a list of sources, found ${typeof data}`] };
  }
  const errors: string[] = [];
  const entries: About[] = [];
  const seen = new Set<string>();
  data.forEach((raw, index) => {
    const rawId =
      typeof raw === 'object' && raw !== null && 'article' in raw
        ? String((raw as { article: unknown }).article)
        : null;
    const label = rawId ?? `entry #${index + 1}`;
    const parsed = aboutSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push(`${file}: ${label}: ${pathOf(issue.path)}: ${issue.message}`);
      return;
    }
    const about = parsed.data;
    if (seen.has(about.article)) errors.push(`${file}: ${label}: a second entry for the same article`);
    seen.add(about.article);
    const article = articles.get(about.article);
    if (!article) {
      errors.push(`${file}: ${label}: no article has this id`);
      return;
    }
    for (const problem of checkAbout(about, article)) errors.push(`${file}: ${label}: ${problem}`);
    entries.push(about);
  });
  return { entries, errors };
}

/** The one gap a draft is sure of. */
const NOT_REVIEWED: Extract<Gap, { absent: true }> = {
  text: 'No instructor has reviewed this source yet: read it with extra care.',
  absent: true,
};

/** What a page shows: a reviewed entry, or a draft whose genre and date may be unknown. */
export type AboutView = Omit<About, 'genre' | 'date'> & {
  genre: About['genre'] | null;
  date: About['date'] | null;
  /** False for a draft nobody has reviewed yet. */
  reviewed: boolean;
};

/**
 * About this source for an article nobody has written one for yet (a page just dropped into
 * seeds/): what the page itself says, and a date estimated from the latest date its text mentions,
 * or none when it mentions none. The page says the entry is a draft.
 */
export function draftAbout(
  article: Pick<AboutArticle, 'id' | 'authors' | 'publication' | 'paragraphs'>,
): AboutView {
  const mentioned = latestMentionedDate(article.paragraphs);
  return {
    reviewed: false,
    article: article.id,
    publisher: { name: article.publication, kind: 'not stated', about: [] },
    author: { name: formatAuthors(article.authors) || null, affiliation: null, about: [] },
    date: mentioned
      ? {
          value: mentioned.date,
          given: false,
          earliest: mentioned.date,
          reasoning: [
            {
              text: `Estimated automatically: the latest date the text mentions is ${formatEventDate(mentioned.date)}, so it was written then or later.`,
              cite: [{ paragraph: mentioned.paragraph, quote: mentioned.text }],
            },
          ],
        }
      : null,
    genre: null,
    genreReasons: [],
    audience: [],
    notTold: [NOT_REVIEWED],
    disputed: [],
  };
}
