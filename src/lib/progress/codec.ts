/**
 * String ⇄ `Progress`: the only way progress enters or leaves storage.
 *
 * Data flow: raw string (localStorage or import file) → `parseJson` →
 * `upgradeProgress` (identify kind/version, run migrations in order) →
 * validate with `checkProgress` (check.ts: the zod-free mirror of
 * `ProgressSchema`, so that pages do not ship zod) → `Progress`.
 * `encodeProgress` is the way back.
 *
 * `decodeProgress` is total: whatever is in storage, the app must start. It
 * never throws; when it cannot use the data it returns an empty document plus a
 * `problem`, and the store keeps the raw text as a backup. It salvages only
 * what is simple and safe (dropping individual invalid entries), and says so.
 * `parseProgressFile` (import.ts) shares the same pipeline but is strict.
 */
import {
  CURRENT_VERSION,
  PROGRESS_KIND,
  UNKNOWN_HASH,
  checkAttempt,
  checkEpochMs,
  checkJson,
  checkLessonProgress,
  checkProgress,
  emptyProgress,
  isProgressId,
} from './check.ts';
import type { Attempt, LessonProgress, Progress, QuestionProgress } from './schema.ts';

/**
 * Why a decode did not simply succeed; lets the UI pick a message.
 * - `invalid-json`: not JSON at all.
 * - `wrong-kind`: JSON, but not a progress document.
 * - `unsupported-version`: a progress document with a nonsense version.
 * - `future-version`: written by a newer version of the course than this one.
 * - `invalid`: right kind and version, but too broken to salvage.
 * - `salvaged`: some entries were invalid and dropped; the rest was kept.
 */
export type DecodeReason =
  'invalid-json' | 'wrong-kind' | 'unsupported-version' | 'future-version' | 'invalid' | 'salvaged';

export interface DecodeResult {
  /** Always a valid document, possibly empty. */
  state: Progress;
  /** Technical description of what went wrong (for logs); absent when all was fine. */
  problem?: string;
  /** Present exactly when `problem` is. */
  reason?: DecodeReason;
}

export type Failure = { ok: false; reason: DecodeReason; message: string };

/**
 * The version-0 prototype format, kept only so old browsers' data migrates:
 * one entry per question holding the latest answer, no question hashes, no
 * lessons, no `kind` marker.
 */
export interface ProgressV0 {
  v: 0;
  answers: Record<string, { score: number; at: number; response: unknown }>;
}

/**
 * Ordered migrations: `MIGRATIONS[n]` turns a version-n document into version
 * n+1. Each is a pure structural rewrite of parsed JSON; they do not validate
 * (invalid values are carried over so the final validation reports them with
 * their path) and must not throw on odd input.
 */
export const MIGRATIONS: readonly ((doc: Record<string, unknown>) => Record<string, unknown>)[] = [
  migrateV0toV1,
];

// A migration per version step is what makes `version` meaningful; fail loudly
// at load time (in tests) if someone bumps the version without adding one.
if (MIGRATIONS.length !== CURRENT_VERSION) {
  throw new Error(`codec: ${MIGRATIONS.length} migrations for version ${CURRENT_VERSION}`);
}

/**
 * 0 → 1: each prototype answer becomes a one-attempt history. The prototype
 * did not know question versions, so attempts get `UNKNOWN_HASH`: kept, but
 * never mistaken for an answer to the current wording.
 */
function migrateV0toV1(doc: Record<string, unknown>): Record<string, unknown> {
  const answers = doc['answers'] ?? {};
  let questions: unknown = answers;
  let updatedAt = 0;
  if (isPlainObject(answers)) {
    questions = Object.fromEntries(
      Object.entries(answers).map(([qid, answer]) => {
        if (!isPlainObject(answer)) return [qid, answer];
        const at = answer['at'];
        if (typeof at === 'number' && Number.isFinite(at)) updatedAt = Math.max(updatedAt, at);
        const attempt = {
          at,
          response: answer['response'] ?? null,
          score: answer['score'],
          hash: UNKNOWN_HASH,
        };
        return [qid, { hash: UNKNOWN_HASH, attempts: [attempt] }];
      }),
    );
  }
  return {
    kind: PROGRESS_KIND,
    version: 1,
    lessons: {},
    questions,
    reviews: {},
    updatedAt,
  };
}

