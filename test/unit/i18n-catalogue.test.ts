/**
 * The UI's catalogues (web/src/i18n): no component shows a hard-coded string, every key the code uses
 * is in English, Russian and Kazakh, Russian and Kazakh have every key English has, every message is
 * valid ICU MessageFormat, and Russian plurals have the forms Russian needs (one, few, many).
 * Each check is shown to fire on a planted bad component or catalogue.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  accountIdentifierKinds,
  dataCategories,
  emergencyThreats,
  legalProcesses,
  productionExtents,
  refusalReasons,
} from '../../src/domain/data-request.js';
import { slaStates } from '../../src/domain/regimes/sla.js';
import {
  confidenceLevels,
  coverageMetrics,
  deadlineBases,
  deadlineClocks,
  dutyKinds,
  dutyStatuses,
} from '../../src/domain/regimes/vocabulary.js';
import { authorityKinds, channels, outcomes, requestKinds, requestStatuses, targetKinds } from '../../src/domain/vocabulary.js';

const webRoot = join(import.meta.dirname, '../../web/src');
const localesRoot = join(webRoot, 'i18n/locales');
const languages = ['en', 'ru', 'kk'] as const;
type Catalogue = Map<string, string>; // `ns:dotted.key` → message

/** Words that stay as they are in every language: the brand and a few standard abbreviations. */
const allowed = new Set(['Writ', 'UTC', 'API', 'URL', 'ID', 'CSV', 'JSON', 'SHA', 'writ']);
/**
 * Components whose strings have not yet been moved to the catalogues (issue 10, item 7 is converting them):
 * each is removed from here when it is converted; nothing is ever added.
 */
const notYetConverted = new Set<string>([]);
/** Props whose string a reader sees or hears. */
const visibleProps = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label']);

function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

type Finding = { line: number; text: string };

const comparisons = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.InKeyword,
]);

/** String literals in an expression that are not arguments of a call (`t('key')` is fine, `'Yes'` is not). */
function literalsOutsideCalls(node: ts.Node, found: ts.Node[]) {
  if (ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node)) return;
  // `urgency === 'soon'` compares with a value; it shows nothing
  if (ts.isBinaryExpression(node) && comparisons.has(node.operatorToken.kind)) return;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node);
  else if (ts.isTemplateExpression(node)) {
    found.push(node.head, ...node.templateSpans.map((span) => span.literal));
    for (const span of node.templateSpans) literalsOutsideCalls(span.expression, found);
  } else if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node))
    return; // walked on its own
  else node.forEachChild((child) => literalsOutsideCalls(child, found));
}

/** User-visible text written into a component rather than taken from a catalogue. */
function hardCodedStrings(source: string, fileName = 'component.tsx'): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, raw: string) => {
    const text = raw.replace(/\s+/g, ' ').trim();
    if ((text.match(/\p{L}+/gu) ?? []).every((word) => allowed.has(word))) return;
    findings.push({ line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1, text });
  };
  const reportLiterals = (expression: ts.Node) => {
    const found: ts.Node[] = [];
    literalsOutsideCalls(expression, found);
    for (const literal of found) report(literal, (literal as ts.LiteralLikeNode).text);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) reportLiterals(node.expression);
    else if (ts.isJsxAttribute(node) && visibleProps.has(node.name.getText(file)) && node.initializer) {
      if (ts.isStringLiteral(node.initializer)) report(node.initializer, node.initializer.text);
      else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) reportLiterals(node.initializer.expression);
    }
    node.forEachChild(visit);
  };
  visit(file);
  return findings;
}

/** `ns:key` of every literal key the code passes to `t(…)`, `i18n.t(…)` or `<Trans i18nKey>`. */
function usedKeys(source: string, fileName = 'component.tsx', importedNamespace?: string): { key: string; line: number }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const namespaces = new Set<string>();
  const keys: { raw: string; line: number }[] = [];
  const line = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      const first = node.arguments[0];
      if (name === 'useTranslation' && first) {
        const ns = ts.isArrayLiteralExpression(first) ? first.elements[0] : first;
        if (ns && ts.isStringLiteral(ns)) namespaces.add(ns.text);
      }
      if (name === 't' && first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)))
        keys.push({ raw: first.text, line: line(first) });
    }
    if (
      ts.isJsxAttribute(node) &&
      node.name.getText(file) === 'i18nKey' &&
      node.initializer &&
      ts.isStringLiteral(node.initializer)
    )
      keys.push({ raw: node.initializer.text, line: line(node) });
    node.forEachChild(visit);
  };
  visit(file);
  if (namespaces.size > 1)
    throw new Error(`${fileName}: one useTranslation namespace per file; prefix the others' keys (ns:key)`);
  const fileNamespace = [...namespaces][0] ?? importedNamespace ?? 'common';
  return keys.map(({ raw, line }) => ({ key: raw.includes(':') ? raw : `${fileNamespace}:${raw}`, line }));
}

