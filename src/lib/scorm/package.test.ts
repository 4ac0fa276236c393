// The SCORM 1.2 package: what an LMS reads (the manifest), what the launch page loads (only files
// inside the package), and what is refused (missing questions, an oversized package).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../cli/bank.ts';
import { buildSpec } from '../assign/spec.ts';
import { EVIL, find, parseTree } from '../export/fixtures.ts';
import {
  SCHEMA_FILES,
  packageFileName,
  readKit,
  scormPackage,
  type PackagedAssignment,
  type ScormKit,
} from './package.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const loaded = loadBank(root);
const bank = new Map(loaded.questions.map((entry) => [entry.question.id, entry]));
const built = buildSpec(
  { title: `Week 1 ${EVIL}`, seed: 's', questions: [...bank.keys()].slice(0, 3), review: 'immediate' },
  loaded,
);
if (!built.ok) throw new Error(built.error);
const spec = built.spec;

/** A kit with a stand-in player and the real schema files. */
const kit: ScormKit = {
  v: 1,
  files: [
    { path: 'player.js', content: 'void 0;' },
    { path: 'player.css', content: 'body{}' },
    ...SCHEMA_FILES.map((name) => ({
      path: name,
      content: readFileSync(join(root, 'src/scorm/schemas', name), 'utf8'),
    })),
  ],
};

function unzip(zip: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([k, v]) => [k, strFromU8(v)]));
}

const result = scormPackage(spec, bank, kit);
if (!result.ok) throw new Error(result.error);
const files = unzip(result.zip);

describe('scormPackage', () => {
  it('holds the manifest, the launch page, the data, the player and the four SCORM 1.2 schema files', () => {
    expect(Object.keys(files)).toEqual([
      'imsmanifest.xml',
      'index.html',
      'assignment.js',
      'player.js',
      'player.css',
      ...SCHEMA_FILES,
    ]);
    expect(result.files).toEqual(Object.keys(files));
  });

  it('declares one SCO launched by index.html that lists every file it uses', () => {
    const tree = parseTree(files['imsmanifest.xml'] as string);
    const manifest = find(tree, 'manifest')[0];
    expect(manifest?.attrs).toMatchObject({
      identifier: `assignment-${spec.id}`,
      xmlns: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
      'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
    });
    for (const xsd of SCHEMA_FILES.filter((name) => name !== 'ims_xml.xsd')) {
      expect(manifest?.attrs['xsi:schemaLocation']).toContain(` ${xsd}`);
    }
    expect(find(tree, 'schema')[0]?.text).toBe('ADL SCORM');
    expect(find(tree, 'schemaversion')[0]?.text).toBe('1.2');
    const organizations = find(tree, 'organizations')[0];
    const organization = find(tree, 'organization')[0];
    expect(organizations?.attrs.default).toBe(organization?.attrs.identifier);
    expect(find(tree, 'title').map((t) => t.text)).toEqual([spec.title, spec.title]);
    const item = find(tree, 'item')[0];
    const resources = find(tree, 'resource');
    expect(resources).toHaveLength(1);
    expect(resources[0]?.attrs).toEqual({
      identifier: item?.attrs.identifierref,
      type: 'webcontent',
      'adlcp:scormtype': 'sco',
      href: 'index.html',
    });
    expect(find(tree, 'file').map((f) => f.attrs.href)).toEqual([
      'index.html',
      'assignment.js',
      'player.js',
      'player.css',
    ]);
  });

  it('has a launch page that loads only files inside the package, with the title as text', () => {
    const html = files['index.html'] as string;
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(refs).toEqual(['player.css', 'assignment.js', 'player.js']);
    for (const ref of refs) expect(files).toHaveProperty([ref as string]);
    expect(html).not.toMatch(/https?:|\/\//);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('carries the spec and its questions, keys included, in assignment order', () => {
    const context: { globalThis?: unknown; scormAssignment?: PackagedAssignment } = {};
    context.globalThis = context;
    runInNewContext(files['assignment.js'] as string, context);
    const data = context.scormAssignment as PackagedAssignment;
    expect(data.spec).toEqual(spec);
    expect(data.questions.map((q) => q.id)).toEqual(spec.questions);
    // The published question and hash; not the authored handles (`renamed`), which the player never needs.
    for (const q of data.questions) {
      const { question, hash } = bank.get(q.id)!;
      expect(q).toEqual({ id: q.id, question, hash });
    }
  });

  it('gives the same bytes for the same assignment, kit and date', () => {
    const again = scormPackage(spec, bank, kit);
    expect(again.ok && Buffer.from(again.zip).equals(Buffer.from(result.zip))).toBe(true);
    expect(result.fileName).toBe(
      `week-1-tom-jerry-img-src-x-onerror-alert-1-q-it-s-a-b-c-d-e-${spec.id}-scorm12.zip`,
    );
  });

  it('refuses an assignment naming questions the bank lacks, naming them', () => {
    const partial = new Map([...bank].filter(([id]) => id !== spec.questions[1]));
    expect(scormPackage(spec, partial, kit)).toEqual({
      ok: false,
      error: `The assignment names 1 question(s) the course no longer has: ${spec.questions[1]}.`,
    });
  });

  it('refuses a package over 10 MB, saying how big it would be', () => {
    // Text that does not compress: 14 MB of random base64 → about 10.5 MB zipped.
    const noise = (bytes: number) =>
      Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64');
    const chunks = Array.from({ length: 160 }, () => noise(65_536)).join('');
    const heavy: ScormKit = { ...kit, files: [...kit.files, { path: 'noise.txt', content: chunks }] };
    const refused = scormPackage(spec, bank, heavy);
    expect(refused).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^The SCORM package would be 10\.\d MB, more than the 10\.0 MB this course writes\. Split the assignment/,
      ),
    });
    expect(scormPackage(spec, bank, heavy, { maxBytes: 11 * 1024 * 1024 }).ok).toBe(true);
  });

  it('names the file after the title, or "assignment" when the title has no letters', () => {
    expect(packageFileName({ ...spec, title: 'Économie & crypto: week 2' })).toBe(
      `economie-crypto-week-2-${spec.id}-scorm12.zip`,
    );
    expect(packageFileName({ ...spec, title: '!!!' })).toBe(`assignment-${spec.id}-scorm12.zip`);
  });

  const xmllint = spawnSync('xmllint', ['--version']).status === 0;
  it.skipIf(!xmllint)('has a manifest valid against the SCORM 1.2 schemas (xmllint, when installed)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorm-'));
    try {
      for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
      // The CP schema checks adlcp:scormtype only when the ADL schema is loaded beside it.
      writeFileSync(
        join(dir, 'both.xsd'),
        `<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:both">
          <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
          <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
        </xsd:schema>`,
      );
      const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', 'both.xsd', 'imsmanifest.xml'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(run.stderr).toContain('imsmanifest.xml validates');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('readKit', () => {
  it('accepts a whole kit and names what a broken one lacks', () => {
    expect(readKit(kit)).toEqual({ ok: true, kit });
    expect(readKit({ v: 1, files: kit.files.slice(1) })).toEqual({
      ok: false,
      error: 'The SCORM player files are incomplete (missing player.js). Rebuild the site.',
    });
    expect(readKit(null).ok).toBe(false);
    expect(readKit({ v: 2, files: [] }).ok).toBe(false);
  });
});
