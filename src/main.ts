import './ui/app.css';
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { i18n } from './ui/messages/index.ts';
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
    setHash: (hash) => {
      if (window.location.hash !== hash) history.replaceState(history.state, '', hash);
    },
  },
  frame: (cb) => requestAnimationFrame(cb),
  // In line with the chart redraws: a snapshot's data and the charts it redraws never share a frame.
  publishFrame: (cb) => void chartRedraws.request(ws, cb),
});

if (BROKEN_PRESETS.length > 0) {
  ws.notices.say(
    notice('presets-broken', 'warning', i18n.t('msg.presets.broken', { names: BROKEN_PRESETS.map((b) => `${b.id}.json`).join(', ') }), {
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
