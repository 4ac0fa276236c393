/**
 * Pure: no DOM, no framework, no zod at runtime.
 *
 * An assignment as a SCORM 1.2 package (a zip an LMS runs as one SCO):
 * - `imsmanifest.xml` (IMS CP 1.1.2 + ADL CP 1.2) listing every file, with the four SCORM 1.2
 *   schema files beside it;
 * - `index.html`, the launch page, which loads only files inside the package:
 *   `assignment.js` (the spec and its questions, keys included), `player.js` and `player.css`.
 *
 * The player and the schema files are the same for every assignment: the "kit", built once by
 * `src/scorm/kit.ts` (at site build for the builder page, on the fly for the CLI). This module
 * only adds what is per-assignment, so the builder and `npm run export -- --format scorm` give the
 * same bytes for the same assignment, kit and date.
 */
import type { Question } from '../../questions/index.ts';
import type { AssignmentSpec } from '../assign/spec.ts';
import { el, escapeHtml, xmlDocument } from '../export/xml.ts';
import { zipFiles } from '../export/zip.ts';

/** Files every package carries (player and SCORM 1.2 schemas). */
export interface ScormKit {
  v: 1;
  files: { path: string; content: string }[];
}

/** Where the built site serves the kit (`src/integrations/scorm.ts` writes it). */
export const SCORM_KIT_PATH = '/instructor/scorm-kit.json';

/** The kit's player files: the launch page loads them in this order. */
export const PLAYER_SCRIPT = 'player.js';
export const PLAYER_STYLES = 'player.css';
/** The per-assignment data script: sets `globalThis.scormAssignment` (see `PackagedAssignment`). */
export const DATA_SCRIPT = 'assignment.js';

/** The SCORM 1.2 schema files a package ships beside its manifest. */
export const SCHEMA_FILES = [
  'imscp_rootv1p1p2.xsd',
  'adlcp_rootv1p2.xsd',
  'imsmd_rootv1p2p1.xsd',
  'ims_xml.xsd',
];

/** Largest package this course writes: LMS upload limits start around here, and ours are ~100 KB. */
export const MAX_PACKAGE_BYTES = 10 * 1024 * 1024;

/** What `assignment.js` holds: the spec and its questions in spec order, with content hashes. */
export interface PackagedAssignment {
  v: 1;
  spec: AssignmentSpec;
  questions: { id: string; hash: string; question: Question }[];
}

/** A kit as fetched (JSON) or built, or a sentence saying what is wrong with it. Never throws. */
export function readKit(value: unknown): { ok: true; kit: ScormKit } | { ok: false; error: string } {
  const kit = value as Partial<ScormKit> | null;
  const files =
    kit !== null && typeof kit === 'object' && kit.v === 1 && Array.isArray(kit.files) ? kit.files : null;
  const paths = new Set(
    (files ?? [])
      .filter((f) => typeof f?.path === 'string' && typeof f.content === 'string')
      .map((f) => f.path),
  );
  const missing = [PLAYER_SCRIPT, PLAYER_STYLES, ...SCHEMA_FILES].filter((path) => !paths.has(path));
  if (files === null || missing.length > 0) {
    return {
      ok: false,
      error: `The SCORM player files are incomplete${files === null ? '' : ` (missing ${missing.join(', ')})`}. Rebuild the site.`,
    };
  }
  return { ok: true, kit: kit as ScormKit };
}

/** The assignment's question ids that `available` lacks, in spec order. */
export function missingQuestions(spec: AssignmentSpec, available: ReadonlySet<string>): string[] {
  return spec.questions.filter((id) => !available.has(id));
}

function manifest(spec: AssignmentSpec, files: readonly string[]): string {
  return xmlDocument(
    el(
      'manifest',
      {
        identifier: `assignment-${spec.id}`,
        version: '1',
        xmlns: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
        'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation': [
          'http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd',
          'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd',
          'http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd',
        ].join(' '),
      },
      el('metadata', {}, el('schema', {}, 'ADL SCORM'), el('schemaversion', {}, '1.2')),
      el(
        'organizations',
        { default: 'course' },
        el(
          'organization',
          { identifier: 'course' },
          el('title', {}, spec.title),
          el('item', { identifier: 'assignment', identifierref: 'sco' }, el('title', {}, spec.title)),
        ),
      ),
      el(
        'resources',
        {},
        el(
          'resource',
          { identifier: 'sco', type: 'webcontent', 'adlcp:scormtype': 'sco', href: 'index.html' },
          files.map((href) => el('file', { href })),
        ),
      ),
    ),
  );
}

function launchPage(spec: AssignmentSpec): string {
  const title = escapeHtml(spec.title);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${title}</title>
    <link rel="stylesheet" href="${PLAYER_STYLES}" />
  </head>
  <body>
    <main id="player">
      <h1>${title}</h1>
      <p>This assignment runs in your browser and needs JavaScript. Turn JavaScript on and open it again.</p>
    </main>
    <script src="${DATA_SCRIPT}"></script>
    <script src="${PLAYER_SCRIPT}"></script>
  </body>
</html>
`;
}

export type PackageResult =
  { ok: true; zip: Uint8Array; fileName: string; files: string[] } | { ok: false; error: string };

/** A file name for the package: the title's words, then the assignment id. */
export function packageFileName(spec: AssignmentSpec): string {
  const words = spec.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  return `${words || 'assignment'}-${spec.id}-scorm12.zip`;
}

/**
 * The zip for `spec`, with its questions from `bank` (every id must be there) and the kit's files.
 * Refuses, with a sentence, when questions are missing or the zip would exceed `maxBytes`.
 */
export function scormPackage(
  spec: AssignmentSpec,
  bank: ReadonlyMap<string, { hash: string; question: Question }>,
  kit: ScormKit,
  options: { date?: string; maxBytes?: number } = {},
): PackageResult {
  const missing = missingQuestions(spec, new Set(bank.keys()));
  if (missing.length > 0) {
    return {
      ok: false,
      error: `The assignment names ${missing.length} question(s) the course no longer has: ${missing.join(', ')}.`,
    };
  }
  const data: PackagedAssignment = {
    v: 1,
    spec,
    questions: spec.questions.map((id) => {
      const entry = bank.get(id) as { hash: string; question: Question };
      return { id, hash: entry.hash, question: entry.question };
    }),
  };
  const own = [
    { path: 'index.html', content: launchPage(spec) },
    { path: DATA_SCRIPT, content: `globalThis.scormAssignment = ${JSON.stringify(data)};\n` },
  ];
  const content = [...own, ...kit.files];
  const paths = content.map((f) => f.path);
  const scoFiles = paths.filter((path) => !SCHEMA_FILES.includes(path));
  const files = [{ path: 'imsmanifest.xml', content: manifest(spec, scoFiles) }, ...content];
  const zip = zipFiles(files, options.date);
  const maxBytes = options.maxBytes ?? MAX_PACKAGE_BYTES;
  if (zip.length > maxBytes) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return {
      ok: false,
      error: `The SCORM package would be ${mb(zip.length)}, more than the ${mb(maxBytes)} this course writes. Split the assignment into smaller ones.`,
    };
  }
  return { ok: true, zip, fileName: packageFileName(spec), files: files.map((f) => f.path) };
}
