/**
 * Reads the rule packs in rules/ (one YAML file per regime) and validates each against the pack
 * schema (src/domain/regimes/pack.ts). Every problem names the file, the path inside it, the line
 * and the reason; any problem stops the server from starting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { checkPack, type PackProblem, type RegimePack, regimePackSchema } from '../domain/regimes/pack.js';
import { checkPackLinks } from '../domain/regimes/pack-links.js';
import { type RuleBook, ruleBook } from '../domain/regimes/rule-book.js';

export type PackFileProblem = { file: string; path: string; line: number | null; reason: string };

export class RulePackError extends Error {
  constructor(
    readonly problems: PackFileProblem[],
    summary = 'Invalid rule packs',
  ) {
    super(
      `${summary}:\n${problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.path || '(file)'}: ${p.reason}`).join('\n')}`,
    );
    this.name = 'RulePackError';
  }
}

/** `versions[1].deadlines[0].hours`, as the YAML reads. */
export function formatPath(p: readonly PropertyKey[]): string {
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('');
}

export type PackFileResult = { pack: RegimePack | null; problems: PackFileProblem[] };

/** Parses and validates one pack file's text. `file` is only used in messages. */
export function parsePackFile(file: string, source: string): PackFileResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      pack: null,
      problems: doc.errors.map((e) => ({
        file,
        path: '',
        line: e.linePos?.[0]?.line ?? null,
        reason: `not valid YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const lineOf = (p: readonly PropertyKey[]): number | null => {
    for (let n = p.length; n >= 0; n--) {
      const node = doc.getIn(p.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };
  const problem = (p: readonly PropertyKey[], reason: string): PackFileProblem => ({
    file,
    path: formatPath(p),
    line: lineOf(p),
    reason,
  });

  const parsed = regimePackSchema.safeParse(doc.toJS());
  if (!parsed.success) return { pack: null, problems: parsed.error.issues.map((i) => problem(i.path, i.message)) };
  const problems = checkPack(parsed.data).map((p: PackProblem) => problem(p.path, p.message));
  const expected = path.basename(file).replace(/\.ya?ml$/, '');
  if (parsed.data.id !== expected) problems.push(problem(['id'], `must match the file name (${expected})`));
  return { pack: problems.length ? null : parsed.data, problems };
}

export type CheckedPacks = { packs: RegimePack[]; problems: PackFileProblem[]; files: string[] };

/** Every *.yaml in the folder, validated; problems are returned, not thrown (for `writ rules check`). */
export function checkRulePacks(dir: string): CheckedPacks {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => /\.ya?ml$/.test(n))
      .sort();
  } catch (error) {
    return { packs: [], files: [], problems: [{ file: dir, path: '', line: null, reason: (error as Error).message }] };
  }
  const packs: RegimePack[] = [];
  const problems: PackFileProblem[] = [];
  if (names.length === 0) problems.push({ file: dir, path: '', line: null, reason: 'no rule packs (*.yaml) in this folder' });
  for (const name of names) {
    const file = path.join(dir, name);
    const result = parsePackFile(file, readFileSync(file, 'utf8'));
    problems.push(...result.problems);
    if (result.pack) packs.push(result.pack);
  }
  // Links between packs (a duty superseded by another regime's duty) are checked once all are read.
  const fileOf = (id: string) => path.join(dir, names.find((n) => n.replace(/\.ya?ml$/, '') === id) ?? `${id}.yaml`);
  for (const p of checkPackLinks(packs))
    problems.push({ file: fileOf(p.packId), path: formatPath(p.path), line: null, reason: p.message });
  return { packs, problems, files: names.map((n) => path.join(dir, n)) };
}

/** The rule book, or a RulePackError listing every problem. */
export function loadRuleBook(dir: string): RuleBook {
  const { packs, problems } = checkRulePacks(dir);
  if (problems.length) throw new RulePackError(problems);
  return ruleBook(packs);
}
