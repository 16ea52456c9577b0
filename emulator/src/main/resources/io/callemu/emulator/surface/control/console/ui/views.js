// The views beside the calls: the journal (filtered, live), faults (armed from the outcome
// catalogue) and settings (changed in place), the tabs that switch between them, and the form that
// offers a new inbound call.

import { api } from "./api.js";
import { clockTime, el, shortId } from "./format.js";

/** The tab list: click or arrow keys (WAI-ARIA tabs pattern); onShow(name) when a tab opens. */
export function tabs(onShow) {
  const list = document.getElementById("tabs");
  const all = [...list.querySelectorAll('[role="tab"]')];
  function open(tab, focus) {
    for (const t of all) {
      const selected = t === tab;
      t.setAttribute("aria-selected", String(selected));
      t.tabIndex = selected ? 0 : -1;
      document.getElementById(t.getAttribute("aria-controls")).hidden = !selected;
    }
    if (focus) tab.focus();
    onShow(tab.id.replace("tab-", ""));
  }
  list.addEventListener("click", (e) => {
    const tab = e.target.closest('[role="tab"]');
    if (tab) open(tab, false);
  });
  list.addEventListener("keydown", (e) => {
    const i = all.indexOf(document.activeElement);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: all.length - 1 }[e.key];
    if (next === undefined || i < 0) return;
    e.preventDefault();
    open(all[(next + all.length) % all.length], true);
  });
}

/** The journal: loaded with its filters, then new entries as the feed brings them (newest first). */
export class JournalView {
  constructor() {
    this.body = document.getElementById("journal-body");
    this.status = document.getElementById("journal-status");
    this.kind = document.getElementById("journal-kind");
    this.type = document.getElementById("journal-type");
    this.call = document.getElementById("journal-call");
    this.live = document.getElementById("journal-live");
    this.rows = new Map();
    this.loaded = false;
    document.getElementById("journal-filter").addEventListener("submit", (e) => {
      e.preventDefault();
      this.load();
    });
  }

  static MAX_ROWS = 500;

  show() {
    if (!this.loaded) this.load();
  }

  async load() {
    const q = new URLSearchParams();
    if (this.kind.value) q.set("kind", this.kind.value);
    if (this.type.value.trim()) q.set("type", this.type.value.trim());
    if (this.call.value.trim()) q.set("callConnectionId", this.call.value.trim());
    this.status.textContent = "loading…";
    try {
      const { events } = await api("GET", `/events?${q}`);
      this.loaded = true;
      this.rows.clear();
      const newest = events.slice(-JournalView.MAX_ROWS).reverse();
      this.body.replaceChildren(...newest.map((e) => this.row(e)));
      this.status.textContent = `${events.length} entries${events.length > newest.length ? `, the newest ${newest.length} shown` : ""}.`;
    } catch (e) {
      this.status.textContent = `The journal could not be loaded: ${e.message}`;
    }
  }

  /** A journal entry from the feed (new or changed). */
  entry(entry) {
    if (!this.loaded || !this.live.checked || !this.matches(entry)) return;
    const known = this.rows.get(entry.seq);
    const tr = this.row(entry);
    if (known) {
      known.replaceWith(tr);
      this.rows.set(entry.seq, tr);
      return;
    }
    this.body.prepend(tr);
    while (this.body.rows.length > JournalView.MAX_ROWS) {
      const last = this.body.lastElementChild;
      this.rows.delete(Number(last.dataset.seq));
      last.remove();
    }
  }

  matches(e) {
    const type = this.type.value.trim();
    return (!this.kind.value || e.kind === this.kind.value)
      && (!type || e.type === type || `Microsoft.Communication.${e.type}` === type)
      && (!this.call.value.trim() || e.callConnectionId === this.call.value.trim());
  }

