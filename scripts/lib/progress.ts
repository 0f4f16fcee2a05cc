/**
 * Progress of a long publish step on stderr: counts, rate and an estimate of the time left, at most every two
 * seconds (and once at the end), so a 100,000-article run says where it is without flooding a CI log.
 */

/** How often a line is printed while a step runs. */
const EVERY_MS = 2000;

const clock = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`;

/**
 * A progress reporter for `total` items of one step.
 * @example const p = progress('render', 100_000); p.advance(1); p.done();
 */
export function progress(label: string, total: number, write: (line: string) => void = (line) => console.error(line)) {
  const started = Date.now();
  let count = 0;
  let printed = started;
  let anyPrinted = false;
  const line = () => {
    const elapsed = (Date.now() - started) / 1000;
    const rate = count / Math.max(elapsed, 0.001);
    const left = rate > 0 ? (total - count) / rate : 0;
    const percent = total > 0 ? Math.floor((count / total) * 100) : 100;
    write(
      `${label}: ${count}/${total} (${percent}%), ${rate.toFixed(0)}/s, ${clock(elapsed)} elapsed, about ${clock(left)} left`,
    );
  };
  return {
    /** Counts `n` more items done; prints when the last line is old enough. */
    advance(n = 1) {
      count += n;
      if (Date.now() - printed >= EVERY_MS && count < total) {
        printed = Date.now();
        anyPrinted = true;
        line();
      }
    },
    /** Prints the final line (only for steps long enough to have printed one, or large ones). */
    done() {
      if (anyPrinted || total >= 1000) line();
    },
  };
}
