/**
 * Productions of data orders (issue 11): the reviewer delivers the files produced for an order's
 * accounts as one package (zip + manifest, src/domain/production-package.ts), stored under the
 * production's id through the production store; the authority that sent the order downloads it
 * while it is available, each download recorded in the order's history; a reviewer may revoke it,
 * which deletes the bytes. Writ never shows the produced data to anyone in place.
 */
import { randomUUID } from 'node:crypto';
import type { ProductionDownloader } from '../db/productions-repository.js';
import { isDataRequestKind, type Production } from '../domain/data-request.js';
import { WritError } from '../domain/errors.js';
import {
  buildManifest,
  buildPackage,
  checkProducedFiles,
  type ProducedFile,
  producedAccounts,
  productionAvailableUntil,
} from '../domain/production-package.js';
import type { Writ } from './context.js';

type ProductionContext = Pick<Writ, 'productions' | 'productionStore' | 'config' | 'now'>;

/** Refuses, before any file is read, an order that cannot produce: not a data order, or nothing decided as produced. */
export async function checkCanProduce(writ: ProductionContext, orderId: string) {
  const basis = await writ.productions.basis(orderId);
  if (!isDataRequestKind(basis.kind) || basis.legalProcess === null)
    throw new WritError('invalid_transition', 'only a data order (user data, emergency disclosure) has productions');
  if (basis.kind === 'preservation')
    throw new WritError(
      'invalid_transition',
      'a preservation order freezes data; it produces none (a later order with legal process does)',
    );
  return { ...basis, legalProcess: basis.legalProcess, produced: producedAccounts(basis.accounts) };
}

/** Packages the files, stores the zip, records the production: all or nothing (no bytes are left without a row). */
export async function deliverProduction(
  writ: ProductionContext,
  userId: string,
  orderId: string,
  sent: readonly ProducedFile[],
): Promise<Production> {
  const basis = await checkCanProduce(writ, orderId);
  const files = checkProducedFiles(sent);
  const producedAt = writ.now();
  const availableUntil = productionAvailableUntil(producedAt, writ.config.dataRequests.productionAvailableDays);
  const manifest = buildManifest(
    {
      reference: basis.reference,
      authorityReference: basis.authorityReference,
      requestId: basis.requestId,
      authority: basis.authority,
      legalProcess: basis.legalProcess,
      accounts: basis.produced,
    },
    files,
    producedAt,
    availableUntil,
  );
  const { zip, sha256 } = buildPackage(manifest, files);
  const id = randomUUID();
  await writ.productionStore.put(id, zip);
  try {
    return await writ.productions.record({
      id,
      requestId: orderId,
      reference: basis.reference,
      size: zip.length,
      sha256,
      manifest,
      availableUntil,
      createdBy: userId,
    });
  } catch (error) {
    await writ.productionStore.delete(id);
    throw error;
  }
}

/**
 * The package for the agency that sent the order: another agency's order is not found; a revoked
 * or expired production is gone (410). The download is recorded before the bytes leave.
 */
export async function downloadProduction(
  writ: ProductionContext,
  by: ProductionDownloader,
  orderId: string,
  productionId: string,
): Promise<{ fileName: string; sha256: string; bytes: Buffer }> {
  const row = await writ.productions.get(orderId, productionId, by.agencyId);
  if (row.revokedAt) throw new WritError('production_revoked', 'the platform withdrew this production');
  if (writ.now().getTime() >= row.availableUntil.getTime())
    throw new WritError(
      'production_expired',
      `the production was available until ${row.availableUntil.toISOString()}; ask the platform to deliver it again`,
    );
  const bytes = await writ.productionStore.get(row.id);
  if (!bytes) throw new Error(`production ${row.id} is recorded but its package is missing from the store`);
  await writ.productions.recordDownload(orderId, productionId, by);
  return { fileName: row.fileName, sha256: row.sha256, bytes };
}

/** Withdraws a production: recorded with the note, and its bytes deleted from the store. */
export async function revokeProduction(
  writ: ProductionContext,
  userId: string,
  orderId: string,
  productionId: string,
  note: string,
): Promise<Production> {
  const revoked = await writ.productions.revoke(orderId, productionId, userId, note);
  await writ.productionStore.delete(productionId);
  return revoked;
}
