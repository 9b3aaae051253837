/**
 * The kiosk screen's only script. It turns the stacked items into a rotating board, judges
 * staleness and notices' remaining days by the screen's own date every minute, moves the board a few
 * pixels against burn-in, dims to a clock at night, and keeps the offline copy (a Workbox service
 * worker) up to date: it checks for a new build every few minutes and reloads when the new one
 * takes over. One timer drives everything, so a stuck step cannot stop the others.
 */
import { formatDateZh } from '../lib/dates.ts';
import {
  describeNoticeStatus,
  describeStaleness,
  formatChinaTime,
  formatClockDateZh,
  getChinaDate,
  getChinaMinutes,
  getPixelShift,
  getScreenDate,
  isBoardStale,
  isNightTime,
  parseKioskOptions,
} from '../lib/kiosk.ts';

const SHIFT_EVERY_MS = 60_000;
const LAYOUT_EVERY_MS = 600_000;
const SYNC_KEY = 'gongkai-kiosk-last-sync';
/** The as-of date of the newest build this screen is known to show (from its `version.json`, written every build). */
const AS_OF_KEY = 'gongkai-kiosk-as-of';

const root = document.documentElement;
const board = document.getElementById('board')!;
const $ = <T extends Element = HTMLElement>(sel: string) => board.querySelector<T>(sel) ?? document.querySelector<T>(sel);
const data = board.dataset as Record<string, string>;
const options = parseKioskOptions(location.search);
const slides = [...board.querySelectorAll<HTMLElement>('[data-slide]')];
const counter = $('[data-counter]');
const progress = $('[data-progress]');
const sync = $('[data-sync]');
const night = document.querySelector<HTMLElement>('[data-night]')!;

let current: HTMLElement | undefined;
let shownAt = 0;
let lastInput = -Infinity;
let day = '';
let minute = -1;
let lastCheck = -Infinity;

const visible = () => slides.filter((s) => !s.hidden);

/**
 * The latest date this screen's content is known to be current on: the as-of date of the newest build, learned from
 * `version.json` once the screen holds that build (the page itself changes only when a state does, so it carries no
 * build date), and never before the first day its page is known current on (`data-known`, src/records/dated.ts).
 */
function knownAsOf(): string {
  const learned = localStorage.getItem(AS_OF_KEY) ?? '';
  const known = data['known'] ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(learned) && learned > known ? learned : known;
}

/** Whether a slide's type at this scale fits the screen: its natural height within the items' area, nothing wider than the slide. */
function fitsAt(slide: HTMLElement, scale: number, room: number): boolean {
  slide.style.setProperty('--fit', scale.toFixed(2));
  // Without a bottom edge the slide is as tall as its content (the auto margins that push the pointer down collapse).
  slide.style.bottom = 'auto';
  const tall = slide.offsetHeight;
  slide.style.bottom = '';
  if (tall > room + 1) return false;
  const edge = slide.getBoundingClientRect().right;
  return [slide, ...slide.querySelectorAll<HTMLElement>('*')].every(
    (el) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= edge + 1,
  );
}

/**
 * Sizes a slide's type to use the screen: the largest scale (up to 170 %) at which it still fits, so
 * a short item is not a few lines over an empty screen; a long one shrinks (down to 70 %).
 */
function fit(slide: HTMLElement): void {
  const room = slide.parentElement!.clientHeight;
  let lo = 0.7;
  let hi = 1.7;
  if (fitsAt(slide, hi, room)) lo = hi;
  else if (fitsAt(slide, lo, room))
    while (hi - lo > 0.02) {
      const mid = (lo + hi) / 2;
      if (fitsAt(slide, mid, room)) lo = mid;
      else hi = mid;
    }
  slide.style.setProperty('--fit', (Math.floor(lo * 100) / 100).toFixed(2));
}

function show(slide: HTMLElement | undefined): void {
  const list = visible();
  current = slide && list.includes(slide) ? slide : list[0];
  for (const s of slides) s.classList.toggle('current', s === current);
  if (current) fit(current);
  if (counter) counter.textContent = current ? `${list.indexOf(current) + 1} / ${list.length}` : '';
  shownAt = Date.now();
  if (progress) progress.style.transform = 'scaleX(0)';
}

function step(by: number): void {
  const list = visible();
  if (list.length === 0) return show(undefined);
  const at = current ? list.indexOf(current) : -1;
  show(list[(((at + by) % list.length) + list.length) % list.length]);
}

/** A person touched the screen or pressed a key: stop cycling until they have been idle a while. */
function interact(by: number): void {
  lastInput = Date.now();
  if (root.classList.contains('is-night')) return tick();
  step(by);
}

/** Once a day (and at start): staleness and each notice's remaining days, on the screen's date. */
function judgeDay(today: string): void {
  const stale = isBoardStale(today, data['deadline']!);
  $('[data-stale-banner]')!.hidden = !stale;
  if (stale)
    $('[data-stale-text]')!.textContent = describeStaleness(
      JSON.parse(data['coming']!) as { label: string; deadline: string }[],
      today,
      knownAsOf(),
      data['what']!,
    );
  board.dataset['stale'] = String(stale);
  for (const el of board.querySelectorAll<HTMLElement>('[data-notice-status]')) {
    const s = describeNoticeStatus(el.dataset['start']!, el.dataset['end']!, el.dataset['longTerm'] === 'true', today);
    el.textContent = s.zh;
    el.className = `days ${s.state}`;
    el.closest<HTMLElement>('[data-slide]')!.hidden = s.state === 'ended';
  }
  if (!current || current.hidden) step(1);
}

