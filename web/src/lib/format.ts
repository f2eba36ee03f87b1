// Kilograms (up to 3 decimals) and instants in China Standard Time, as console.md asks.
const TZ = 'Asia/Shanghai';

const kgFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 3 });
export const kg = (n: number | undefined | null) => (n === undefined || n === null ? '—' : `${kgFormat.format(n)} kg`);

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
export const cst = (iso: string | undefined | null) => (iso ? timeFormat.format(new Date(iso)) : '—');

/** A `datetime-local` value for an instant, read in CST (whatever the browser's zone). */
export function toLocalInput(d: Date = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: TZ,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}`;
}

/** A `datetime-local` value (read as CST) → an RFC 3339 instant; '' stays '' so the API names the empty field. */
export const fromLocalInput = (v: string) => (v ? new Date(`${v}:00+08:00`).toISOString() : '');

/** The current month in CST, e.g. 2026-12 (a declaration period). */
export const currentMonth = () => toLocalInput().slice(0, 7);

/** A number typed in a field; '' becomes NaN so the API refuses it next to the field rather than the console guessing. */
export const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));
