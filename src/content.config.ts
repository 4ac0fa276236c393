/**
 * Content collections: the seam between raw material and pages.
 *
 *   seeds/*.txt            → articles  (custom loader over the pure ingest code)
 *   content/lessons/*.mdx  → lessons   (our teaching material, one per article id)
 *   content/modules.yaml   → modules   (course structure)
 *   content/quizzes/*.yaml → quizzes   (one entry per question, with its content hash; evidence checked)
 *   content/about-sources.yaml → about (About this source per article; quotes checked)
 *   content/assessment/pool/*.yaml → pool (the final assessment's own items, one file per module; never
 *                                         in a lesson bank or on a lesson page)
 *   content/glossary.yaml, content/timeline.yaml, content/assessment.yaml
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { seedLoader } from './loaders/seeds.ts';
import { quizLoader } from './loaders/quizzes.ts';
import { aboutLoader } from './loaders/about.ts';
import { aboutSchema } from './lib/content/about.ts';
import { POOL_DIR, poolLoader } from './loaders/pool.ts';
import { questionSchema } from './questions/index.ts';
import { assessmentSchema, glossaryTermSchema, timelineEventSchema } from './lib/content/schemas.ts';
import { poolQuoteSchema } from './lib/content/pool.ts';

const paragraph = z.object({
  /** Anchor id, `p1`, `p2`, … across the whole article. */
  id: z.string().regex(/^p\d+$/),
  /** Cleaned paragraph text. */
  text: z.string(),
  /** List items, when the paragraph is a list in the source. */
  items: z.array(z.string()).optional(),
  /** The page's standfirst: shown apart from the text, left out of word counts and draft questions. */
  standfirst: z.literal(true).optional(),
  /** The paragraph points at an image the page no longer has. */
  missingImage: z.literal(true).optional(),
});

const articles = defineCollection({
  loader: seedLoader({ dir: 'seeds' }),
  schema: z.object({
    /** Slug derived from the title. */
    id: z.string(),
    /** Title as published. */
    title: z.string(),
    /** Authors from bylines, possibly empty. */
    authors: z.array(z.string()),
    /** Publication name, or null when the page does not say. */
    publication: z.string().nullable(),
    /** Sections in reading order; the first heading may be null. */
    sections: z.array(z.object({ heading: z.string().nullable(), paragraphs: z.array(paragraph) })),
    /** Image captions, each once. The images themselves are never shown. */
    captions: z.array(z.string()),
    /** Reference lists and footnotes. */
    footnotes: z.array(z.string()),
    /** Author biographies. */
    bios: z.array(z.string()),
    /** Publication notes, e.g. where the article first appeared. */
    notes: z.array(z.string()),
    /** Seed file name and the article's position within it. */
    source: z.object({ file: z.string(), index: z.number().int().nonnegative() }),
    /** Words in the paragraphs. */
    words: z.number().int().nonnegative(),
  }),
});

const lessons = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/lessons' }),
  schema: z.object({
    /** Lesson title; defaults to the article title when omitted. */
    title: z.string().optional(),
    /** One or two sentences for the course home and link previews. */
    description: z.string(),
    /** Content note shown before the lesson, or null when none is needed. */
    contentNote: z.string().nullable().default(null),
    /** 3–5 measurable learning objectives; ids are referenced by questions. */
    objectives: z
      .array(z.object({ id: z.string().regex(/^lo\d+$/), text: z.string() }))
      .min(3)
      .max(5),
    /** Glossary term ids introduced by this lesson. */
    keyTerms: z.array(z.string()).default([]),
    /**
     * The article this lesson reads, for a lesson whose id is not an article id: a unit such as
     * the opening "Reading sources about extremism". Its page shows that article's source link
     * and About this source.
     */
    source: z.string().optional(),
  }),
});

const modules = defineCollection({
  loader: file('content/modules.yaml'),
  schema: z.object({
    /** Stable module id used in URLs. */
    id: z.string(),
    /** Position in the course: 1, 2, …; 0 for an opening unit before the numbered modules. */
    order: z.number().int().nonnegative(),
    /** How the outline names it; defaults to "Module <order>". */
    label: z.string().optional(),
    title: z.string(),
    /** A short introduction: what the module covers and why it matters. */
    intro: z.string(),
    /** Article ids, in the order they should be studied. */
    lessons: z.array(z.string()).min(1),
  }),
});

const quizzes = defineCollection({
  loader: quizLoader({ dir: 'content/quizzes' }),
  schema: z.object({
    /** The validated question, as published: option ids derived from their text (src/questions/ids.ts). */
    question: questionSchema,
    /** Content hash of the question as authored: editing it resets saved progress for it alone. */
    hash: z.string(),
    /** Authored option handle → published id, to carry over responses saved under the handles. */
    renamed: z.record(z.string(), z.string()),
    /** The bank file it came from, for messages. */
    file: z.string(),
  }),
});

const about = defineCollection({
  loader: aboutLoader({ file: 'content/about-sources.yaml' }),
  schema: aboutSchema,
});

const pool = defineCollection({
  loader: poolLoader({ dir: POOL_DIR }),
  schema: z.object({
    /** The validated question. */
    question: questionSchema,
    /** Content hash, as for bank questions. */
    hash: z.string(),
    /** Module id (the file's name). */
    module: z.string(),
    /** The pool file it came from, for messages. */
    file: z.string(),
    /** Further evidence, e.g. from the other article an item compares. */
    also: z.array(poolQuoteSchema),
    /** Whether the item sets a new case to reason about. */
    scenario: z.boolean(),
  }),
});

const glossary = defineCollection({ loader: file('content/glossary.yaml'), schema: glossaryTermSchema });
const timeline = defineCollection({ loader: file('content/timeline.yaml'), schema: timelineEventSchema });
const assessment = defineCollection({
  loader: file('content/assessment.yaml', { parser: (text) => [{ id: 'final', ...parseYaml(text) }] }),
  schema: assessmentSchema.extend({ id: z.string() }),
});

export const collections = {
  articles,
  lessons,
  modules,
  quizzes,
  about,
  pool,
  glossary,
  timeline,
  assessment,
};
