/**
 * The user-data vocabulary (issue 11) as the web takes it: the closed lists and the rule of which
 * legal processes each data kind rests on, from src/domain/data-request.ts (plain TypeScript, safe in
 * the browser), so that the reviewers' intake form offers exactly what intake accepts.
 */
export {
  type AccountIdentifierKind,
  accountIdentifierKinds,
  type DataCategory,
  type DataRequestKind,
  dataCategories,
  type EmergencyThreat,
  emergencyThreats,
  isDataRequestKind,
  type LegalProcess,
  processesFor,
} from '../domain/data-request.js';
