/**
 * The application layer's boundaries (docs/architecture.md): use cases in src/app/ know neither
 * Fastify nor SQL nor their callers, and route handlers and CLI commands reach the repositories only
 * through the Writ context and its use cases, never by building a repository of their own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../src');

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(src, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(folder, f));
}

/** Every module a file imports or re-exports values from (a type-only import builds nothing). */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(src, file), 'utf8'), ts.ScriptTarget.Latest);
  const typesOnly = (s: ts.ImportDeclaration) => {
    const clause = s.importClause;
    if (!clause) return false;
    if (clause.isTypeOnly) return true;
    const named = clause.namedBindings;
    return !clause.name && !!named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly);
  };
  return source.statements.flatMap((s) =>
    ((ts.isImportDeclaration(s) && !typesOnly(s)) || (ts.isExportDeclaration(s) && !s.isTypeOnly)) &&
    s.moduleSpecifier &&
    ts.isStringLiteral(s.moduleSpecifier)
      ? [s.moduleSpecifier.text]
      : [],
  );
}

/** `file`'s imports that match `refused`, as `file → specifier`. */
const offending = (files: string[], refused: RegExp) =>
  files.flatMap((file) =>
    importsOf(file)
      .filter((m) => refused.test(m))
      .map((m) => `${file} → ${m}`),
  );

describe('the application layer', () => {
  it('has use cases that import no web framework, no SQL and none of their callers', () => {
    const app = filesUnder('app');
    expect(app).toContain(path.join('app', 'obligations.ts'));
    expect(
      offending(app, /^(fastify|@fastify\/|fastify-type-provider-zod|drizzle-orm|pg|commander|cli-table3)|\/(http|cli)\//),
    ).toEqual([]);
  });

  it('is how routes and commands reach the repositories: none builds one itself', () => {
    const adapters = [...filesUnder('http'), ...filesUnder('cli')];
    expect(adapters).toContain(path.join('cli', 'rules-commands.ts'));
    expect(offending(adapters, /-repository\.js$/)).toEqual([]);
  });
});
