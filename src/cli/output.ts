/** How commands print: one `--format table|json` option, one printer, plain tables. */
import Table from 'cli-table3';
import { Option } from 'commander';

export const outputFormats = ['table', 'json'] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** `--format table|json`: a table (or text) to read, or JSON for scripts (camelCase keys, as the API). */
export const formatOption = () =>
  new Option('--format <format>', 'output format: table to read, json for scripts').choices(outputFormats).default('table');

/** Prints `value` as indented JSON, or as what `asTable` makes of it. */
export function print<T>(format: OutputFormat, value: T, asTable: (value: T) => string): void {
  console.log(format === 'json' ? JSON.stringify(value, null, 2) : asTable(value));
}

/** A table without colours or styled headings, so that it reads the same in a terminal, a file and a test. */
export function plainTable(head?: string[]): Table.Table {
  return new Table({ ...(head ? { head } : {}), style: { head: [], border: [] } });
}
