/**
 * String ⇄ `Progress`: the only way progress enters or leaves storage.
 *
 * Data flow: raw string (localStorage or import file) → `readJson` (size and
 * depth limits, then JSON; src/lib/read-json.ts) → `upgradeProgress`
 * (identify kind/version, run migrations in order) → validate with
 * `ProgressSchema` (schema.ts) → `Progress`. `encodeProgress` is the way back.
 *
 * `decodeProgress` is total: whatever is in storage, the app must start. It
 * never throws. When it cannot carry every byte through — unreadable text,
 * invalid entries, a key written twice — it returns what it could use plus a
 * `problem`, and the store keeps the raw text as a backup and tells the
 * learner. Fields it does not know are not a problem: they are carried through.
 * `parseProgressFile` (import.ts) shares the same pipeline but is strict.
 */
import { describePath, readJson, type JsonLimits, type JsonPath, type UnkeptKey } from '../read-json.ts';
import { PROGRESS_LIMITS } from './keys.ts';
import {
  AttemptSchema,
  CURRENT_VERSION,
  EpochMsSchema,
  JsonSchema,
  KNOWN_FIELDS,
  LessonProgressSchema,
  PROGRESS_KIND,
  ProgressSchema,
  UNKNOWN_HASH,
  emptyProgress,
  isProgressId,
  check,
  type Attempt,
  type Issue,
  type Json,
  type LessonProgress,
  type Progress,
  type QuestionProgress,
} from './schema.ts';

/** Limits on stored progress, checked before anything recursive runs (see keys.ts). */
export const STORED_LIMITS: JsonLimits = PROGRESS_LIMITS;

/**
 * Why a decode did not simply succeed; lets the UI pick a message.
 * - `invalid-json`: not JSON at all.
 * - `wrong-kind`: JSON, but not a progress document.
 * - `unsupported-version`: a progress document with a nonsense version.
 * - `future-version`: written by a newer version of the course than this one.
 * - `invalid`: right kind and version, but too broken to salvage.
 * - `salvaged`: some entries were invalid and dropped; the rest was kept.
 * - `too-large` / `too-deep`: beyond `STORED_LIMITS`, so not parsed at all.
 * - `unkept-keys`: read whole, but an object repeats a key (only the last
 *   value survives parsing) or holds `__proto__`.
 */
export type DecodeReason =
  | 'invalid-json'
  | 'too-large'
  | 'too-deep'
  | 'wrong-kind'
  | 'unsupported-version'
  | 'future-version'
  | 'invalid'
  | 'salvaged'
  | 'unkept-keys';

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
  const { v: _v, answers = {}, ...unknown } = doc;
  let questions: unknown = answers;
  let updatedAt = 0;
  if (isPlainObject(answers)) {
    questions = Object.fromEntries(
      Object.entries(answers).map(([qid, answer]) => {
        if (!isPlainObject(answer)) return [qid, answer];
        const { at, response = null, score, ...extra } = answer;
        if (typeof at === 'number' && Number.isFinite(at)) updatedAt = Math.max(updatedAt, at);
        // Fields the prototype may have added to an answer are carried into its attempt.
        const attempt = { ...extra, at, response, score, hash: UNKNOWN_HASH };
        return [qid, { hash: UNKNOWN_HASH, attempts: [attempt] }];
      }),
    );
  }
  return {
    ...unknown,
    kind: PROGRESS_KIND,
    version: 1,
    lessons: {},
    questions,
    reviews: {},
    updatedAt,
  };
}

/**
 * Identify a parsed JSON value and bring it to the current version. Returns
 * the migrated but NOT yet validated document.
 */
