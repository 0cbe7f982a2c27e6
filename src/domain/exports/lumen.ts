/**
 * Lumen-style notices (the Lumen Database's submission shape, `POST /notices` with `notice: {…}`,
 * shared/reference/anchors.md §1.1–1.2): one per published record, made from the public record
 * alone — every value below is a field of it or derived from one, so nothing unredacted or
 * unpublished can leave (test/unit/exports-lumen.test.ts holds this).
 */
import type { PublicRecord } from '../public-record.js';
import type { AuthorityKind } from '../vocabulary.js';

export const lumenFileName = 'lumen-notices.json';

/** Lumen's notice type for an order from each kind of authority. */
export const lumenTypes: Record<AuthorityKind, 'CourtOrder' | 'LawEnforcementRequest' | 'GovernmentRequest'> = {
  court: 'CourtOrder',
  police: 'LawEnforcementRequest',
  prosecutor: 'LawEnforcementRequest',
  communications_regulator: 'GovernmentRequest',
  data_protection_authority: 'GovernmentRequest',
  other_executive: 'GovernmentRequest',
  legislature: 'GovernmentRequest',
  other: 'GovernmentRequest',
};

export type LumenNotice = {
  notice: {
    type: 'CourtOrder' | 'LawEnforcementRequest' | 'GovernmentRequest';
    title: string;
    subject: string;
    body: string | null;
    date_received: string;
    language: string | null;
    action_taken: 'Yes' | 'No' | 'Partial' | 'Unspecified';
    jurisdiction_list: string[];
    regulation_list: string[];
    tag_list: string[];
    case_id_number: string;
    url_count: number;
    entity_notice_roles_attributes: {
      name: 'sender';
      entity_attributes: { name: string; kind: 'organization'; country_code: string };
    }[];
    works_attributes: { kind: string; description: string; infringing_urls_attributes: { url: string }[] }[];
  };
};

const removed = (outcome: string | null) => outcome === 'removed_legal' || outcome === 'removed_policy';

export function lumenNotice(record: PublicRecord): LumenNotice {
  const decided = record.items.filter((i) => i.outcome !== null);
  const acted = decided.filter((i) => removed(i.outcome)).length;
  const action_taken = decided.length === 0 ? 'Unspecified' : acted === 0 ? 'No' : acted === decided.length ? 'Yes' : 'Partial';
  const reasons = [...new Set(record.items.flatMap((i) => (i.reason === null ? [] : [i.reason as string])))].sort();
  const byProduct = new Map<string, typeof record.items>();
  for (const item of record.items) byProduct.set(item.product, [...(byProduct.get(item.product) ?? []), item]);
  return {
    notice: {
      type: lumenTypes[record.authority.kind],
      title: `${record.authority.name}: order ${record.id}`,
      subject: reasons.join(', '),
      body: record.summary,
      date_received: record.receivedOn,
      language: record.language,
      action_taken,
      jurisdiction_list: [record.country],
      regulation_list: [record.legalBasis],
      tag_list: reasons,
      case_id_number: record.id,
      url_count: record.items.filter((i) => i.targetKind === 'url').length,
      entity_notice_roles_attributes: [
        {
          name: 'sender',
          entity_attributes: { name: record.authority.name, kind: 'organization', country_code: record.country },
        },
      ],
      works_attributes: [...byProduct.entries()].map(([product, items]) => ({
        kind: product,
        description: items
          .map((i) => `${i.position}. ${i.targetKind}${i.target === null ? ' (withheld)' : ''}: ${i.outcome ?? 'undecided'}`)
          .join('; '),
        // A withheld target (the order concerns a child) is never listed; a non-URL target is not a URL.
        infringing_urls_attributes: items
          .filter((i) => i.targetKind === 'url' && i.target !== null)
          .map((i) => ({ url: i.target as string })),
      })),
    },
  };
}
