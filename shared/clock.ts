// The one place the wall clock is read. Tests and the alerts job shift it to reach deadlines without waiting.
let offsetMs = Number(process.env.CLOCK_OFFSET_MS ?? 0);

export function clock(): Date {
  return new Date(Date.now() + offsetMs);
}

export function setClockOffset(ms: number): void {
  offsetMs = ms;
}
