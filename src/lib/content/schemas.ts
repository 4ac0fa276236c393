/**
 * Schemas of the authored course data that is not a question: glossary terms, timeline events and
 * the final assessment. Shared by content.config.ts (the build) and the content tests.
 */
import { z } from 'astro/zod';

/** A place in a source article: the lesson (article id) and a paragraph anchor. */
export const sourceRefSchema = z.strictObject({
  /** Article id of the lesson. */
  lesson: z.string().min(1),
  /** Paragraph id in that article, e.g. `p12`. */
  paragraph: z.string().regex(/^p\d+$/, 'Paragraph ids look like "p12"'),
});

export const glossaryTermSchema = z.strictObject({
  /** Stable id, used by `<Term id="…">` in lessons: lowercase, hyphenated. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** The term as it is usually written. */
  term: z.string().min(1),
  /** Other spellings or forms, e.g. `Takfir`, `PSCs`. */
  aliases: z.array(z.string()).default([]),
  /** A definition in our own words, one to three sentences. */
  definition: z.string().min(20),
  /** Where the term appears in the sources; the first is the main reference. */
  appearsIn: z.array(sourceRefSchema).min(1),
});

export const timelineEventSchema = z.strictObject({
  /** Stable id. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precise as the source allows. */
  date: z.preprocess(
    // YAML 1.1 readers turn an unquoted 2013-01-11 into a Date; keep the author's precision instead.
    (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : v),
    z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Use YYYY, YYYY-MM or YYYY-MM-DD'),
  ),
  /** A short title. */
  title: z.string().min(3),
  /** One or two sentences in our own words. */
  description: z.string().min(10),
  /** The source paragraph the date comes from. */
  source: sourceRefSchema,
  /** Verbatim words from that paragraph that give the date and the event. */
  quote: z.string().min(8),
  /** When other reporting dates the event differently: that date, and why the source's is doubted. */
  disputed: z
    .strictObject({
      /** The date other reporting gives, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
      otherDate: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Use YYYY, YYYY-MM or YYYY-MM-DD'),
      /** One or two sentences, carefully phrased. */
      note: z.string().min(20),
    })
    .optional(),
});

export const assessmentSchema = z.strictObject({
  title: z.string(),
  /** What the assessment covers and how to use it. */
  intro: z.string(),
  /** Item ids from the assessment pool (content/assessment/pool/), grouped by module id. */
  sections: z.array(z.strictObject({ module: z.string(), questions: z.array(z.string()).min(1) })).min(1),
});

export type GlossaryTerm = z.output<typeof glossaryTermSchema>;
export type TimelineEvent = z.output<typeof timelineEventSchema>;
export type Assessment = z.output<typeof assessmentSchema>;
