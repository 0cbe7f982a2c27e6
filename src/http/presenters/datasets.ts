/** The index of published datasets to its wire shape (contracts/datasets.ts): an import is listed without its warnings. */
import type { DatasetIndex } from '../../app/datasets.js';

export function presentDatasetIndex(index: DatasetIndex) {
  return {
    sources: index.sources,
    imports: index.imports.map((i) => ({
      id: i.id,
      source: i.source,
      vintage: i.vintage,
      importedAt: i.importedAt,
      files: i.files,
      rowsRead: i.rowsRead,
      rowsStored: i.rowsStored,
      warningCount: i.warningCount,
      periodsReplaced: i.periodsReplaced.length,
      periodsKept: i.periodsKept.length,
    })),
  };
}
