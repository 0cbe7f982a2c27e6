/**
 * Fuzzing the HTTP API from its own OpenAPI document: the operations it lists, and a small
 * JSON-schema-to-arbitrary generator. Its values are valid-ish (real ids and words, recent dates),
 * so that requests get past validation into the handlers and the database, and carry a poison
 * (fuzz-inputs.ts) in the fields it fits, or one adversarial value anywhere (mutatedOnce).
 */
import fc from 'fast-check';
import { adversarialValue, type Poison } from './fuzz-inputs.js';

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  example?: unknown;
};

type Parameter = { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema?: JsonSchema };
type OpenApiOperation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
export type OpenApiDocument = { paths?: Record<string, Record<string, OpenApiOperation>>; components?: { schemas?: object } };

export type Operation = {
  method: string;
  /** As the document writes it, with `{name}` placeholders. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: JsonSchema | null;
};

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path'),
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      })),
  );
}

/**
 * Real values of this database, so that generated requests reach existing rows: row ids by table,
 * and words (regime ids, duty ids, countries) by the name of the field or parameter they fit.
 */
export type Vocabulary = { ids: Record<string, string[]>; words: Record<string, string[]> };

/** The name a value is generated for: a property or parameter name (`authorityId`), or for `{id}` the segment before it. */
export function hintFor(path: string, param: string): string {
  return param === 'id' ? (path.split(`/{${param}}`)[0]!.split('/').at(-1) ?? param) : param;
}

/** Row ids whose table the hint names (authorityId → authorities, evidence → duty_evidence), else any. */
function idsFor(vocab: Vocabulary, hint: string | undefined): string[] {
  const stem = hint?.replace(/Id$/, '').toLowerCase().slice(0, -1);
  const tables = Object.keys(vocab.ids).filter((t) => stem && t.includes(stem));
  return (tables.length ? tables : Object.keys(vocab.ids)).flatMap((t) => vocab.ids[t]!);
}

/** What generated values draw on: the document (for $ref), real values, and a poison for the fields it fits. */
export type SchemaContext = { doc: OpenApiDocument; vocab: Vocabulary; poison?: Poison; poisonEveryField?: boolean };

const resolve = (schema: JsonSchema, doc: OpenApiDocument): JsonSchema =>
  schema.$ref
    ? ((doc.components?.schemas as Record<string, JsonSchema> | undefined)?.[schema.$ref.split('/').at(-1)!] ?? {})
    : schema;
const typeOf = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type[0] : schema.type);

/**
 * The poison a leaf can take: dates, numbers, and free text, but not identifiers (a regime, a time
 * zone), which are looked up before anything is stored, so that poisoning them tests only the lookup.
 */
function leafKind(schema: JsonSchema, ctx: SchemaContext, hint?: string): Poison['kind'] | null {
  const type = typeOf(schema);
  if (schema.enum || schema.const !== undefined) return null;
  if (type === 'number' || type === 'integer') return 'number';
  if (type !== 'string') return null;
  if (schema.format === 'date' || schema.format === 'date-time') return 'date';
  return !schema.format && !schema.pattern && !(hint && ctx.vocab.words[hint]) ? 'text' : null;
}

/** Whether a value of `schema` has a place for the context's poison. */
export function carriesPoison(schema: JsonSchema, ctx: SchemaContext, hint?: string): boolean {
  const s = resolve(schema, ctx.doc);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.some((a) => carriesPoison(a, ctx, hint));
  if (s.items) return carriesPoison(s.items, ctx, hint);
  if (s.properties) return Object.entries(s.properties).some(([key, p]) => carriesPoison(p, ctx, key));
  return ctx.poison !== undefined && leafKind(s, ctx, hint) === ctx.poison.kind;
}

/**
 * Values that mostly satisfy `schema`, drawn towards the vocabulary so that they hit real rows.
 * With a poison, about half the fields it fits carry it instead; with `poisonEveryField`, every one
 * does, and optional fields that cannot carry it are left out (fewer reasons for a refusal elsewhere).
 */
