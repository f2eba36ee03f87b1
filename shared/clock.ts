// The one place the wall clock is read. Tests (setClockOffset) and a local server (CLOCK_OFFSET_MS) shift it to
// reach deadlines without waiting.
import { config } from '#shared/config.ts';

let offsetMs = config.clockOffsetMs;

export function clock(): Date {
  return new Date(Date.now() + offsetMs);
}

export function setClockOffset(ms: number): void {
  offsetMs = ms;
}
