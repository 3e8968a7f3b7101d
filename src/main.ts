import './ui/app.css';
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { i18n, localeOfLanguages } from './ui/messages/index.ts';
import { BROKEN_PRESETS, PRESETS } from './ui/presets.ts';
import { notice } from './ui/workspace/notices.svelte.ts';
import { chartRedraws } from './ui/charts/redraw.ts';
import { createWorkerRunner } from '../workers/browser-worker.ts';
import { BROWSER_LIMITS, checkLimits } from './sim/limits.ts';
import { Workspace } from './ui/workspace.svelte.ts';
import type { KeyValueStore } from './ui/workspace/persist.ts';

/** localStorage, or null where the browser refuses it (private modes, policies). */
function localStore(): KeyValueStore | null {
  try {
    const s = window.localStorage;
    s.getItem('dsw.probe');
    return s;
  } catch {
    return null;
  }
}

// A worker per core (at most 4): the page mostly waits while replicates run,
// and a lever change answers sooner on every core (issue 10). The first pool
// starts its workers as the page opens (`warm` below).
const firstRunner = createWorkerRunner();
let unused: typeof firstRunner | null = firstRunner;

// The language: the browser's own to start with; a saved workspace, then a link, may choose another (issue 12).
i18n.setLocale(localeOfLanguages(navigator.languages));

const ws = new Workspace({
  presets: PRESETS,
  createRunner: () => {
    const runner = unused ?? createWorkerRunner();
    unused = null;
    return runner;
  },
  storage: localStore(),
  location: {
    getHash: () => window.location.hash,
    // A new scenario state is a history entry of its own: Back and Forward stay in the app (issue 10, point 10).
    setHash: (hash, mode) => {
      if (window.location.hash === hash) return;
      // Marked as the app's own: Back or Forward into it (even after a reload) is a move through history, not a link.
      if (mode === 'push') history.pushState({ dsw: true }, '', hash);
      else history.replaceState({ dsw: true }, '', hash);
    },
    ownEntry: () => (history.state as { dsw?: boolean } | null)?.dsw === true,
    navigation: () => {
      const type = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.type;
      return type === 'reload' || type === 'back_forward' ? type : 'navigate';
    },
  },
  frame: (cb) => requestAnimationFrame(cb),
  // In line with the chart redraws: a snapshot's data and the charts it redraws never share a frame.
  publishFrame: (cb) => void chartRedraws.request(ws, cb),
  // A chart on load, and Live reruns as levers change (issue 10, point 11).
  autoRun: true,
});

if (BROKEN_PRESETS.length > 0) {
  ws.notices.say(
    notice('presets-broken', 'warning', () => i18n.t('msg.presets.broken', { names: BROKEN_PRESETS.map((b) => `${b.id}.json`).join(', ') }), {
      problems: BROKEN_PRESETS.flatMap((b) => b.problems),
    }),
  );
}

const target = document.getElementById('app');
if (target) mount(App, { target, props: { ws } });
// Once the page is up: the workers start, and settle the opening scenario's
// replicates (their burn-in) in the background, so its first Run or lever
// change starts from settled states. Nothing that does not fit in the browser.
setTimeout(() => {
  const { scenario, runs } = ws.editor;
  void firstRunner.warm(checkLimits(scenario, BROWSER_LIMITS).length === 0 ? { scenario, seed: scenario.seed, runs } : undefined);
}, 0);
window.addEventListener('pagehide', () => ws.persistence.persistNow());