  row(e) {
    const details = el("details", { class: "json" }, el("summary", {}, summary(e)));
    details.addEventListener("toggle", () => {
      if (details.open && details.childElementCount === 1) details.append(el("pre", {}, JSON.stringify(e, null, 2)));
    });
    const tr = el("tr", { dataset: { seq: String(e.seq) } }, el("td", { class: "mono" }, e.seq),
      el("td", { class: "mono" }, clockTime(Date.parse(e.time))), el("td", {}, e.kind), el("td", {}, e.type ?? e.method ?? ""),
      el("td", { class: "mono", title: e.callConnectionId ?? "" }, shortId(e.callConnectionId)), el("td", {}, details));
    this.rows.set(e.seq, tr);
    return tr;
  }
}

/** One line about a journal entry of any kind. */
function summary(e) {
  switch (e.kind) {
    case "request": return `${e.method} ${e.uri} \u2192 ${e.status}`;
    case "callback": {
      const r = e.event?.data?.resultInformation;
      return `${e.outcome} after ${e.attempts?.length ?? 0} attempt(s)${r ? ` \u00b7 ${r.code}/${r.subCode} ${r.message ?? ""}` : ""}`;
    }
    case "media": return e.message ?? "note";
    default: return e.reason ?? e.url ?? e.type ?? e.kind;
  }
}

/** Faults: arm one from the outcome catalogue (or a custom code pair), list and clear them. */
export class FaultsView {
  constructor(selectedCall) {
    this.selectedCall = selectedCall;
    this.$ = (id) => document.getElementById(id);
    this.rows = [];
    this.loaded = false;
    this.$("fault-action").addEventListener("change", () => this.fillRows());
    this.$("fault-row").addEventListener("change", () => this.custom());
    this.$("fault-use-selected").addEventListener("click", () => {
      this.$("fault-call").value = this.selectedCall() ?? "";
    });
    this.$("fault-form").addEventListener("submit", (e) => {
      e.preventDefault();
      this.arm();
    });
    this.$("faults-clear").addEventListener("click", async () => {
      try {
        await api("DELETE", "/faults");
        await this.list();
        this.message("Every fault was cleared.");
      } catch (err) {
        this.message(err.message, true);
      }
    });
  }

  async show() {
    try {
      if (!this.loaded) {
        this.rows = (await api("GET", "/catalogue")).rows;
        const actions = new Set(["recognize", "play", "transcription", "recordResponse", "playPrompt", "callback", "websocket"]);
        for (const r of this.rows) if (r.action) actions.add(r.action);
        this.$("fault-action").replaceChildren(...[...actions].sort().map((a) => el("option", { value: a }, a)));
        this.$("fault-action").value = "recognize";
        this.fillRows();
        this.loaded = true;
      }
      await this.list();
    } catch (e) {
      this.message(`The faults could not be loaded: ${e.message}`, true);
    }
  }

  /** The catalogue rows of the chosen action with an event to end with. */
  fillRows() {
    const action = this.$("fault-action").value;
    const rows = this.rows.filter((r) => r.action === action && r.event);
    const options = rows.map((r) => el("option", { value: r.id }, `${r.event} ${r.code}/${r.subCode} \u2014 ${r.message}`));
    if (action === "callback" || action === "websocket" || action === "speech") {
      options.unshift(el("option", { value: "" }, "(no result: the delivery, connection or recognition fails)"));
    }
    options.push(el("option", { value: "custom" }, "another code pair\u2026"));
    this.$("fault-row").replaceChildren(...options);
    this.custom();
  }

  /** The code pair fields, for a result the catalogue does not list. */
  custom() {
    this.$("fault-custom").hidden = this.$("fault-row").value !== "custom";
  }

  async arm() {
    const action = this.$("fault-action").value;
    const row = this.rows.find((r) => r.id === this.$("fault-row").value);
    const body = { action, times: Number(this.$("fault-times").value) };
    const call = this.$("fault-call").value.trim();
    if (call) body.callConnectionId = call;
    const message = this.$("fault-message").value.trim();
    if (row) {
      body.result = { event: row.event, code: row.code, subCode: row.subCode, ...(message ? { message } : {}) };
    } else if (this.$("fault-row").value === "custom") {
      body.result = { code: Number(this.$("fault-code").value), subCode: Number(this.$("fault-subcode").value),
        ...(message ? { message } : {}) };
    } else if (message) {
      body.result = { message };
    }
    try {
      const f = await api("POST", "/faults", body);
      await this.list();
      this.message(`Armed ${f.id}: the next ${f.action}${f.callConnectionId ? ` of call ${f.callConnectionId}` : ""} fails.`);
    } catch (e) {
      this.message(e.message, true);
    }
  }

