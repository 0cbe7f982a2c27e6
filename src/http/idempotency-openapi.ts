/**
 * The Idempotency-Key header in the OpenAPI document: one shared parameter
 * (`#/components/parameters/IdempotencyKey`) on every write under /api/ that takes it, that is,
 * every POST, PUT, PATCH and DELETE but those whose success answer carries a secret
 * (src/http/idempotency.ts refuses the header there).
 */
import { IDEMPOTENCY_HEADER, secretFields } from './idempotency.js';

const writes = ['post', 'put', 'patch', 'delete'];

export const idempotencyKeyParameter = {
  name: IDEMPOTENCY_HEADER,
  in: 'header',
  required: false,
  description:
    'Makes a retry safe: a retry with the same key and body gets the first answer (marked `Idempotent-Replayed: true`) and changes nothing; the same key with another body is refused (409 idempotency_key_reused). Per client, kept 24 hours. 1 to 255 printable ASCII characters; a UUID is a good key.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
  example: '5f1c0a0e-3c1b-4b8e-9f3a-2d7c1e6b9a10',
};

type Schema = { $ref?: string; properties?: Record<string, unknown> };
type Operation = { parameters?: unknown[]; responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };
type Document = {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema>; parameters?: Record<string, unknown> };
};

export function withIdempotencyKeyHeader<D extends object>(document: D): D {
  const doc = document as Document;
  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] : schema;
  const answersSecret = (op: Operation) =>
    Object.entries(op.responses ?? {}).some(
      ([status, response]) =>
        status.startsWith('2') &&
        Object.values(response.content ?? {}).some((media) => {
          const properties = resolve(media.schema)?.properties ?? {};
          return secretFields.some((field) => field in properties);
        }),
    );
  let used = false;
  const paths = Object.fromEntries(
    Object.entries(doc.paths ?? {}).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([method, op]) => {
          if (!path.startsWith('/api/') || !writes.includes(method) || answersSecret(op)) return [method, op];
          used = true;
          return [method, { ...op, parameters: [...(op.parameters ?? []), { $ref: '#/components/parameters/IdempotencyKey' }] }];
        }),
      ),
    ]),
  );
  if (!used) return document;
  return {
    ...document,
    paths,
    components: { ...doc.components, parameters: { ...doc.components?.parameters, IdempotencyKey: idempotencyKeyParameter } },
  } as D;
}
