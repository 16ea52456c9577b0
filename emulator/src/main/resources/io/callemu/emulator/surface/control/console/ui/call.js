// One call, watched and driven: its facts, its media now (each operation with its timers counting
// down in emulated time), the caller's controls (keypad, speech, audio, hang-up) and its timeline.
// Timeline items are rendered generically from the feed's view model (source, type, summary,
// status, fields, detail), so event types the page has never heard of show up as they are.

import { api } from "./api.js";
import { announce, clockTime, duration, el, isoTime, typingInto } from "./format.js";

const TIMER_WORDS = {
  prompt: "prompt", playEnd: "play ends", initialSilence: "initial silence", interTone: "between keys",
  endSilence: "end silence",
};
const KEYS = /^[0-9*#A-Da-d]$/;
/** Timeline items kept on the page for one call (the oldest go first). */
const MAX_ITEMS = 2000;

export class CallView {
  /** @param now () => emulated epoch ms */
  constructor(now) {
    this.now = now;
    this.id = null;
    this.row = null;
    this.items = new Map();
    this.timers = [];
    this.keys = Promise.resolve();
    this.$ = (id) => document.getElementById(id);
    this.body = this.$("call-body");
    this.timeline = this.$("timeline");
    this.filter = this.$("timeline-filter");
    this.status = this.$("caller-status");
    this.filter.addEventListener("input", () => this.refilter());
    this.$("keypad").addEventListener("click", (e) => {
      const b = e.target.closest("button[data-key]");
      if (b) this.press(b.dataset.key);
    });
    // The keypad answers key presses anywhere in the calls view unless something else takes typing.
    this.$("panel-calls").addEventListener("keydown", (e) => {
      if (!this.id || e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target) || !KEYS.test(e.key)) return;
      if (e.target.closest?.(".calls-table") && /^[A-Da-d]$/.test(e.key)) return;
      e.preventDefault();
      this.press(e.key.toUpperCase());
    });
    this.$("say-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const text = this.$("say-text").value;
      this.act(`said \u201c${text}\u201d`, () => api("POST", `/calls/${enc(this.id)}/speech`, { text }))
        .then((ok) => ok && (this.$("say-text").value = ""));
    });
    this.$("audio-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const file = this.$("audio-file").files[0];
      if (!file) return;
      const text = this.$("audio-text").value;
      this.act(`sent ${file.name}`, () => api("POST", `/calls/${enc(this.id)}/audio?text=${enc(text)}`, file));
    });
    this.$("hangup").addEventListener("click", () => this.act("hung up", () => api("POST", `/calls/${enc(this.id)}/hangup`)));
  }

  /** Shows another call (or none): its row now, its timeline from the server. */
  async show(id, row) {
    this.id = id;
    this.items.clear();
    this.timeline.replaceChildren();
    this.status.textContent = "";
    this.$("call-none").hidden = !!id;
    this.body.hidden = !id;
    if (!id) return;
    if (row) this.update(row);
    try {
      const t = await api("GET", `/calls/${enc(id)}/timeline`);
      if (this.id !== id) return;
      this.update(t.call);
      this.merge(t.items);
    } catch (e) {
      if (this.id === id) this.say(`The timeline could not be loaded: ${e.message}`, true);
    }
  }

  /** The shown call's row changed. */
  update(row) {
    this.row = row;
    this.$("call-heading").textContent = `Call ${row.callConnectionId}`;
    this.facts(row);
    this.operations(row);
    const connected = row.state === "connected";
    for (const b of this.body.querySelectorAll("#caller button, #caller input")) b.disabled = !connected;
    this.$("keypad").setAttribute("aria-disabled", String(!connected));
  }

  facts(row) {
    const line = this.$("call-line");
    const badge = el("span", { class: `state state-${row.state}` },
      row.state === "disconnected" ? `ended${row.endedBy ? ` by ${row.endedBy}` : ""}` : row.state);
    line.replaceChildren(...[el("span", {}, row.platform === "graph" ? "Graph" : "ACS"), el("span", {}, row.direction), badge,
      el("span", {}, `${row.from} \u2192 ${row.to}`),
      el("span", {}, `created ${clockTime(Date.parse(row.createdAt))}`),
      row.connectedAt && el("span", {}, `connected ${clockTime(Date.parse(row.connectedAt))}`),
      row.disconnectedAt && el("span", {}, `ended ${clockTime(Date.parse(row.disconnectedAt))}`)].filter(Boolean));
    const pairs = [
      ["Call connection id", row.callConnectionId], ["Server call id", row.serverCallId],
      ["Correlation id", row.correlationId], ["Created", isoTime(Date.parse(row.createdAt))],
      row.connectedAt && ["Connected", isoTime(Date.parse(row.connectedAt))],
      row.disconnectedAt && ["Ended", isoTime(Date.parse(row.disconnectedAt))],
      row.operationContext && ["Context", row.operationContext],
      row.transcription && ["Transcription", row.transcription],
      row.continuousDtmf && ["Continuous DTMF", "on"],
      ["Participants", (row.participants ?? []).join(", ") || "none"],
      ["Callback", row.callbackUri],
    ].filter(Boolean);
    this.$("call-facts").replaceChildren(...pairs.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  }

  /** The running and queued operations with their timers (re-drawn on each change, counted down by tick). */
  operations(row) {
    const list = this.$("call-ops");
    this.timers = [];
    const ops = row.operations ?? [];
    if (!ops.length) {
      list.replaceChildren(el("li", { class: "none" }, row.state === "connected" ? "Nothing playing or listening." : "No media."));
      return;
    }
    list.replaceChildren(...ops.map((op) => {
      const facts = [];
      const prompt = op.timers.find((t) => t.name === "prompt" || t.name === "playEnd");
      if (prompt?.lengthMs !== undefined) facts.push(`prompt ${duration(prompt.lengthMs)}`);
      if (op.initialSilenceMs !== undefined) {
        facts.push(`initial silence ${duration(op.initialSilenceMs)}`, `between keys ${duration(op.interToneMs)}`,
          `end silence ${duration(op.endSilenceMs)}`);
        if (op.maxTones) facts.push(`max ${op.maxTones} keys`);
        if (op.stopTones?.length) facts.push(`stop ${op.stopTones.join(" ")}`);
      }
      if (op.tones?.length) facts.push(`keys so far: ${op.tones.join(", ")}`);
      if (op.lockedTo) facts.push(`locked to ${op.lockedTo}`);
      const li = el("li", {},
        el("div", { class: "op-head" }, el("strong", {}, op.kind), el("span", { class: "mono" }, op.id),
          el("span", { class: "badge" }, op.state), op.running ? "running" : "queued",
          op.operationContext && el("span", {}, `context \u201c${op.operationContext}\u201d`),
          op.recognizeInputType && el("span", {}, op.recognizeInputType)),
        facts.length ? el("div", { class: "op-facts" }, facts.join(" \u00b7 ")) : null);
      for (const t of op.timers) {
        const bar = el("progress", { max: String(t.lengthMs ?? 1), value: "0", "aria-label": `${words(t.name)} left` });
        const left = el("span", { class: "left mono" });
        li.append(el("div", { class: "timer" }, el("span", {}, words(t.name)), bar, left,
          el("time", { class: "due", datetime: t.dueAt }, `due ${clockTime(t.dueAtMillis)}`)));
        this.timers.push({ t, bar, left });
      }
      return li;
    }));
    this.tick();
  }

  /** Counts the timers down to the emulated now. */
  tick() {
    const now = this.now();
    for (const { t, bar, left } of this.timers) {
      const remaining = Math.max(0, t.dueAtMillis - now);
      const text = `${duration(remaining)} left`;
      if (left.textContent !== text) left.textContent = text;
      if (t.lengthMs !== undefined) bar.value = Math.min(t.lengthMs, remaining);
      else bar.removeAttribute("value");
    }
  }

  /**
   * The timeline the server kept, drawn at once, with what the feed brought meanwhile (that stays:
   * it is at least as new).
   */
  merge(items) {
    const all = new Map(items.map((item) => [item.key, item]));
    for (const [key, { item }] of this.items) all.set(key, item);
    const sorted = [...all.values()].sort((a, b) => b.seq - a.seq).slice(0, MAX_ITEMS);
    this.items.clear();
    const fragment = document.createDocumentFragment();
    for (const item of sorted) {
      const li = render(item);
      li.hidden = !this.matches(item);
      this.items.set(item.key, { item, li });
      fragment.append(li);
    }
    this.timeline.replaceChildren(fragment);
  }

  /** A timeline item, newest first (new, or a journal entry that changed: it keeps its place). */
  add(item, live = true) {
    const known = this.items.get(item.key);
    const li = render(item);
    li.hidden = !this.matches(item);
    if (known) {
      known.li.replaceWith(li);
      this.items.set(item.key, { item, li });
      return;
    }
    const first = this.timeline.firstElementChild;
    if (!first || Number(first.dataset.seq) < item.seq) {
      this.timeline.prepend(li);
    } else {
      const before = [...this.timeline.children].find((n) => Number(n.dataset.seq) < item.seq);
      this.timeline.insertBefore(li, before ?? null);
    }
    this.items.set(item.key, { item, li });
    while (this.items.size > MAX_ITEMS) {
      const oldest = this.timeline.lastElementChild;
      this.items.delete(oldest.dataset.key);
      oldest.remove();
    }
    if (live && item.source !== "request") announceItem(item);
  }

  matches(item) {
    const words = this.filter.value.trim().toLowerCase();
    if (!words) return true;
    const text = `${item.source} ${item.type} ${item.summary} ${item.fields.map((f) => f.join(" ")).join(" ")}`.toLowerCase();
    return words.split(/\s+/).every((w) => text.includes(w));
  }

  refilter() {
    for (const { item, li } of this.items.values()) li.hidden = !this.matches(item);
  }

  /** Presses a key for the caller; presses go in order, one request each. */
  press(key) {
    if (!this.row || this.row.state !== "connected") return;
    const button = this.$("keypad").querySelector(`button[data-key="${CSS.escape(key)}"]`);
    button?.classList.add("pressed");
    setTimeout(() => button?.classList.remove("pressed"), 150);
    const id = this.id;
    this.keys = this.keys.then(() => this.act(`pressed ${key}`, () => api("POST", `/calls/${enc(id)}/dtmf`, { tones: key })));
  }

  /** Runs a caller action and says what came of it. */
  async act(what, request) {
    try {
      const answer = await request();
      // Keys queue behind the caller's earlier ones: say when they are all heard.
      const when = answer?.endsAt ? ` (heard by ${clockTime(Date.parse(answer.endsAt))})`
        : answer?.startsAt ? ` at ${clockTime(Date.parse(answer.startsAt))}` : "";
      this.say(`Caller ${what}${when}.`);
      return true;
    } catch (e) {
      this.say(`Could not: ${e.message}`, true);
      return false;
    }
  }

  say(text, error = false) {
    this.status.textContent = text;
    this.status.classList.toggle("error", error);
  }
}

