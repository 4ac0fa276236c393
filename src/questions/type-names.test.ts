// The guard: no file outside a question type's own folder (src/questions/<type>/) and the
// registries names that type. Adding or changing a type then touches its folder and one line per
// registry, and nothing else.
//
// How it counts, per type T: the production files under src/ (.ts, .svelte, .astro) that name T,
// where "production" leaves out tests (*.test.ts, *.svelte.test.ts, *.test-d.ts), test and bench
// support (files that only tests, scripts/ or other support files import: fixtures, arbitraries, the
// GIFT parser, the synthetic cohort), the type's own folder and the registries (REGISTRIES below).
// A .ts file names T when, read with the TypeScript checker,
//   - a string literal "T" stands where a question type is expected: compared with a question type
//     (`q.type === 'T'`, `case 'T':` in a switch over one) or where its contextual type is a
//     subset of QuestionType (`type: 'T'` in a question, an argument typed QuestionType);
//   - a literal type 'T' is a type argument constrained to QuestionType (`QuestionOf<'T'>`) or the
//     `type` of an object type (`Extract<Question, { type: 'T' }>`);
//   - an object literal keyed by question types has a property T (`{ T: … }` as a Record<QuestionType, …>).
// So the same word in another vocabulary does not count: Moodle's <text> and <single>, QTI's
// 'single' cardinality, SCORM's 'matching', Intl's 'numeric', a cloze question's field `text`.
// .svelte and .astro files are read without types, so there any string literal "T" in code counts
// (scripts and template expressions; static HTML attributes such as type="text" are not code).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse as parseSvelte } from 'svelte/compiler';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { responseSchemas } from './index.ts';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const NAMES: readonly string[] = Object.keys(responseSchemas);
const REGISTRIES = new Set(
  ['client.ts', 'handouts.ts', 'views.ts', 'index.ts', 'exporters.ts', 'scorm.ts', 'publics.ts'].map(
    (f) => `src/questions/${f}`,
  ),
);

function walk(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === '__snapshots__' ? [] : walk(path);
    return /\.(ts|svelte|astro)$/.test(entry.name) ? [path] : [];
  });
}

const isTest = (file: string): boolean => /\.test(-d)?\.ts$/.test(file) || file.startsWith('tests/');

/** Files only tests, scripts/ or other such files import (a fixed point over the import graph). */
function supportFiles(files: readonly string[]): Set<string> {
  const importers = new Map<string, string[]>();
  const all = [...files, ...walk('scripts'), ...walk('tests')];
  for (const file of all) {
    const source = readFileSync(join(ROOT, file), 'utf8');
    for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = relative(ROOT, resolve(join(ROOT, dirname(file)), spec ?? ''));
      importers.set(target, [...(importers.get(target) ?? []), file]);
    }
  }
  const support = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const file of files) {
      const by = importers.get(file) ?? [];
      const onlyTests = by.every((f) => isTest(f) || f.startsWith('scripts/') || support.has(f));
      if (!support.has(file) && !isTest(file) && by.length > 0 && onlyTests) {
        support.add(file);
        changed = true;
      }
    }
  }
  return support;
}

