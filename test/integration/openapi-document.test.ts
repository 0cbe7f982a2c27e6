/**
 * /openapi.json is a document a client generator can use: every operation has a unique camelCase
 * operationId, a summary, a description and tags declared at the top with a description, and
 * Spectral's `spectral:oas` ruleset finds nothing in it (no error, warning, hint or note). A new
 * route without them fails here.
 */
import { type RulesetDefinition, Spectral } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

type Operation = { operationId?: string; summary?: string; description?: string; tags?: string[] };
type OpenApiDocument = {
  tags?: { name: string; description?: string }[];
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

let t: TestApp;
let doc: OpenApiDocument;
let operations: (Operation & { at: string })[];

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.app.inject({ method: 'GET', url: '/openapi.json', headers: { host: 'writ.example:8080' } });
  expect(res.statusCode).toBe(200);
  doc = res.json();
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ ...op, at: `${method.toUpperCase()} ${path}` })),
  );
});
afterAll(async () => t?.close());

describe('every operation in /openapi.json', () => {
  it('has a unique camelCase operationId', () => {
    expect(operations.length).toBeGreaterThan(30);
    const missing = operations.filter((op) => !/^[a-z][A-Za-z0-9]*$/.test(op.operationId ?? '')).map((op) => op.at);
    expect(missing).toEqual([]);
    const ids = operations.map((op) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('has a short summary and a description', () => {
    const without = operations.filter((op) => !op.summary || !op.description).map((op) => op.at);
    expect(without).toEqual([]);
    const long = operations.filter((op) => (op.summary ?? '').length > 60).map((op) => `${op.at}: ${op.summary}`);
    expect(long).toEqual([]);
  });

  it('has tags, each declared at the top with a description', () => {
    const declared = new Map((doc.tags ?? []).map((tag) => [tag.name, tag.description]));
    const undeclared = operations.flatMap((op) =>
      (op.tags ?? []).length === 0
        ? [`${op.at}: no tag`]
        : (op.tags ?? []).filter((tag) => !declared.get(tag)).map((tag) => `${op.at}: ${tag}`),
    );
    expect(undeclared).toEqual([]);
  });
});

describe('the document', () => {
  it('names the server that served it, so a generated client knows where to call', () => {
    expect(doc.servers).toEqual([{ url: 'http://writ.example:8080', description: 'The server that served this document' }]);
  });

  it('holds no component schema that nothing refers to', () => {
    const text = JSON.stringify({ ...doc, components: undefined });
    const refs = JSON.stringify(doc.components.schemas);
    const unused = Object.keys(doc.components.schemas).filter(
      (name) => !text.includes(`"#/components/schemas/${name}"`) && !refs.includes(`"#/components/schemas/${name}"`),
    );
    expect(unused).toEqual([]);
    expect(Object.keys(doc.components.schemas)).toContain('RequestDetail');
  });

  it('passes spectral:oas with nothing to report', async () => {
    const spectral = new Spectral();
    // What `spectral lint` does with `extends: spectral:oas`: the ruleset's recommended rules.
    spectral.setRuleset({ extends: [[oas as RulesetDefinition, 'recommended']] });
    const results = await spectral.run(JSON.stringify(doc));
    expect(results.map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`)).toEqual([]);
  });
});
