/**
 * Pure: no DOM, no framework, no zod at runtime (the student's result page reads this).
 *
 * A student's graded attempt, sent back by the instructor: as a file (`eoc-result`, JSON) or as a
 * link, `/assignment/result/#EOCR1-…` (the same JSON packed like assignment links; the part after
 * "#" never reaches a server). It holds ONE student's counted attempt and nothing about anyone
 * else: each question's prompt, the answer as given, the score, the instructor's comment, and the
 * key when the instructor chose to include it. It is made on the instructor's side from the
 * regraded attempt, so the result page needs no question bank and no key of its own.
 *
 * `check` is a content hash that catches a link cut short or a file damaged in transit. Like the
 * submission checksum it is not a signature: a student could make a link showing any score, so the
 * instructor's gradebook, not a result link, is the record of the grade.
 */
import { contentHash } from '../quiz/hash.ts';
import { packJson, unpackJson } from '../assign/pack.ts';
import { MAX_DEPTH, shapeProblem } from '../submission/limits.ts';
import { readJson } from '../read-json.ts';
import { fileSlug } from '../submission/core.ts';
import type { AttemptDetail } from './attempt.ts';
import type { GradebookRow } from './grade.ts';

export const RESULT_KIND = 'eoc-result';
export const RESULT_PREFIX = 'EOCR1-';
/** Site-relative path of the page that shows a result. */
export const RESULT_PATH = '/assignment/result/';

export interface ResultAnswer {
  n: number;
  prompt: string;
  /** The answer as the student gave it, in words. */
  given: string;
  /** 0..1. */
  score: number;
  /** The key in words, when the instructor includes keys. */
  key?: string;
  /** The instructor's comment on this question. */
  comment?: string;
}

export interface StudentResult {
  kind: typeof RESULT_KIND;
  v: 1;
  assignment: { id: string; title: string };
  student: { name: string; id?: string };
  attempt: { number: number; of: number; submittedAt: string };
  score: { points: number; max: number; percent: number };
  /** Handed in after the due date (as the gradebook recomputed it). */
  late: boolean;
  /** The instructor's comment on the whole attempt. */
  comment?: string;
  answers: ResultAnswer[];
  /** `contentHash` of everything else. */
  check: string;
}

const round = (n: number): number => Math.round(n * 10_000) / 10_000;

/** The result of `row`'s counted attempt (`detail`). `includeKey`: show the key beside each answer. */
export function buildResult(
  row: GradebookRow,
  detail: AttemptDetail,
  assignment: { id: string; title: string },
  includeKey: boolean,
): StudentResult {
  const body: Omit<StudentResult, 'check'> = {
    kind: RESULT_KIND,
    v: 1,
    assignment: { id: assignment.id, title: assignment.title },
    student: row.id ? { name: row.name, id: row.id } : { name: row.name },
    attempt: { number: detail.number, of: detail.of, submittedAt: detail.attempt.submittedAt },
    score: { points: round(row.points), max: row.maxPoints, percent: round(row.score) },
    late: row.late,
    ...(row.comment ? { comment: row.comment } : {}),
    answers: detail.answers.map((a) => ({
      n: a.n,
      prompt: a.question.prompt,
      given: a.given,
      score: round(a.score),
      ...(includeKey ? { key: a.key } : {}),
      ...(a.override?.comment ? { comment: a.override.comment } : {}),
    })),
  };
  return { ...body, check: contentHash(body) };
}

/** The result as a link code: `EOCR1-` + base64url(deflate(stable JSON)). */
export function resultToCode(result: StudentResult): string {
  return RESULT_PREFIX + packJson(result);
}