/** JSON.parse that reports where it failed (line/column) when the engine tells us. */
export function parseJson(text: string): { ok: true; json: unknown } | Failure {
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: 'invalid-json', message: describeJsonError(text, error) };
  }
}

function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // V8 and Firefox both say "line L column C" in some messages; V8 otherwise
  // gives "position N". Safari gives neither, so the fallback has no location.
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return `Not valid JSON at line ${lineCol[1]}, column ${lineCol[2]}.`;
  const position = /position (\d+)/.exec(message);
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset).split('\n');
    const line = before.length;
    const column = (before[before.length - 1]?.length ?? 0) + 1;
    return `Not valid JSON at line ${line}, column ${column}.`;
  }
  return 'Not valid JSON.';
}

/**
 * Identify a parsed JSON value and bring it to the current version. Returns
 * the migrated but NOT yet validated document.
 */
export function upgradeProgress(json: unknown): { ok: true; doc: Record<string, unknown> } | Failure {
  if (!isPlainObject(json)) {
    return { ok: false, reason: 'wrong-kind', message: 'Not a progress file: expected a JSON object.' };
  }
  let version: number;
  if (json['kind'] === undefined && json['v'] === 0) {
    version = 0;
  } else if (json['kind'] !== PROGRESS_KIND) {
    const kind = json['kind'];
    return {
      ok: false,
      reason: 'wrong-kind',
      message:
        kind === undefined
          ? `Not a progress file: "kind" is missing (expected "${PROGRESS_KIND}").`
          : `Not a progress file: "kind" is ${JSON.stringify(kind)} (expected "${PROGRESS_KIND}").`,
    };
  } else {
    const v = json['version'];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
      return {
        ok: false,
        reason: 'unsupported-version',
        message: `Unsupported progress version ${JSON.stringify(v) ?? 'undefined'}.`,
      };
    }
    if (v > CURRENT_VERSION) {
      return {
        ok: false,
        reason: 'future-version',
        message: `Progress version ${v} comes from a newer version of the course; this one reads up to version ${CURRENT_VERSION}.`,
      };
    }
    version = v;
  }
  let doc: Record<string, unknown> = json;
  for (let step = version; step < CURRENT_VERSION; step++) {
    const migrate = MIGRATIONS[step];
    if (migrate) doc = migrate(doc);
  }
  return { ok: true, doc };
}

const RECORD_FIELDS = new Set(['lessons', 'questions', 'reviews']);

/** `['questions', 'mali-q03', 'attempts', 2, 'score']` → `questions["mali-q03"].attempts[2].score`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  path.forEach((segment, i) => {
    const name = String(segment);
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (i === 1 && RECORD_FIELDS.has(String(path[0]))) out += `[${JSON.stringify(name)}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(name)) out += (out ? '.' : '') + name;
    else out += `[${JSON.stringify(name)}]`;
  });
  return out || '(document)';
}

/**
 * One line per issue, `path: what was expected`. Takes zod's issues (import.ts)
 * and check.ts's, whose messages follow zod's English wording:
 * `Invalid input: expected number, received string` → `expected number`;
 * `Invalid input` (a value that is not JSON) → `expected a JSON value`.
 */
export function describeIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix: readonly PropertyKey[] = [],
): string[] {
  return issues.map((issue) => {
    const what =
      issue.message === 'Invalid input'
        ? 'expected a JSON value'
        : issue.message
            .replace(/^Invalid input: (expected [^,]*), received .*$/s, '$1')
            .replace(/^Invalid input: /, '');
    return `${formatPath([...prefix, ...issue.path])}: ${what}`;
  });
}

const MAX_LISTED_ISSUES = 5;

function summarise(lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_LISTED_ISSUES).join('; ');
  const more = lines.length - MAX_LISTED_ISSUES;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

/**
 * Decode a stored string. Total: never throws, always returns a valid state.
 * `null`, `undefined` and `''` mean "nothing saved yet" and are not a problem.
 */
