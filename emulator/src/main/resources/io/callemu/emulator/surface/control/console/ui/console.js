// callemu console: the page's entry. It keeps the state the feed describes (the clock and every
// call's row), applies the feed's messages in batches once per frame, and wires the views.

import { api } from "./api.js";
import { CallView } from "./call.js";
import { CallsList } from "./calls.js";
import { openFeed, stats } from "./feed.js";
import { clockTime } from "./format.js";
import { FaultsView, JournalView, SettingsView, inboundForm, tabs } from "./views.js";

/** Messages waiting for the next frame; past this many (a tab in the background for long) the page resyncs. */
const MAX_PENDING = 50_000;

const clock = { mode: null, nowMillis: NaN, at: 0, timeScale: 1 };
/** The emulated time now: the wall clock moves on by itself, the virtual clock only when told. */
function now() {
  return clock.mode === "wall" ? clock.nowMillis + (Date.now() - clock.at) : clock.nowMillis;
}

const calls = new CallsList(now, select);
const call = new CallView(now);
const journal = new JournalView();
const faults = new FaultsView(() => call.id);
const settings = new SettingsView();
let view = "calls";
let pending = [];
let scheduled = false;
let listRendered = false;
const started = performance.now();

function select(id) {
  call.show(id, calls.row(id));
}

function setClock(c) {
  clock.mode = c.mode;
  clock.nowMillis = c.nowMillis;
  clock.at = Date.now();
  clock.timeScale = c.timeScale ?? clock.timeScale;
  const mode = document.getElementById("clock-mode");
  mode.textContent = c.mode === "virtual" ? "virtual clock"
    : clock.timeScale !== 1 ? `wall clock \u00d7${clock.timeScale}` : "wall clock";
  document.getElementById("advance").hidden = c.mode !== "virtual";
  showTime();
  if (c.mode === "virtual") {
    calls.tickAges();
    call.tick();
  }
}

function showTime() {
  const t = document.getElementById("clock-now");
  t.textContent = `${clockTime(now())} UTC`;
  t.dateTime = Number.isFinite(now()) ? new Date(now()).toISOString() : "";
}

// ---- the feed ----

function onMessage(event, data) {
  pending.push([event, data]);
  if (pending.length > MAX_PENDING) {
    // A tab that could not draw for long: what waits is stale; the next hello replaces it.
    pending = [];
    stats.resyncs++;
  }
  if (!scheduled) {
    scheduled = true;
    // Hidden tabs get no animation frames; a timer keeps them from piling messages up.
    if (document.hidden) setTimeout(apply, 250);
    else requestAnimationFrame(apply);
  }
}

function apply() {
  scheduled = false;
  const t0 = performance.now();
  const batch = pending;
  pending = [];
  for (const [event, data] of batch) handle(event, data);
  const spent = performance.now() - t0;
  stats.maxApplyMs = Math.max(stats.maxApplyMs, spent);
}

function handle(event, data) {
  switch (event) {
    case "hello": {
      stats.hellos++;
      const t0 = performance.now();
      setClock(data.clock);
      calls.replaceAll(data.calls);
      if (!listRendered) {
        listRendered = true;
        // Measured to the next frame: the rows are laid out and painted by then.
        requestAnimationFrame(() => {
          const t1 = performance.now();
          stats.firstListMs = t1 - started;
          stats.listRenderMs = t1 - t0;
          document.body.dataset.calls = String(data.calls.length);
        });
      }
      // The shown call again (its timeline may have moved on meanwhile), unless it is gone (a reset).
      if (call.id) {
        if (calls.row(call.id)) select(call.id);
        else call.show(null);
      }
      break;
    }
    case "call":
      calls.upsert(data);
      if (data.callConnectionId === call.id) call.update(data);
      break;
    case "item":
      if (data.callConnectionId && data.callConnectionId === call.id) call.add(data);
      if (data.detail) journal.entry(data.detail);
      break;
    case "clock":
      setClock(data);
      break;
    default:
      // resync and reset end the stream; the feed reconnects and a hello follows.
      break;
  }
}

function onState(state, text) {
  const p = document.getElementById("connection");
  p.dataset.state = state;
  p.textContent = text;
}

// ---- the header ----

for (const b of document.querySelectorAll("#advance button[data-ms]")) {
  b.addEventListener("click", () => advance(Number(b.dataset.ms)));
}
document.getElementById("advance-form").addEventListener("submit", (e) => {
  e.preventDefault();
  advance(Number(document.getElementById("advance-ms").value));
});

async function advance(ms) {
  const buttons = document.querySelectorAll("#advance button");
  buttons.forEach((b) => { b.disabled = true; });
  try {
    setClock(await api("POST", "/clock/advance", { ms }));
  } catch (e) {
    onState("error", `advance failed: ${e.message}`);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

tabs((name) => {
  view = name;
  if (name === "journal") journal.show();
  else if (name === "faults") faults.show();
  else if (name === "settings") settings.show();
});
inboundForm();

// Wall-clock timers count down by themselves; ages move once a second; the header shows the feed's rate.
setInterval(() => {
  if (clock.mode === "wall") {
    showTime();
    call.tick();
  }
}, 100);
let lastCount = 0;
setInterval(() => {
  stats.perSecond = stats.messages - lastCount;
  lastCount = stats.messages;
  if (clock.mode === "wall" && view === "calls") calls.tickAges();
  // Beside the status, not in it: a live region that changed every second would talk without end.
  const live = document.getElementById("connection").dataset.state === "live";
  document.getElementById("rate").textContent = live ? `${stats.perSecond} events/s` : "";
}, 1000);

/** Figures for the load measurement and for anyone curious (window.callemuConsole.stats). */
window.callemuConsole = { stats, rows: () => document.getElementById("calls-body").rows.length };

openFeed({ onMessage, onState });