function tick(): void {
  const now = Date.now();
  const asOf = knownAsOf();
  const today = getScreenDate(now, asOf);
  if (today !== day) judgeDay((day = today));
  const m = Math.floor(now / 60_000);
  if (m !== minute) {
    minute = m;
    const clockOk = getChinaDate(now) >= asOf;
    const time = clockOk ? formatChinaTime(now) : '屏幕时间未校准';
    $('[data-clock]')!.textContent = clockOk ? `${formatClockDateZh(today)} ${time}` : time;
    $('[data-night-time]')!.textContent = time;
    $('[data-night-date]')!.textContent = formatDateZh(today);
    const shift = getPixelShift(Math.floor(now / SHIFT_EVERY_MS));
    board.style.transform = `translate(${shift.x}px, ${shift.y}px)`;
    board.dataset['layout'] = Math.floor(now / LAYOUT_EVERY_MS) % 2 ? 'b' : 'a';
    const far = getPixelShift(m + 3);
    $('[data-night-face]')!.style.transform = `translate(${far.x * 12}px, ${far.y * 12}px)`;
  }
  const idle = now - lastInput >= options.idleSeconds * 1000;
  const dark = idle && isNightTime(getChinaMinutes(now), options.night);
  root.classList.toggle('is-night', dark);
  night.hidden = !dark;
  if (idle && !dark) {
    const shown = now - shownAt;
    if (shown >= options.everySeconds * 1000) step(1);
    else if (progress) progress.style.transform = `scaleX(${Math.min(1, (shown + 1000) / (options.everySeconds * 1000)).toFixed(3)})`;
  }
  if (now - lastCheck >= options.checkSeconds * 1000) {
    lastCheck = now;
    void checkForUpdate();
  }
}

// ── offline copy and updates ─────────────────────────────────────────────

let registration: ServiceWorkerRegistration | undefined;

/** "已联网" or "离线显示中" once known, with the time of the last successful check. */
function showSync(online?: boolean): void {
  const last = Number(localStorage.getItem(SYNC_KEY) ?? 0);
  const when = last ? `${formatDateZh(getChinaDate(last)).slice(5)} ${formatChinaTime(last)}` : '尚未同步';
  const state = online === undefined ? '' : online ? '已联网 · ' : '离线显示中 · ';
  if (sync) sync.textContent = `${state}最后同步 ${when}`;
  if (online !== undefined) board.dataset['online'] = String(online);
}

/**
 * The county's publication log as of now (log/checkpoint, fetched while online, never precached):
 * its entry count and the start of its root hash, which a villager can write down or photograph and
 * compare later (npm run verify --since). Kept on screen while offline.
 */
async function showCheckpoint(): Promise<void> {
  const el = $('[data-log-checkpoint]');
  if (!el || !data['checkpoint']) return;
  try {
    const r = await fetch(data['checkpoint'], { cache: 'no-store' });
    if (!r.ok) return;
    const [, size, root] = (await r.text()).split('\n');
    const hex = Array.from(atob(root ?? ''), (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('');
    if (/^\d+$/.test(size ?? '') && hex.length === 64) el.textContent = `公开日志 ${size} 条 · 根哈希 ${hex.slice(0, 8)}`;
  } catch {
    // Offline: the last checkpoint shown stays.
  }
}

/** Proves the network by fetching the version file (navigator.onLine cannot), then asks for a new build. */
async function checkForUpdate(): Promise<void> {
  try {
    const r = await fetch(data['version']!, { cache: 'no-store' });
    if (!r.ok) throw new Error(String(r.status));
    const version = (await r.json().catch(() => ({}))) as { asOf?: unknown };
    localStorage.setItem(SYNC_KEY, String(Date.now()));
    showSync(true);
    void showCheckpoint();
    await registration?.update();
    // The build's date counts for this page only once no newer build is on its way (else it reloads into it first).
    if (typeof version.asOf === 'string' && !registration?.installing && !registration?.waiting) {
      localStorage.setItem(AS_OF_KEY, version.asOf);
      if (day) judgeDay(day);
    }
  } catch {
    showSync(false);
  }
}

async function startOffline(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  // Reload only when a new build replaces the one this page came from, not on the first install.
  let controlled = Boolean(sw.controller);
  sw.addEventListener('controllerchange', () => {
    if (controlled) location.reload();
    controlled = true;
  });
  const promote = (w: ServiceWorker | null) => w?.postMessage({ type: 'SKIP_WAITING' });
  registration = await sw.register(data['sw']!, { scope: data['scope']! });
  if (!registration) return;
  if (registration.waiting && sw.controller) promote(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const w = registration!.installing;
    w?.addEventListener('statechange', () => {
      if (w.state === 'installed' && sw.controller) promote(w);
    });
  });
  void navigator.storage?.persist?.();
}

// ── start ────────────────────────────────────────────────────────────────

const nav = $('[data-nav]');
if (nav) nav.hidden = false;
$('[data-clock]')!.hidden = false;
$('[data-prev]')?.addEventListener('click', (e) => (e.stopPropagation(), interact(-1)));
$('[data-next]')?.addEventListener('click', (e) => (e.stopPropagation(), interact(1)));
$('#slides')!.addEventListener('click', (e) => interact(e.clientX < window.innerWidth / 3 ? -1 : 1));
night.addEventListener('click', () => interact(0));
document.addEventListener('keydown', (e) => {
  const by = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ' ': 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 }[e.key];
  if (by === undefined) return;
  e.preventDefault();
  interact(by);
});
window.addEventListener('resize', () => current && fit(current));
// The bands around the items change height when their text changes (staleness, sync state): fit again.
new ResizeObserver(() => current && fit(current)).observe($('#slides')!);

root.classList.add('js');
showSync();
show(undefined);
tick();
setInterval(() => {
  try {
    tick();
  } catch (error) {
    console.error(error);
  }
}, 1000);
startOffline().catch((error: unknown) => console.error('service worker', error));
