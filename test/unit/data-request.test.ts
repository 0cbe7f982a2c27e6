import { describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/config.js';
import {
  checkDataRequest,
  type DataRequestParticulars,
  legalProcessColumns,
  legalProcesses,
  processesFor,
} from '../../src/domain/data-request.js';
import { WritError } from '../../src/domain/errors.js';
import { checkOrder } from '../../src/domain/intake.js';
import { loadRuleBook } from '../../src/rules/packs.js';

const particulars = (over: Partial<DataRequestParticulars> = {}): DataRequestParticulars => ({
  legalProcess: 'court_order',
  accounts: [{ identifierKind: 'username', identifier: 'someone', from: null, to: null }],
  categories: ['subscriber_information'],
  dateFrom: null,
  dateTo: null,
  nonDisclosureUntil: null,
  emergency: null,
  ...over,
});

/** The field of the WritError `run` throws. */
function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof WritError && error.code === 'validation_failed') return error.field;
    throw error;
  }
  return undefined;
}

describe('what a data order names', () => {
  it('ties each kind to its legal processes: emergency and preservation to their own, user_data to legal process', () => {
    expect(processesFor('emergency_disclosure')).toEqual(['emergency_request']);
    expect(processesFor('preservation')).toEqual(['preservation_request']);
    expect(processesFor('user_data')).toEqual(['search_warrant', 'subpoena', 'court_order', 'mlat_request', 'other']);
    expect(fieldOf(() => checkDataRequest('user_data', particulars({ legalProcess: 'emergency_request' })))).toBe(
      'dataRequest.legalProcess',
    );
    expect(fieldOf(() => checkDataRequest('preservation', particulars({ legalProcess: 'subpoena' })))).toBe(
      'dataRequest.legalProcess',
    );
  });

  it('names every account once (case aside), an IP address only with its window, and windows in order', () => {
    const twice = particulars({
      accounts: [
        { identifierKind: 'email', identifier: 'A@example.org', from: null, to: null },
        { identifierKind: 'email', identifier: 'a@example.org ', from: null, to: null },
      ],
    });
    expect(fieldOf(() => checkDataRequest('user_data', twice))).toBe('dataRequest.accounts[1].identifier');
    // The same string under another kind is another account.
    const kinds = particulars({
      accounts: [
        { identifierKind: 'username', identifier: 'same', from: null, to: null },
        { identifierKind: 'account_id', identifier: 'same', from: null, to: null },
      ],
    });
    expect(checkDataRequest('user_data', kinds).accounts).toHaveLength(2);
    const ip = (from: Date | null, to: Date | null) =>
      particulars({ accounts: [{ identifierKind: 'ip_address', identifier: '203.0.113.7', from, to }] });
    expect(fieldOf(() => checkDataRequest('user_data', ip(null, new Date('2026-01-02'))))).toBe('dataRequest.accounts[0].from');
    expect(fieldOf(() => checkDataRequest('user_data', ip(new Date('2026-01-02'), null)))).toBe('dataRequest.accounts[0].to');
    expect(fieldOf(() => checkDataRequest('user_data', ip(new Date('2026-01-03'), new Date('2026-01-02'))))).toBe(
      'dataRequest.accounts[0].to',
    );
    expect(() => checkDataRequest('user_data', ip(new Date('2026-01-02'), new Date('2026-01-02')))).not.toThrow();
    expect(fieldOf(() => checkDataRequest('user_data', particulars({ accounts: [] })))).toBe('dataRequest.accounts');
  });

  it('asks for at least one category (a preservation may freeze everything), in a period that does not end before it starts', () => {
    expect(fieldOf(() => checkDataRequest('user_data', particulars({ categories: [] })))).toBe('dataRequest.categories');
    expect(() =>
      checkDataRequest('preservation', particulars({ legalProcess: 'preservation_request', categories: [] })),
    ).not.toThrow();
    expect(checkDataRequest('user_data', particulars({ categories: ['metadata', 'metadata', 'location'] })).categories).toEqual([
      'metadata',
      'location',
    ]);
    const backwards = particulars({ dateFrom: new Date('2026-02-01'), dateTo: new Date('2026-01-01') });
    expect(fieldOf(() => checkDataRequest('user_data', backwards))).toBe('dataRequest.dateTo');
  });

  it('has an emergency state its threat and justification, and only an emergency', () => {
    const emergency = { threat: 'child_safety' as const, justification: 'A child is missing.' };
    expect(fieldOf(() => checkDataRequest('emergency_disclosure', particulars({ legalProcess: 'emergency_request' })))).toBe(
      'dataRequest.emergency',
    );
    expect(() =>
      checkDataRequest('emergency_disclosure', particulars({ legalProcess: 'emergency_request', emergency })),
    ).not.toThrow();
    expect(fieldOf(() => checkDataRequest('user_data', particulars({ emergency })))).toBe('dataRequest.emergency');
  });

  it('maps every legal process to a column of Meta’s files and of Google’s report', () => {
    for (const process of legalProcesses) {
      expect(legalProcessColumns[process].meta.length).toBeGreaterThan(0);
      expect(legalProcessColumns[process].google.length).toBeGreaterThan(0);
    }
  });
});

describe('the shape of an order at intake', () => {
  const rules = loadRuleBook(shippedRulesDir);
  const intake = {
    now: () => new Date('2026-06-01T00:00:00Z'),
    rules,
    policy: { immediateHours: 1, withoutUndueDelayHours: 24 },
  };
  const base = {
    authorityId: '00000000-0000-4000-8000-000000000001',
    receivedAt: new Date('2026-05-01T00:00:00Z'),
    authorityTimeZone: 'Asia/Almaty',
    legalBasis: 'Art. 1',
    claimedCategories: [],
    channel: 'portal' as const,
    authorityReference: null,
  };
  const item = { targetKind: 'url' as const, target: 'https://video.example/a', product: 'Video' };

  it('gives a removal order items and no data part, and a data order a data part and no items', () => {
    expect(fieldOf(() => checkOrder({ ...base, kind: 'content_removal', items: [] }, intake))).toBe('items');
    expect(
      fieldOf(() => checkOrder({ ...base, kind: 'content_removal', items: [item], dataRequest: particulars() }, intake)),
    ).toBe('dataRequest');
    expect(fieldOf(() => checkOrder({ ...base, kind: 'user_data', items: [] }, intake))).toBe('dataRequest');
    expect(fieldOf(() => checkOrder({ ...base, kind: 'user_data', items: [item], dataRequest: particulars() }, intake))).toBe(
      'items',
    );
    const stored = checkOrder({ ...base, kind: 'user_data', items: [], dataRequest: particulars() }, intake);
    expect(stored.dataRequest?.accounts).toHaveLength(1);
    expect(checkOrder({ ...base, kind: 'content_removal', items: [item] }, intake).dataRequest).toBeNull();
  });
});