/** The namespace of a hook the file imports from a module of its own (`usePortalT` wrapping `useTranslation('portal-orders')`). */
function namespaceOfImports(source: string, path: string): string | undefined {
  for (const [, specifier] of source.matchAll(/from '(\.[^']+)\.js'/g)) {
    for (const extension of ['.ts', '.tsx']) {
      const imported = join(dirname(path), `${specifier}${extension}`);
      if (!existsSync(imported)) continue;
      const namespace = /useTranslation\('([^']+)'\)/.exec(readFileSync(imported, 'utf8'))?.[1];
      if (namespace && namespace !== 'common') return namespace;
    }
  }
  return undefined;
}

function flatten(prefix: string, value: unknown, into: Catalogue) {
  if (typeof value === 'string') into.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value))
      flatten(prefix.endsWith(':') ? `${prefix}${key}` : `${prefix}.${key}`, child, into);
  else throw new Error(`${prefix}: a message must be a string`);
}

function loadCatalogue(language: string): Catalogue {
  const catalogue: Catalogue = new Map();
  for (const path of sourceFiles(join(localesRoot, language), /\.json$/)) {
    const namespace = relative(join(localesRoot, language), path).replace(/\.json$/, '');
    flatten(`${namespace}:`, JSON.parse(readFileSync(path, 'utf8')), catalogue);
  }
  return catalogue;
}

/** Keys `reference` has that `other` lacks. */
function missingKeys(reference: Catalogue, other: Catalogue): string[] {
  return [...reference.keys()].filter((key) => !other.has(key));
}

type Element = {
  type: number;
  value?: unknown;
  options?: Record<string, { value: Element[] }>;
  pluralType?: string;
  children?: Element[];
};

/** Problems of one message: it does not parse, or a cardinal plural lacks a form the language needs. */
function messageProblems(message: string, language: string): string[] {
  let ast: Element[];
  try {
    ast = new IntlMessageFormat(message, language, undefined, { ignoreTag: true }).getAst() as Element[];
  } catch (error) {
    return [`does not parse: ${(error as Error).message}`];
  }
  const voidTag = /<(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)>/.exec(message);
  if (voidTag) return [`<${voidTag[1]}> is a void HTML element: Trans would drop its text; name the tag otherwise`];
  const needed = language === 'ru' ? ['one', 'few', 'many', 'other'] : ['one', 'other'];
  const problems: string[] = [];
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      if (element.options) {
        if (element.pluralType === 'cardinal') {
          const options = element.options;
          const lacking = needed.filter((form) => !(form in options));
          if (lacking.length) problems.push(`plural lacks ${lacking.join(', ')}`);
        }
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if (element.children) walk(element.children);
    }
  };
  walk(ast);
  return problems;
}

const catalogues = Object.fromEntries(languages.map((language) => [language, loadCatalogue(language)])) as Record<
  (typeof languages)[number],
  Catalogue
>;

/** Keys the code builds from an enum value (`label(t, 'status', value)` in web/src/labels.ts). */
const enumKeys: [string, readonly string[]][] = [
  ['authorityKind', authorityKinds],
  ['requestKind', requestKinds],
  ['channel', channels],
  ['status', requestStatuses],
  ['transition', requestStatuses],
  ['targetKind', targetKinds],
  ['outcome', [...outcomes, 'pending']],
  ['sla', slaStates],
  ['basis', deadlineBases],
  ['clock', deadlineClocks],
  ['dutyKind', dutyKinds],
  ['dutyStatus', dutyStatuses],
  ['confidence', confidenceLevels],
  ['metric', coverageMetrics],
  ['legalProcess', legalProcesses],
  ['dataCategory', dataCategories],
  ['identifierKind', accountIdentifierKinds],
  ['emergencyThreat', emergencyThreats],
  ['productionExtent', productionExtents],
  ['refusalReason', refusalReasons],
];