/** The result as a file's text. */
export function resultToJson(result: StudentResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** `<student>-result-<assignment id>.json`. */
export function resultFileName(result: StudentResult): string {
  return `${fileSlug(result.student.name)}-result-${result.assignment.id}.json`;
}

/** File names for several results, made unique ("ana-result-….json", "ana-result-…-2.json"). */
export function resultFileNames(results: readonly StudentResult[]): string[] {
  const seen = new Map<string, number>();
  return results.map((result) => {
    const name = resultFileName(result);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : name.replace(/\.json$/, `-${n}.json`);
  });
}

export type ParseResultResult = { ok: true; result: StudentResult } | { ok: false; message: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 20_000): v is string => typeof v === 'string' && v.length <= max;
const isScore = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function checkAnswer(value: unknown): value is ResultAnswer {
  if (!isRecord(value)) return false;
  return (
    typeof value['n'] === 'number' &&
    isText(value['prompt']) &&
    isText(value['given']) &&
    isScore(value['score']) &&
    (value['key'] === undefined || isText(value['key'])) &&
    (value['comment'] === undefined || isText(value['comment']))
  );
}

function isResult(value: unknown): value is StudentResult {
  if (!isRecord(value) || value['kind'] !== RESULT_KIND || value['v'] !== 1) return false;
  const { assignment, student, attempt, score, answers } = value;
  return (
    isRecord(assignment) &&
    isText(assignment['id'], 100) &&
    isText(assignment['title'], 200) &&
    isRecord(student) &&
    isText(student['name'], 200) &&
    (student['id'] === undefined || isText(student['id'], 200)) &&
    isRecord(attempt) &&
    typeof attempt['number'] === 'number' &&
    typeof attempt['of'] === 'number' &&
    isText(attempt['submittedAt'], 40) &&
    isRecord(score) &&
    isScore(score['points']) &&
    isScore(score['max']) &&
    isScore(score['percent']) &&
    typeof value['late'] === 'boolean' &&
    (value['comment'] === undefined || isText(value['comment'])) &&
    Array.isArray(answers) &&
    answers.length <= 500 &&
    answers.every(checkAnswer) &&
    typeof value['check'] === 'string'
  );
}

/**
 * A result link (or the code after its "#"), or a result file's text → the result, or a sentence
 * saying what is wrong. Never throws.
 */
export function parseResult(text: string, maxBytes = 1_000_000): ParseResultResult {
  const fail = (message: string): ParseResultResult => ({ ok: false, message });
  try {
    if (typeof text !== 'string' || text.trim() === '') return fail('There is no result here.');
    if (text.length > maxBytes) return fail('This is too large to be a result.');
    let body = text.replace(/^\uFEFF/, '').trim();
    const hash = body.indexOf('#');
    if (hash >= 0 && !body.startsWith('{')) body = body.slice(hash + 1);
    let value: unknown;
    if (body.toUpperCase().startsWith(RESULT_PREFIX)) {
      const unpacked = unpackJson(body.slice(RESULT_PREFIX.length).replace(/\s+/g, ''), maxBytes);
      if (!unpacked.ok)
        return fail(`This result link cannot be read: ${unpacked.message}. Ask for it again, copied whole.`);
      value = unpacked.value;
    } else if (body.startsWith('{')) {
      const read = readJson(body, { maxChars: maxBytes, maxDepth: MAX_DEPTH });
      if (!read.ok) {
        return fail(
          read.reason === 'invalid-json'
            ? 'This file is not a result: it is not valid JSON.'
            : 'This is not a result link or file from your teacher.',
        );
      }
      value = read.value;
    } else {
      return fail('This is not a result link or file from your teacher.');
    }
    if (shapeProblem(value)) return fail('This is not a result link or file from your teacher.');
    if (!isResult(value)) return fail('This is not a result link or file from your teacher.');
    const { check, ...rest } = value;
    if (contentHash(rest) !== check) {
      return fail('This result was changed or damaged on the way. Ask your teacher to send it again.');
    }
    return { ok: true, result: value };
  } catch {
    return fail('This result cannot be read. Ask your teacher to send it again.');
  }
}
