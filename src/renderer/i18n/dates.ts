// Dates as people in each language write them, in local time: Vietnamese "04/12/2026 21:12"
// (day first, 24 h), English "4 Dec 2026, 21:12". Written out rather than left to Intl: Chromium's
// vi-VN and en-GB output differ between versions (and "12/4/2026, 9:12:39 PM" is what a browser
// left to itself shows), and one function keeps every list and panel the same.
import type { Lang } from './index';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

function toDate(x: string | number | Date): Date | null {
  const d = x instanceof Date ? x : new Date(x);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The day alone: "04/12/2026" or "4 Dec 2026". Unreadable input comes back as given. */
export function formatDate(x: string | number | Date, lang: Lang): string {
  const d = toDate(x);
  if (!d) return String(x);
  return lang === 'en' ? `${d.getDate()} ${MONTHS_EN[d.getMonth()]} ${d.getFullYear()}` : `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** Day and time to the minute: "04/12/2026 21:12" or "4 Dec 2026, 21:12". */
export function formatDateTime(x: string | number | Date, lang: Lang): string {
  const d = toDate(x);
  if (!d) return String(x);
  const time = `${two(d.getHours())}:${two(d.getMinutes())}`;
  return lang === 'en' ? `${formatDate(d, lang)}, ${time}` : `${formatDate(d, lang)} ${time}`;
}