describe('the check itself', () => {
  it('finds text, visible props and literal choices in a planted component, and nothing in a clean one', () => {
    const bad = `export const A = ({ on }: { on: boolean }) => (
      <section title="Orders">
        <h1>Incoming orders</h1>
        <input placeholder={'Search'} aria-label={on ? 'Open' : t('x')} />
        <p>{on ? 'Yes' : null}{on === 'x' ? null : 1}</p>
        <img alt={\`Chart of \${on}\`} />
      </section>
    );`;
    expect(hardCodedStrings(bad).map((f) => f.text)).toEqual(['Orders', 'Incoming orders', 'Search', 'Open', 'Yes', 'Chart of']);
    const clean = `export const A = () => <p className="x" data-testid="y" title={t('a.b')}>{t('a.c', { n: 1 })} · Writ {2} – </p>;`;
    expect(hardCodedStrings(clean)).toEqual([]);
  });

  it('reads the keys with their namespace', () => {
    const source = `function A() { const { t } = useTranslation('review'); return <>{t('queue.title')}{t('common:nav.queue')}<Trans i18nKey="x.y" /></>; }`;
    expect(usedKeys(source).map((k) => k.key)).toEqual(['review:queue.title', 'common:nav.queue', 'review:x.y']);
  });

  it('finds a key missing from a planted catalogue, a message that does not parse and a Russian plural without few/many', () => {
    expect(
      missingKeys(
        new Map([
          ['a:x', '1'],
          ['a:y', '2'],
        ]),
        new Map([['a:x', '1']]),
      ),
    ).toEqual(['a:y']);
    expect(messageProblems('{count, plural, one {# order} other {# orders}', 'en')[0]).toMatch(/does not parse/);
    expect(messageProblems('{count, plural, one {# запрос} other {# запросов}}', 'ru')).toEqual(['plural lacks few, many']);
    expect(messageProblems('{count, plural, one {# запрос} few {# запроса} many {# запросов} other {# запроса}}', 'ru')).toEqual(
      [],
    );
    expect(messageProblems('{count, plural, other {# талап}}', 'kk')).toEqual(['plural lacks one']);
    expect(messageProblems('<link>Home</link>: the reports', 'en')[0]).toMatch(/void HTML element/);
  });
});

describe('the UI catalogues', () => {
  it('no component shows a hard-coded string', () => {
    const components = sourceFiles(webRoot, /\.tsx$/).filter((path) => !notYetConverted.has(relative(webRoot, path)));
    const findings = components.flatMap((path) =>
      hardCodedStrings(readFileSync(path, 'utf8'), path).map((f) => `${relative(webRoot, path)}:${f.line}: ${f.text}`),
    );
    expect(findings).toEqual([]);
  });

  it('every key the code uses is in every language', () => {
    const missing = sourceFiles(webRoot, /\.tsx?$/).flatMap((path) =>
      usedKeys(readFileSync(path, 'utf8'), path, namespaceOfImports(readFileSync(path, 'utf8'), path)).flatMap(({ key, line }) =>
        languages
          .filter((language) => !catalogues[language].has(key))
          .map((language) => `${relative(webRoot, path)}:${line}: ${language} lacks ${key}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('every enum value the UI labels has its label in every language', () => {
    const missing = enumKeys.flatMap(([prefix, values]) =>
      values.flatMap((value) =>
        languages
          .filter((language) => !catalogues[language].has(`common:${prefix}.${value}`))
          .map((l) => `${l}: common:${prefix}.${value}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('Russian and Kazakh have every key English has, and nothing English lacks', () => {
    for (const language of ['ru', 'kk'] as const) {
      expect(missingKeys(catalogues.en, catalogues[language]), `${language} lacks`).toEqual([]);
      expect(missingKeys(catalogues[language], catalogues.en), `${language} has beyond en`).toEqual([]);
    }
  });

  it('every message parses, and plurals have the forms of their language', () => {
    const problems = languages.flatMap((language) =>
      [...catalogues[language]].flatMap(([key, message]) =>
        messageProblems(message, language).map((p) => `${language} ${key}: ${p}`),
      ),
    );
    expect(problems).toEqual([]);
  });
});