export function schemaArbitrary(schema: JsonSchema, ctx: SchemaContext, hint?: string): fc.Arbitrary<unknown> {
  const inner = (s: JsonSchema, h = hint) => schemaArbitrary(s, ctx, h);
  const every = ctx.poisonEveryField === true;
  schema = resolve(schema, ctx.doc);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const carrying = every ? alternatives.filter((a) => carriesPoison(a, ctx, hint)) : [];
    return fc.oneof(...(carrying.length ? carrying : alternatives).map((s) => inner(s)));
  }
  if (schema.allOf?.[0]) return inner(Object.assign({}, ...schema.allOf));
  const type = typeOf(schema);
  const kind = leafKind(schema, ctx, hint);
  const withPoison = <T>(valid: fc.Arbitrary<T>) => {
    if (!ctx.poison || ctx.poison.kind !== kind) return valid;
    const poison = fc.constant(ctx.poison.value as T);
    return every ? poison : fc.oneof(valid, poison);
  };
  switch (type) {
    case 'string':
      return withPoison(stringArbitrary(schema, ctx.vocab, hint));
    case 'integer':
    case 'number': {
      // fc.integer stays within 32 bits; the bounds that matter here are small anyway.
      const min = Math.max(schema.minimum ?? (schema.exclusiveMinimum ?? -1001) + 1, -1e9);
      const max = Math.min(schema.maximum ?? (schema.exclusiveMaximum ?? 1e6) - 1, 1e9);
      return withPoison<number>(
        type === 'integer'
          ? fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) })
          : fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true }),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? (every && schema.items && carriesPoison(schema.items, ctx, hint) ? 1 : 0);
      return fc.array(schema.items ? inner(schema.items) : fc.jsonValue({ maxDepth: 1 }), {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)),
      });
    }
    case 'object': {
      const required = schema.required ?? [];
      const properties = Object.entries(schema.properties ?? {}).filter(
        ([key, s]) => !every || required.includes(key) || carriesPoison(s, ctx, key),
      );
      const shape = Object.fromEntries(properties.map(([key, s]) => [key, inner(s, key)]));
      return fc.record(shape, { requiredKeys: every ? properties.map(([key]) => key) : required });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringArbitrary(schema: JsonSchema, vocab: Vocabulary, hint: string | undefined): fc.Arbitrary<string> {
  const { minLength = 0, maxLength = 200 } = schema;
  // Recent past dates: a receipt in the future, or before a regime began, is refused, and that is not what these are for.
  const dates = fc.date({ min: new Date('2024-01-01'), max: new Date(Date.now() - 86_400_000), noInvalidDate: true });
  if (schema.format === 'uuid') {
    const ids = idsFor(vocab, hint);
    return ids.length ? fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...ids) }, fc.uuid()) : fc.uuid();
  }
  if (schema.format === 'date-time') return dates.map((d) => d.toISOString());
  if (schema.format === 'date') return dates.map((d) => d.toISOString().slice(0, 10));
  const pattern = schema.pattern ? new RegExp(schema.pattern) : null;
  const fits = (w: string) => w.length >= minLength && w.length <= maxLength && (!pattern || pattern.test(w));
  const named = ((hint && vocab.words[hint]) || []).filter(fits);
  if (named.length) return fc.constantFrom(...named);
  const known = (typeof schema.example === 'string' ? [schema.example] : []).filter(fits);
  const generated = pattern
    ? fc.stringMatching(pattern)
    : fc.oneof(
        fc.lorem({ maxCount: 4 }).map((text) => text.slice(0, maxLength)),
        fc.string({ unit: 'grapheme', minLength: Math.max(minLength, 1), maxLength: Math.min(maxLength, 40) }),
      );
  return known.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, generated) : generated;
}

type Path = (string | number)[];

/** Where a value can be replaced: itself and everything inside it (at most `limit` places). */
function placesIn(value: unknown, limit = 200, at: Path = [], out: Path[] = []): Path[] {
  if (out.length >= limit) return out;
  out.push(at);
  if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) placesIn(inner, limit, [...at, Array.isArray(value) ? +key : key], out);
  return out;
}

function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

/** A valid-ish value with one place in it swapped for an adversarial value, or dropped (undefined). */
export function mutatedOnce(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const replacement = fc.oneof({ weight: 9, arbitrary: adversarialValue }, fc.constant(undefined));
  return fc.tuple(valid, fc.nat(), replacement).map(([value, pick, bad]) => {
    const places = placesIn(value);
    return replaceAt(value, places[pick % places.length]!, bad);
  });
}