export function decodeProgress(raw: string | null | undefined): DecodeResult {
  try {
    return decodeOrThrow(raw);
  } catch (error) {
    // Nothing below is expected to throw, but a stack overflow on absurdly
    // nested JSON is possible; the app must start regardless.
    let detail = 'unknown error';
    try {
      detail = error instanceof Error ? error.message : String(error);
    } catch {
      // keep 'unknown error'
    }
    return { state: emptyProgress(), problem: `Could not decode progress: ${detail}`, reason: 'invalid' };
  }
}

function decodeOrThrow(raw: string | null | undefined): DecodeResult {
  if (raw === null || raw === undefined || raw === '') return { state: emptyProgress() };
  const parsed = parseJson(raw);
  if (!parsed.ok) return fail(parsed);
  const upgraded = upgradeProgress(parsed.json);
  if (!upgraded.ok) return fail(upgraded);

  const result = checkProgress(upgraded.doc);
  if (result.ok) return { state: result.value };

  const issues = describeIssues(result.issues);
  const salvaged = salvage(upgraded.doc);
  if (salvaged) {
    return {
      state: salvaged,
      problem: `Dropped invalid entries: ${summarise(issues)}`,
      reason: 'salvaged',
    };
  }
  return { state: emptyProgress(), problem: `Invalid progress: ${summarise(issues)}`, reason: 'invalid' };
}

function fail(failure: Failure): DecodeResult {
  return { state: emptyProgress(), problem: failure.message, reason: failure.reason };
}

/**
 * Keep every entry that is valid on its own; drop the rest. Only attempted
 * when the document's skeleton (kind, version, the three maps) is intact —
 * anything deeper would be guessing. Returns undefined when not salvageable.
 */
function salvage(doc: Record<string, unknown>): Progress | undefined {
  const lessonsIn = doc['lessons'] ?? {};
  const questionsIn = doc['questions'] ?? {};
  const reviewsIn = doc['reviews'] ?? {};
  if (!isPlainObject(lessonsIn) || !isPlainObject(questionsIn) || !isPlainObject(reviewsIn)) {
    return undefined;
  }

  const lessons: [string, LessonProgress][] = [];
  for (const [id, entry] of Object.entries(lessonsIn)) {
    const parsed = checkLessonProgress(entry);
    if (isProgressId(id) && parsed.ok) lessons.push([id, parsed.value]);
  }

  let newest = 0;
  const questions: [string, QuestionProgress][] = [];
  for (const [id, entry] of Object.entries(questionsIn)) {
    if (!isProgressId(id) || !isPlainObject(entry)) continue;
    const hash = entry['hash'];
    const attemptsIn = entry['attempts'];
    if (typeof hash !== 'string' || !Array.isArray(attemptsIn)) continue;
    const attempts: Attempt[] = [];
    for (const attempt of attemptsIn) {
      const parsed = checkAttempt(attempt);
      if (parsed.ok) {
        attempts.push(parsed.value);
        newest = Math.max(newest, parsed.value.at);
      }
    }
    // A question whose every attempt was invalid carries nothing worth keeping.
    if (attemptsIn.length > 0 && attempts.length === 0) continue;
    questions.push([id, { hash, attempts }]);
  }

  const reviews: [string, Progress['reviews'][string]][] = [];
  for (const [id, card] of Object.entries(reviewsIn)) {
    const parsed = checkJson(card);
    if (isProgressId(id) && parsed.ok) reviews.push([id, parsed.value]);
  }

  const updatedAt = checkEpochMs(doc['updatedAt']);
  const candidate = {
    kind: PROGRESS_KIND,
    version: CURRENT_VERSION,
    lessons: Object.fromEntries(lessons),
    questions: Object.fromEntries(questions),
    reviews: Object.fromEntries(reviews),
    updatedAt: updatedAt.ok ? updatedAt.value : newest,
  };
  // Re-validate rather than trust the assembly above.
  const checked = checkProgress(candidate);
  return checked.ok ? checked.value : undefined;
}

/** Serialise for storage (compact) or for an export file (`pretty`). */
export function encodeProgress(state: Progress, options: { pretty?: boolean } = {}): string {
  return JSON.stringify(state, null, options.pretty ? 2 : undefined);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