/** One timeline item: time, source, type, summary; its fields; its journal entry on demand. */
function render(item) {
  const li = el("li", { class: `st-${item.status} src-${item.source}`, dataset: { key: item.key, seq: String(item.seq) } },
    el("div", { class: "item-head" },
      el("time", { datetime: item.time }, clockTime(item.at)),
      el("span", { class: "src" }, item.source),
      el("strong", { class: "type" }, item.type),
      el("span", { class: "summary" }, item.summary)));
  if (item.fields.length) {
    li.append(el("dl", { class: "fields" }, ...item.fields.map(([k, v]) => el("div", {}, el("dt", {}, k), el("dd", {}, v)))));
  }
  if (item.detail) {
    const details = el("details", { class: "json" }, el("summary", {}, "journal entry"));
    details.addEventListener("toggle", () => {
      if (details.open && details.childElementCount === 1) details.append(el("pre", {}, JSON.stringify(item.detail, null, 2)));
    }, { once: true });
    li.append(details);
  }
  return li;
}

function announceItem(item) {
  if (["callback", "input", "call"].includes(item.source)) announce(`${item.type} ${item.summary}`);
}

function words(name) {
  return TIMER_WORDS[name] ?? name;
}

function enc(s) {
  return encodeURIComponent(s ?? "");
}
