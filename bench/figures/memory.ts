/**
 * Figure e: the Writ server's peak resident memory (VmHWM of its process) after the intake load,
 * against its peak when it had just answered /readyz (idle, nothing asked of it yet).
 */
import { atMost, type Figure } from '../report.js';

export function memoryFigure(idlePeakMb: number, loadedPeakMb: number, load: string, notes: string[]): Figure {
  return {
    id: 'server-memory',
    name: `Writ server's peak memory (VmHWM)\nafter ${load}`,
    measured: { kind: 'memory', mb: loadedPeakMb },
    baseline: { name: 'just started, idle', measured: { kind: 'memory', mb: idlePeakMb } },
    ratio: { value: loadedPeakMb / idlePeakMb, text: `${(loadedPeakMb / idlePeakMb).toFixed(1)}× idle` },
    targets: [atMost('peak', loadedPeakMb, 200, 'MB', (v) => v.toFixed(0))],
    checkedEqual: null,
    notes,
  };
}