  async list() {
    const { faults } = await api("GET", "/faults");
    const list = this.$("faults-list");
    list.replaceChildren(...faults.map((f) => el("li", {}, `${f.id}: ${f.action}`
      + `${f.result ? ` \u2192 ${f.result.event ?? ""} ${f.result.code}/${f.result.subCode}` : ""}`
      + ` \u00b7 ${f.times} more time(s)${f.callConnectionId ? ` \u00b7 call ${f.callConnectionId}` : " \u00b7 any call"}`)));
    if (!faults.length) list.append(el("li", { class: "empty" }, "No fault is armed."));
  }

  message(text, error = false) {
    const s = this.$("fault-status");
    s.textContent = text;
    s.classList.toggle("error", error);
  }
}

/** Settings: every setting with its value, default and source; changed one at a time. */
export class SettingsView {
  constructor() {
    this.body = document.getElementById("settings-body");
    this.status = document.getElementById("settings-status");
  }

  async show() {
    try {
      this.render((await api("GET", "/settings")).settings);
    } catch (e) {
      this.say(`The settings could not be loaded: ${e.message}`, true);
    }
  }

  render(settings) {
    this.body.replaceChildren(...settings.map((s) => {
      const id = `setting-${s.key.replace(/[^a-zA-Z0-9]/g, "-")}`;
      const input = s.choices
        ? el("select", { id }, ...s.choices.map((c) => el("option", { value: c, selected: c === String(s.value) }, c)))
        : el("input", { id, type: "number", min: s.min, max: s.max, step: "1", value: s.value });
      const form = el("form", { class: "inline" }, input, el("button", { type: "submit" }, "Set"));
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        this.change(s.key, input.value);
      });
      return el("tr", {}, el("th", { scope: "row" }, el("label", { for: id, class: "mono" }, s.key)), el("td", {}, form),
        el("td", { class: "mono" }, s.default), el("td", {}, s.setBy), el("td", {}, s.description));
    }));
  }

  async change(key, value) {
    try {
      this.render((await api("POST", "/settings", { [key]: value })).settings);
      this.say(`${key} is now ${value}.`);
      document.getElementById(`setting-${key.replace(/[^a-zA-Z0-9]/g, "-")}`)?.focus();
    } catch (e) {
      this.say(e.message, true);
    }
  }

  say(text, error = false) {
    this.status.textContent = text;
    this.status.classList.toggle("error", error);
  }
}

/** The form that offers an inbound call, ACS (Event Grid IncomingCall) or Graph (to a bot). */
export function inboundForm() {
  const $ = (id) => document.getElementById(id);
  const form = $("inbound-form");
  const platform = () => form.querySelector('input[name="inbound-platform"]:checked').value;
  form.addEventListener("change", () => {
    for (const part of form.querySelectorAll("[data-for]")) part.hidden = part.dataset.for !== platform();
    $("inbound-callback").required = platform() === "graph";
  });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const status = $("inbound-status");
    const graph = platform() === "graph";
    const body = { from: $("inbound-from").value.trim(), to: $("inbound-to").value.trim() || undefined };
    if (graph) {
      body.callbackUri = $("inbound-callback").value.trim();
      if ($("inbound-app").value.trim()) body.appId = $("inbound-app").value.trim();
    } else if ($("inbound-name").value.trim()) {
      body.callerDisplayName = $("inbound-name").value.trim();
    }
    status.textContent = "offering…";
    status.classList.remove("error");
    try {
      const answer = await api("POST", graph ? "/graph/incoming-calls" : "/incoming-calls", body);
      status.textContent = graph ? `Offered Graph call ${answer.id}.`
        : `Offered: the IncomingCall event was ${answer.delivery === "delivered" ? "delivered" : "posted (no answer yet)"}; `
          + "the call appears once the app answers.";
    } catch (err) {
      status.textContent = err.message;
      status.classList.add("error");
    }
  });
}
