/**
 * The days left of a 公示 on the visitor's own date (China time), added to the period its page prints: a page
 * rebuilt only when the 公示 starts or ends still counts down every day. Without JavaScript the period alone
 * is shown. Counted as the kiosk screen counts (src/lib/calendar.ts `getPostingStatus`).
 */
import { describeNoticeDays } from '../lib/calendar.ts';
import { getChinaDate } from '../lib/dates.ts';

const today = getChinaDate(Date.now());
for (const el of document.querySelectorAll<HTMLElement>('[data-notice-days]')) {
  el.textContent = describeNoticeDays(el.dataset['start']!, el.dataset['end']!, today);
}
