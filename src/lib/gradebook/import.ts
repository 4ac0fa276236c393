/**
 * Pure: no DOM, no framework.
 *
 * What the gradebook does with the files and codes an instructor hands it, before grading:
 * 1. every input is read on its own (`parseSubmission`: size and nesting limits first, then the
 *    format and the checksum); a bad one is reported with its source and reason, and the rest load;
 * 2. the assignment — id, fingerprint and question list — is the one in the instructor's link when
 *    it is given. Without the link it is what most files agree on (same id, fingerprint and list);
 *    `assignment.from` and the counts say so, for the page to show. A file cannot decide the list
 *    for everyone else: that is what let one forged file with five extra questions halve every
 *    honest score;
 * 3. every file is checked against that assignment: another id is `other-assignment`, the same id
 *    with another list is `question-list` (a file carries its assignment's list, so it was edited).
 *
 * `readInputs` and `sortOutInputs` are the two halves, so a page can read each file once as it
 * arrives and sort everything out again when the link changes.
 */
import {
  expectationProblem,
  parseSubmission,
  type ExpectedAssignment,
  type ParseSubmissionResult,
  type Submission,
  type SubmissionProblem,
} from '../submission/submission.ts';

export interface ImportInput {
  /** File name, or "pasted code 3". */
  source: string;
  text: string;
}

export interface ImportProblem {
  source: string;
  problem: SubmissionProblem;
  message: string;
}

/** One input, read. */
export interface ReadInput {
  source: string;
  result: ParseSubmissionResult;
}

/** The assignment every file is graded against, and where it came from. */
export interface ReferenceAssignment {
  id: string;
  fingerprint?: string | undefined;
  title?: string | undefined;
  /** The question list; absent only for an expectation that gave none. */
  questions?: readonly string[] | undefined;
  /** `link`: the instructor's link. `files`: what most readable files agree on. */
  from: 'link' | 'files';
  /** Readable files that match it, and readable files in all. */
  agreeing: number;
  readable: number;
}

export interface ImportResult {
  submissions: { source: string; submission: Submission }[];
  problems: ImportProblem[];
  /** The assignment everything was checked against, or null when nothing was readable. */
  assignment: ReferenceAssignment | null;
}

export interface ImportOptions {
  /** From the instructor's assignment link (fingerprint from the current bank). */
  expect?: (ExpectedAssignment & { title?: string | undefined }) | undefined;
  maxBytes?: number;
}

/** Step 1: read every input on its own. Never throws. */
export function readInputs(inputs: readonly ImportInput[], maxBytes = 1_000_000): ReadInput[] {
  return inputs.map((input) => ({
    source: input.source,
    result: parseSubmission(input.text, { source: input.source, maxBytes }),
  }));
}

const groupKey = (a: Submission['assignment']): string =>
  `${a.id}\u0000${a.fingerprint}\u0000${a.questions.join('\u0001')}`;

/** Step 2 and 3: choose the assignment (the link, else the majority) and check every file against it. */
export function sortOutInputs(read: readonly ReadInput[], expect?: ImportOptions['expect']): ImportResult {
  const problems: ImportProblem[] = [];
  const readable: { source: string; submission: Submission }[] = [];
  for (const { source, result } of read) {
    if (result.ok) readable.push({ source, submission: result.submission });
    else problems.push({ source, problem: result.problem, message: result.message });
  }

  let reference: ExpectedAssignment & { title?: string | undefined };
  let from: ReferenceAssignment['from'];
  if (expect) {
    reference = expect;
    from = 'link';
  } else {
    // The largest group of files that agree on id, fingerprint and list; on a tie, the first read.
    const counts = new Map<string, { count: number; first: Submission['assignment'] }>();
    for (const { submission } of readable) {
      const key = groupKey(submission.assignment);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { count: 1, first: submission.assignment });
    }
    let best: { count: number; first: Submission['assignment'] } | undefined;
    for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
    if (!best) return { submissions: [], problems, assignment: null };
    reference = { ...best.first, questions: best.first.questions.slice() };
    from = 'files';
  }

  const submissions: ImportResult['submissions'] = [];
  for (const entry of readable) {
    const mismatch = expectationProblem(entry.submission, reference);
    if (mismatch) {
      problems.push({
        source: entry.source,
        problem: mismatch.problem,
        message: `${entry.source}: ${mismatch.message}`,
      });
    } else {
      submissions.push(entry);
    }
  }
  // Problems in the order the inputs came, whichever step found them.
  const order = new Map(read.map((r, i) => [r.source, i]));
  problems.sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0));
  return {
    submissions,
    problems,
    assignment: {
      id: reference.id,
      fingerprint: reference.fingerprint,
      title: reference.title ?? submissions[0]?.submission.assignment.title,
      questions: reference.questions,
      from,
      agreeing: submissions.length,
      readable: readable.length,
    },
  };
}

/** Read every input and check it against the assignment; see the module comment. Never throws. */
export function importSubmissions(inputs: readonly ImportInput[], options: ImportOptions = {}): ImportResult {
  return sortOutInputs(readInputs(inputs, options.maxBytes), options.expect);
}
