/**
 * The web imports only the contract (src/contracts/) and browser-safe domain modules: Biome's
 * rule for web/** refuses anything else, and everything the web can reach through those modules
 * runs in a browser (no Node built-in, no server package, no Node global).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const biome = path.join(root, 'node_modules/.bin/biome');
const config = JSON.parse(readFileSync(path.join(root, 'biome.json'), 'utf8'));

/** The patterns of the web's noRestrictedImports rule: `**∕src/**` then the allowed modules, negated. */
const webOverride = (config.overrides ?? []).find((o: { includes?: string[] }) => o.includes?.includes('web/**'));
const group: string[] = webOverride?.linter?.rules?.style?.noRestrictedImports?.options?.patterns?.[0]?.group ?? [];
const allowedModules = group.filter((g) => g.startsWith('!**/src/') && g.endsWith('.js')).map((g) => g.slice(4));

describe('the lint rule for web/**', () => {
  // The project's own configuration, in a scratch folder without git (so it lints only the probes).
  const scratch = mkdtempSync(path.join(tmpdir(), 'writ-web-imports-'));
  const { vcs: _vcs, $schema: _schema, ...settings } = config;
  writeFileSync(path.join(scratch, 'biome.json'), JSON.stringify(settings));
  mkdirSync(path.join(scratch, 'web/src/review'), { recursive: true });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** The lint rules a web file with this one import breaks (none when it may import it). */
  function rulesBroken(specifier: string, file = 'web/src/review/Probe.tsx'): string[] {
    writeFileSync(path.join(scratch, file), `import { probe } from '${specifier}';\nexport const used = probe;\n`);
    try {
      execFileSync(biome, ['lint', '--max-diagnostics=50', file], { cwd: scratch, stdio: 'pipe' });
      return [];
    } catch (error) {
      const output = String((error as { stdout?: Buffer }).stdout ?? '') + String((error as { stderr?: Buffer }).stderr ?? '');
      return [...new Set(output.match(/lint\/\w+\/\w+/g) ?? [])];
    }
  }

  it('refuses server modules: HTTP, database, CLI, application layer, configuration', () => {
    for (const server of ['http/app.js', 'db/connection.js', 'cli/main.js', 'app/accounts.js', 'config.js', 'datasets/import.js'])
      expect(rulesBroken(`../../../src/${server}`), server).toEqual(['lint/style/noRestrictedImports']);
  });

  it('refuses domain modules that are not on the browser-safe list (parsers that need Node)', () => {
    expect(rulesBroken('../../../src/domain/datasets/csv-table.js')).toEqual(['lint/style/noRestrictedImports']);
    expect(rulesBroken('../../../src/domain/intake.js')).toEqual(['lint/style/noRestrictedImports']);
  });

  it('refuses Node built-ins', () => {
    expect(rulesBroken('node:fs')).toContain('lint/correctness/noNodejsModules');
  });

  it('allows the contract, the listed domain modules, packages and the web’s own files', () => {
    expect(rulesBroken('../../../src/contracts/requests.js')).toEqual([]);
    expect(rulesBroken('../../../src/domain/vocabulary.js')).toEqual([]);
    expect(rulesBroken('../../../src/domain/regimes/time.js')).toEqual([]);
    expect(rulesBroken('react')).toEqual([]);
    expect(rulesBroken('../api.js')).toEqual([]);
  });
});

const nodeGlobals = new Set(['Buffer', 'process', '__dirname', '__filename', 'require']);

/** Modules a file imports for their values (type-only imports never reach the bundle), and the Node globals it names. */
function readModule(file: string): { imports: string[]; globals: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const globals: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isIdentifier(node) &&
      nodeGlobals.has(node.text) &&
      !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)
    )
      globals.push(node.text);
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier))
      found.push(node.moduleSpecifier.text);
    else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      found.push(node.moduleSpecifier.text);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports: found, globals };
}

function resolveRelative(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`]) if (ts.sys.fileExists(candidate)) return candidate;
  throw new Error(`${path.relative(root, from)} imports ${specifier}, which does not exist`);
}

/** Packages the shared modules may use: each runs in a browser. */
const browserPackages = ['zod', 'temporal-polyfill', 'i18n-iso-countries', '@noble/hashes'];
const packageName = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);

describe('what the web reaches under src/', () => {
  const webFiles = ts.sys.readDirectory(path.join(root, 'web/src'), ['.ts', '.tsx']);
  const contractFiles = ts.sys.readDirectory(path.join(root, 'src/contracts'), ['.ts']);
  const reached = new Set<string>();
  const problems: string[] = [];
  const walk = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    const shared = !file.includes(`${path.sep}web${path.sep}`);
    const { imports, globals } = readModule(file);
    for (const specifier of imports) {
      if (specifier.startsWith('.')) {
        if (/\.(css|json|svg)$/.test(specifier)) continue;
        walk(resolveRelative(file, specifier));
      } else if (
        shared &&
        (builtinModules.includes(specifier.replace(/^node:/, '')) || !browserPackages.includes(packageName(specifier)))
      )
        problems.push(`${path.relative(root, file)} imports ${specifier}`);
    }
    if (shared && globals.length > 0) problems.push(`${path.relative(root, file)} uses ${globals.join(', ')}`);
  };
  for (const file of [...webFiles, ...contractFiles, ...allowedModules.map((m) => path.join(root, m.replace(/\.js$/, '.ts')))])
    walk(file);

  it('the rule lists browser-safe modules', () => {
    expect(allowedModules).toContain('src/domain/vocabulary.js');
  });

  it('is the contract and domain modules only, free of Node and of server packages', () => {
    const outside = [...reached]
      .map((f) => path.relative(root, f))
      .filter((f) => f.startsWith('src/') && !f.startsWith('src/contracts/') && !f.startsWith('src/domain/'));
    expect({ outside, problems }).toEqual({ outside: [], problems: [] });
  });
});