export function upgradeProgress(json: unknown): { ok: true; doc: Record<string, unknown> } | Failure {
  if (!isPlainObject(json)) {
    return {
      ok: false,
      reason: 'wrong-kind',
      message: 'Not a progress file: the top level is not a JSON object.',
    };
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

const RECORD_FIELDS: ReadonlySet<string> = new Set(['lessons', 'questions', 'reviews']);

/** `['questions', 'mali-q03', 'attempts', 2, 'score']` → `questions["mali-q03"].attempts[2].score`. */
export function formatPath(path: JsonPath): string {
  return describePath(path, RECORD_FIELDS);
}

/** One line per issue, `path: what was expected`. */
export function describeIssues(issues: readonly Issue[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path)}: ${issue.text}`);
}

/** One line per key that parsing could not keep. */
export function describeUnkept(unkept: readonly UnkeptKey[]): string[] {
  return unkept.map(({ path, key, why }) =>
    why === 'repeated'
      ? `${formatPath(path)}: the key ${JSON.stringify(key)} appears more than once`
      : `${formatPath(path)}: the key ${JSON.stringify(key)} cannot be kept`,
  );
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
  const read = readJson(raw, STORED_LIMITS);
  if (!read.ok) {
    const message =
      read.reason === 'too-deep' ? `Nested too deep at ${formatPath(read.path ?? [])}.` : read.message;
    return fail({ ok: false, reason: read.reason, message });
  }
  const upgraded = upgradeProgress(read.value);
  if (!upgraded.ok) return fail(upgraded);

  const result = check(ProgressSchema, upgraded.doc);
  if (result.ok) {
    if (read.unkept.length === 0) return { state: result.value };
    return {
      state: result.value,
      problem: `Keys that could not be kept: ${summarise(describeUnkept(read.unkept))}`,
      reason: 'unkept-keys',
    };
  }

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

/**
 * Whether decoding `raw` reports a problem, i.e. whether a page showing progress must say
 * something. The same steps as `decodeProgress` without building a document or a message, so
 * that src/client/intent.ts, inlined in every lesson page, carries no more than it needs.
 */
export function needsNotice(raw: string | null | undefined): boolean {
  if (raw === null || raw === undefined || raw === '') return false;
  try {
    const read = readJson(raw, STORED_LIMITS);
    if (!read.ok || read.unkept.length > 0) return true;
    const upgraded = upgradeProgress(read.value);
    return !upgraded.ok || !check(ProgressSchema, upgraded.doc).ok;
  } catch {
    return true;
  }
}

function fail(failure: Failure): DecodeResult {
  return { state: emptyProgress(), problem: failure.message, reason: failure.reason };
}

/**
 * Keep every entry that is valid on its own; drop the rest. Only attempted
 * when the document's skeleton (kind, version, the three maps) is intact —
 * anything deeper would be guessing. Fields this version does not know are
 * kept. Returns undefined when not salvageable.
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
    const parsed = check(LessonProgressSchema, entry);
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
      const parsed = check(AttemptSchema, attempt);
      if (parsed.ok) {
        attempts.push(parsed.value);
        newest = Math.max(newest, parsed.value.at);
      }
    }
    // A question whose every attempt was invalid carries nothing worth keeping.
    if (attemptsIn.length > 0 && attempts.length === 0) continue;
    questions.push([id, { ...unknownFields(entry, KNOWN_FIELDS.question), hash, attempts }]);
  }

  const reviews: [string, Json][] = [];
  for (const [id, card] of Object.entries(reviewsIn)) {
    const parsed = check(JsonSchema, card);
    if (isProgressId(id) && parsed.ok) reviews.push([id, parsed.value]);
  }

  const updatedAt = check(EpochMsSchema, doc['updatedAt']);
  const candidate = {
    ...unknownFields(doc, KNOWN_FIELDS.progress),
    kind: PROGRESS_KIND,
    version: CURRENT_VERSION,
    lessons: Object.fromEntries(lessons),
    questions: Object.fromEntries(questions),
    reviews: Object.fromEntries(reviews),
    updatedAt: updatedAt.ok ? updatedAt.value : newest,
  };
  // Re-validate rather than trust the assembly above.
  const checked = check(ProgressSchema, candidate);
  return checked.ok ? checked.value : undefined;
}

/** The fields of `record` that are not in `known`. */
function unknownFields(record: Record<string, unknown>, known: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !known.includes(key)));
}

/** Serialise for storage (compact) or for an export file (`pretty`). */
export function encodeProgress(state: Progress, options: { pretty?: boolean } = {}): string {
  return JSON.stringify(state, null, options.pretty ? 2 : undefined);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
