/** Progress lines on stderr: rewritten in place on a terminal, one line per step otherwise. */
const started = performance.now();

export const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

let open = false;

/** A line that the next call replaces (on a terminal). */
export function progress(message: string): void {
  if (process.stderr.isTTY) {
    process.stderr.write(`\r\x1b[2K[${elapsed()}] ${message}`);
    open = true;
  }
}

/** A line that stays. */
export function step(message: string): void {
  if (open) process.stderr.write('\n');
  open = false;
  process.stderr.write(`[${elapsed()}] ${message}\n`);
}

export const count = (n: number) => Math.round(n).toLocaleString('en-US');
