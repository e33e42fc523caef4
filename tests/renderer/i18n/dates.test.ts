// Dates in the interface's language: Vietnamese day first and 24 h, English "4 Dec 2026, 21:12";
// never the browser's "12/4/2026, 9:12:39 PM".
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../../src/renderer/i18n/dates';

const evening = new Date(2026, 11, 4, 21, 12, 39); // local time, as the user sees it
const morning = new Date(2026, 0, 9, 7, 5, 0);

describe('formatDateTime', () => {
  it('Vietnamese: dd/MM/yyyy HH:mm, 24 h', () => {
    expect(formatDateTime(evening, 'vi')).toBe('04/12/2026 21:12');
    expect(formatDateTime(morning, 'vi')).toBe('09/01/2026 07:05');
  });
  it('English: day, short month, year, 24 h', () => {
    expect(formatDateTime(evening, 'en')).toBe('4 Dec 2026, 21:12');
    expect(formatDateTime(morning, 'en')).toBe('9 Jan 2026, 07:05');
  });
  it('reads the ISO text the API sends (in local time) and leaves unreadable text as it is', () => {
    expect(formatDateTime(evening.toISOString(), 'vi')).toBe('04/12/2026 21:12');
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});

describe('formatDate', () => {
  it('the day alone', () => {
    expect(formatDate(evening, 'vi')).toBe('04/12/2026');
    expect(formatDate(evening, 'en')).toBe('4 Dec 2026');
  });
});
