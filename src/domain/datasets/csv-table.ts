/**
 * A published CSV file as a header and numbered rows, with the published quirks absorbed: a UTF-8
 * byte-order mark, CRLF line endings, quoted fields with commas, trailing spaces in header names,
 * and rows of nothing but separators. Columns are found by name, never by position, so a file
 * whose columns moved still reads and a file missing one is refused naming it.
 */
import { parse } from 'csv-parse/sync';
import { type Cell, readCount, readPercent } from './cells.js';
import { type DataWarning, refuse } from './sources.js';

export type CsvRow = { line: number; cells: string[] };
export type CsvTable = { file: string; header: string[]; rows: CsvRow[] };

const decoder = new TextDecoder('utf-8', { fatal: true });

export function decodeText(file: string, bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw refuse(file, 'is not UTF-8 text');
  }
}

export function readCsv(file: string, bytes: Uint8Array, warnings: DataWarning[]): CsvTable {
  let records: string[][];
  try {
    // Empty lines come back as records of one empty cell, so line numbers can be counted here
    // (cheaper than csv-parse's per-record info objects).
    records = parse(decodeText(file, bytes), { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw refuse(file, `is not a readable CSV file (${(error as Error).message})`);
  }
  const head = records[0];
  if (!head) throw refuse(file, 'is empty');
  const header = head.map((h) => h.trim());
  const rows: CsvRow[] = [];
  let next = 1 + linesIn(head);
  for (let i = 1; i < records.length; i++) {
    const cells = records[i]!;
    const line = next;
    next += linesIn(cells);
    if (cells.length === 1 && cells[0] === '') continue; // an empty line
    if (cells.every((c) => c.trim() === '')) {
      warnings.push({ file, line, message: 'a row of empty cells; ignored' });
      continue;
    }
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== ''))
      throw refuse(file, `has ${cells.length} cells but the header names ${header.length} columns`, line);
    rows.push({ line, cells });
  }
  return { file, header, rows };
}

/** How many lines a record spans: one, plus any line breaks inside quoted cells. */
function linesIn(cells: string[]): number {
  let n = 1;
  for (const c of cells) if (c.includes('\n')) n += c.split('\n').length - 1;
  return n;
}

const normalise = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The position of a column, accepting any of its published spellings; refuses the file when absent. */
export function column(table: CsvTable, spellings: readonly string[]): number {
  const wanted = spellings.map(normalise);
  const index = table.header.findIndex((h) => wanted.includes(normalise(h)));
  if (index < 0) {
    const alternatives =
      spellings.length > 1
        ? ` (or ${spellings
            .slice(1)
            .map((s) => `"${s}"`)
            .join(', ')})`
        : '';
    throw refuse(
      table.file,
      `missing column "${spellings[0]}"${alternatives}; the header has ${table.header.map((h) => `"${h}"`).join(', ')}`,
    );
  }
  return index;
}

export function hasColumn(table: CsvTable, spelling: string): boolean {
  return table.header.some((h) => normalise(h) === normalise(spelling));
}

/**
 * Reads the cells of a table's rows, refusing the file (naming line and column) on a value that is
 * not understood. One reader serves every row of a table: point it at a row with `at`.
 */
export class CellReader {
  private row: CsvRow = { line: 0, cells: [] };

  constructor(private readonly table: CsvTable) {}

  at(row: CsvRow): this {
    this.row = row;
    return this;
  }

  text(index: number): string {
    return (this.row.cells[index] ?? '').trim();
  }

  private read(index: number, reader: (raw: string) => Cell | null, what: string): Cell {
    const cell = reader(this.text(index));
    if (!cell)
      throw refuse(
        this.table.file,
        `column "${this.table.header[index]}" is not ${what} (${JSON.stringify(this.text(index))})`,
        this.row.line,
      );
    return cell;
  }

  count(index: number): Cell {
    return this.read(index, readCount, 'a count');
  }

  percent(index: number): Cell {
    return this.read(index, readPercent, 'a whole percentage');
  }

  /** A count that must be a plain whole number: blank and markers are refused too. */
  wholeNumber(index: number): number {
    const cell = this.read(index, readCount, 'a whole number');
    if (cell.kind !== 'number')
      throw refuse(
        this.table.file,
        `column "${this.table.header[index]}" must be a whole number (${JSON.stringify(this.text(index))})`,
        this.row.line,
      );
    return cell.value;
  }
}
