/**
 * The `[[ratelimits]]` binding counts in windows aligned to the wall clock (locally as on Cloudflare: a 60-second
 * limit starts a new count at every whole minute), so a test that makes N requests and expects the N+1th refused
 * must not straddle a window's end. This waits, when needed, until the current window has `seconds` left.
 */
export async function startOfLimiterWindow(periodSeconds: number, seconds: number): Promise<void> {
  const periodMs = periodSeconds * 1000;
  const left = periodMs - (Date.now() % periodMs);
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