const SOURCES = walk('src');
const SUPPORT = supportFiles(SOURCES);
const PRODUCTION = SOURCES.filter((f) => !isTest(f) && !SUPPORT.has(f) && !REGISTRIES.has(f));

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** Type names a .ts file names, by the rules above. */
function namesInTypeScript(program: ts.Program, file: string, questionType: ts.Type): Set<string> {
  const checker = program.getTypeChecker();
  const found = new Set<string>();
  const isQuestionTypes = (type: ts.Type | undefined): boolean =>
    type !== undefined &&
    !(type.flags & ts.TypeFlags.Any) &&
    !(type.flags & ts.TypeFlags.Never) &&
    checker.isTypeAssignableTo(checker.getNonNullableType(type), questionType);
  const keyedByTypes = (type: ts.Type | undefined): boolean => {
    const names = type
      ? checker.getPropertiesOfType(checker.getNonNullableType(type)).map((p) => p.name)
      : [];
    return names.length > 0 && names.every((n) => NAMES.includes(n));
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && NAMES.includes(node.text)) {
      const parent = node.parent;
      if (ts.isLiteralTypeNode(parent)) {
        const holder = parent.parent;
        if (ts.isPropertySignature(holder) && holder.name.getText() === 'type') found.add(node.text);
        if (ts.isTypeReferenceNode(holder) && holder.typeArguments) {
          const index = holder.typeArguments.indexOf(parent);
          const declaration = checker.getSymbolAtLocation(holder.typeName)?.declarations?.[0];
          const parameter =
            declaration && 'typeParameters' in declaration
              ? (declaration.typeParameters as ts.NodeArray<ts.TypeParameterDeclaration> | undefined)?.[index]
              : undefined;
          if (parameter?.constraint && isQuestionTypes(checker.getTypeFromTypeNode(parameter.constraint)))
            found.add(node.text);
        }
      } else if (
        isQuestionTypes(checker.getContextualType(node)) ||
        (ts.isBinaryExpression(parent) &&
          EQUALITY.has(parent.operatorToken.kind) &&
          isQuestionTypes(checker.getTypeAtLocation(parent.left === node ? parent.right : parent.left))) ||
        (ts.isCaseClause(parent) &&
          isQuestionTypes(checker.getTypeAtLocation(parent.parent.parent.expression)))
      ) {
        found.add(node.text);
      }
    }
    if (
      (ts.isPropertyAssignment(node) ||
        ts.isShorthandPropertyAssignment(node) ||
        ts.isMethodDeclaration(node)) &&
      ts.isObjectLiteralExpression(node.parent) &&
      NAMES.includes(node.name.getText().replace(/^['"]|['"]$/g, '')) &&
      keyedByTypes(checker.getContextualType(node.parent))
    ) {
      found.add(node.name.getText().replace(/^['"]|['"]$/g, ''));
    }
    ts.forEachChild(node, visit);
  };
  const source = program.getSourceFile(join(ROOT, file));
  if (source) visit(source);
  return found;
}

/** String literals in TS/TSX code, leaving out JSX attribute values (static HTML attributes). */
function literalsInCode(code: string, kind: ts.ScriptKind): string[] {
  const source = ts.createSourceFile('x.tsx', code, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      !ts.isJsxAttribute(node.parent)
    )
      found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function literalsInSvelte(code: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Literal' && typeof record.value === 'string') found.push(record.value);
    for (const [key, value] of Object.entries(record)) if (key !== 'parent') visit(value);
  };
  visit(parseSvelte(code, { modern: true }));
  return found;
}

function literalsInAstro(code: string): string[] {
  const fence = /^---\r?\n([^]*?)\r?\n---\r?\n/.exec(code);
  const template = fence ? code.slice(fence[0].length) : code;
  const scripts = [...template.matchAll(/<script[^>]*>([^]*?)<\/script>/g)].map((m) => m[1] ?? '');
  const markup = template.replace(/<(script|style)[^>]*>[^]*?<\/\1>/g, '').replace(/<!--[^]*?-->/g, '');
  return [
    ...literalsInCode(fence?.[1] ?? '', ts.ScriptKind.TS),
    ...scripts.flatMap((s) => literalsInCode(s, ts.ScriptKind.TS)),
    ...literalsInCode(`<>${markup}</>`, ts.ScriptKind.TSX),
  ];
}

/** Type → the production files outside its folder and the registries that name it. */
function typeNameUses(): Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  const tsFiles = PRODUCTION.filter((f) => f.endsWith('.ts'));
  const program = ts.createProgram(
    tsFiles.map((f) => join(ROOT, f)),
    { ...config?.options, noEmit: true },
  );
  const index = program.getSourceFile(join(ROOT, 'src/questions/index.ts'));
  const checker = program.getTypeChecker();
  const moduleSymbol = index && checker.getSymbolAtLocation(index);
  const alias =
    moduleSymbol && checker.getExportsOfModule(moduleSymbol).find((s) => s.name === 'QuestionType');
  if (!alias) throw new Error('QuestionType not found in src/questions/index.ts');
  const questionType = checker.getDeclaredTypeOfSymbol(alias);

  const uses = new Map<string, string[]>(NAMES.map((name) => [name, []]));
  for (const file of PRODUCTION) {
    const code = readFileSync(join(ROOT, file), 'utf8');
    const named = file.endsWith('.ts')
      ? namesInTypeScript(program, file, questionType)
      : new Set(
          (file.endsWith('.svelte') ? literalsInSvelte(code) : literalsInAstro(code)).filter((l) =>
            NAMES.includes(l),
          ),
        );
    for (const name of named) {
      if (!file.startsWith(`src/questions/${name}/`)) uses.get(name)?.push(file);
    }
  }
  return uses;
}

describe('question type names', () => {
  it('leave out tests and test support, and count the files they should', () => {
    expect(PRODUCTION.length).toBeGreaterThan(150);
    expect([...SUPPORT].sort()).toEqual(expect.arrayContaining(['src/lib/export/fixtures.ts']));
  });

  it('appear only in their own folder and the registries', () => {
    const uses = typeNameUses();
    console.log(
      `Files outside src/questions/<type>/ and the registries that name the type:\n${[...uses]
        .map(([name, files]) => `  ${name}: ${files.length}${files.length ? ` (${files.join(', ')})` : ''}`)
        .join('\n')}`,
    );
    expect(Object.fromEntries(uses)).toEqual(Object.fromEntries(NAMES.map((name) => [name, []])));
  });
});
