/** Dates and times as the person reading them writes them (their locale and time zone). */
const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const moment = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "12 Mar 2026"; empty for no date. */
export function formatDay(iso: string | null | undefined): string {
  return iso ? day.format(new Date(iso)) : '';
}

/** "12 Mar 2026, 09:30"; empty for no time. */
export function formatMoment(iso: string | null | undefined): string {
  return iso ? moment.format(new Date(iso)) : '';
}

/** A percent as shown: one decimal at most ("84.3%", "80%"). */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${Math.round(value * 10) / 10}%`;
}
