/**
 * The third-party JSON repackaging of Google's government-removals data (krMaynard/transparency-report-api):
 * lookup arrays plus `rows` of indexes and integer counts, described by its `schema` array. Not an
 * official Google file; kept because it is the only copy with integer item-outcome counts.
 * Labels are spelled as in the JSON ("National security", "Supression Orders", "Play Apps").
 */
import { countryNameForCode, territoryCode } from './countries.js';
import { decodeText } from './csv-table.js';
import { latestPeriod, periodFromLabel } from './periods.js';
import { type DataWarning, jsonPart, type PartPeriod, refuse, type SourceFile } from './sources.js';

export type OutcomeCounts6 = [number, number, number, number, number, number];

export type GoogleJsonRow = {
  period: string;
  country: string;
  countryName: string;
  requester: string;
  product: string;
  reason: string;
  requests: number;
  items: number;
  outcomes: OutcomeCounts6;
  /** Index in the file's `rows`. */
  line: number;
};

export type GoogleJsonDataset = {
  files: { name: string; role: typeof jsonPart; rowsRead: number }[];
  ignoredFiles: string[];
  rows: GoogleJsonRow[];
  coverage: PartPeriod[];
  vintage: string;
  rowsRead: number;
  warnings: DataWarning[];
};

const schemaNames = [
  'period',
  'country',
  'requestor',
  'product',
  'reason',
  'num_requests',
  'items_requested',
  'removed_legal',
  'removed_policy',
  'not_found',
  'not_enough_info',
  'no_action',
  'already_removed',
] as const;

const lookups = ['periods', 'countries', 'requestors', 'products', 'reasons'] as const;

export function parseGoogleJson(input: SourceFile[]): GoogleJsonDataset {
  const jsonFiles = input.filter((f) => f.name.toLowerCase().endsWith('.json'));
  if (jsonFiles.length !== 1)
    throw refuse(
      'the path',
      jsonFiles.length
        ? `holds ${jsonFiles.length} JSON files (${jsonFiles.map((f) => f.name).join(', ')}); give one`
        : 'holds no .json file',
    );
  const file = jsonFiles[0]!;
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(decodeText(file.name, file.bytes));
  } catch (error) {
    if ((error as { code?: string }).code === 'validation_failed') throw error;
    throw refuse(file.name, `is not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw refuse(file.name, 'is not a JSON object');

  const list = (key: string): unknown[] => {
    const value = data[key];
    if (!Array.isArray(value)) throw refuse(file.name, `missing the array "${key}"`);
    return value;
  };
  const schema = list('schema');
  const position = Object.fromEntries(
    schemaNames.map((name) => {
      const i = schema.indexOf(name);
      if (i < 0)
        throw refuse(
          file.name,
          `"schema" lacks the column "${name}" (it has ${schema.map((s) => JSON.stringify(s)).join(', ')})`,
        );
      return [name, i];
    }),
  ) as Record<(typeof schemaNames)[number], number>;
  const tables = Object.fromEntries(lookups.map((key) => [key, list(key)])) as Record<(typeof lookups)[number], unknown[]>;
  const countryNames = Array.isArray(data.country_names) ? data.country_names : [];
  const periods = tables.periods.map((label, i) => {
    const period = typeof label === 'string' ? periodFromLabel(label) : null;
    if (!period)
      throw refuse(file.name, `periods[${i}] is not a half-year such as "January - June 2021" (${JSON.stringify(label)})`);
    return period;
  });

  const warnings: DataWarning[] = [];
  const rows: GoogleJsonRow[] = [];
  // The file declares the periods it covers: a period without a row for a country means none from it.
  const covered = new Set<string>(periods);
  const seen = new Map<string, number>();
  const rawRows = list('rows');
  rawRows.forEach((raw, index) => {
    const where = `rows[${index}]`;
    if (!Array.isArray(raw) || raw.length < schemaNames.length)
      throw refuse(file.name, `${where} is not an array of ${schemaNames.length} numbers`);
    const int = (name: (typeof schemaNames)[number]) => {
      const v = raw[position[name]];
      if (!Number.isSafeInteger(v) || (v as number) < 0)
        throw refuse(file.name, `${where}: "${name}" is not a whole number of 0 or more (${JSON.stringify(v)})`);
      return v as number;
    };
    const label = (name: (typeof schemaNames)[number], table: unknown[], tableName: string) => {
      const i = int(name);
      if (i >= table.length) throw refuse(file.name, `${where}: "${name}" points past the end of "${tableName}" (${i})`);
      return { index: i, text: String(table[i] ?? '') };
    };
    const period = periods[label('period', tables.periods, 'periods').index]!;
    const country = label('country', tables.countries, 'countries');
    const requester = label('requestor', tables.requestors, 'requestors').text;
    const product = label('product', tables.products, 'products').text;
    const reason = label('reason', tables.reasons, 'reasons').text;
    const counts = {
      requests: int('num_requests'),
      items: int('items_requested'),
      outcomes: [
        int('removed_legal'),
        int('removed_policy'),
        int('not_found'),
        int('not_enough_info'),
        int('no_action'),
        int('already_removed'),
      ] as OutcomeCounts6,
    };
    const code = territoryCode(country.text);
    if (!code) {
      warnings.push({
        file: file.name,
        line: null,
        message: /^[A-Z]{2}$/.test(country.text)
          ? `${where}: country ${JSON.stringify(country.text)} is not a country's code today (withdrawn or never assigned); row not stored`
          : `${where}: country ${JSON.stringify(country.text)} is not a two-letter territory code (an international body or unknown); row not stored`,
      });
      return;
    }
    if (code !== country.text)
      warnings.push({ file: file.name, line: null, message: `${where}: territory code ${country.text} is stored as ${code}` });
    const key = `${period}|${code}|${requester}|${product}|${reason}`;
    const first = seen.get(key);
    if (first !== undefined) {
      warnings.push({ file: file.name, line: null, message: `${where} repeats rows[${first}]; not stored` });
      return;
    }
    seen.set(key, index);
    const outcomeSum = counts.outcomes.reduce((a, b) => a + b, 0);
    if (outcomeSum !== counts.items)
      warnings.push({
        file: file.name,
        line: null,
        message: `${where} (${code} ${period}): item outcomes add up to ${outcomeSum}, not the ${counts.items} items requested`,
      });
    const countryName = String(countryNames[country.index] ?? code);
    rows.push({
      period,
      country: code,
      countryName: countryName === 'UNKNOWN' ? countryNameForCode(code) : countryName,
      requester,
      product,
      reason,
      ...counts,
      line: index,
    });
  });
  const vintage = latestPeriod(covered);
  if (!vintage) throw refuse(file.name, 'has no rows');
  return {
    files: [{ name: file.name, role: jsonPart, rowsRead: rawRows.length }],
    ignoredFiles: input.filter((f) => f !== file).map((f) => f.name),
    rows,
    coverage: [...covered].map((period) => ({ part: jsonPart, period })),
    vintage,
    rowsRead: rawRows.length,
    warnings,
  };
}
