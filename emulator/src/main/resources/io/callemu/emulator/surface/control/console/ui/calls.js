// The calls list: every call of every platform with its state, direction, parties and age, newest
// first, filtered by a search and by state and platform. Rows are updated in place as the feed
// reports changes; the keyboard moves through them with the arrow keys (one tab stop for the table).

import { duration, el, shortId } from "./format.js";

const STATE_WORDS = { connecting: "connecting", connected: "connected", disconnected: "ended" };

export class CallsList {
  /**
   * @param now () => emulated epoch ms
   * @param onSelect (callConnectionId) => void
   */
  constructor(now, onSelect) {
    this.now = now;
    this.onSelect = onSelect;
    this.body = document.getElementById("calls-body");
    this.count = document.getElementById("calls-count");
    this.empty = document.getElementById("calls-empty");
    this.search = document.getElementById("calls-search");
    this.stateFilter = document.getElementById("calls-state");
    this.platformFilter = document.getElementById("calls-platform");
    this.rows = new Map();
    /**
     * Rows on screen. Only they are redrawn as their calls change (and their ages each second); a
     * row off screen keeps its call's latest data and is redrawn when it scrolls into view, so a
     * thousand busy calls cost the page the few rows it shows.
     */
    this.onScreen = new Set();
    this.watcher = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (e.isIntersecting) {
          this.onScreen.add(e.target);
          const r = this.rows.get(e.target.dataset.id);
          if (r?.stale) this.fill(r, r.row);
        } else {
          this.onScreen.delete(e.target);
        }
      }
    });
    this.selected = null;
    this.stop = null;
    this.shown = 0;
    for (const input of [this.search, this.stateFilter, this.platformFilter]) {
      input.addEventListener("input", () => this.refilter());
    }
    document.getElementById("calls-filter").addEventListener("submit", (e) => e.preventDefault());
    this.body.addEventListener("click", (e) => {
      const tr = e.target.closest("tr");
      if (tr) this.select(tr.dataset.id, true);
    });
    this.body.addEventListener("keydown", (e) => this.key(e));
  }

  /** The call rows of a snapshot replace every row. */
  replaceAll(calls) {
    this.rows.clear();
    this.watcher.disconnect();
    this.onScreen.clear();
    this.stop = null;
    const sorted = [...calls].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    const fragment = document.createDocumentFragment();
    for (const row of sorted) fragment.append(this.build(row));
    this.body.replaceChildren(fragment);
    if (this.selected && this.rows.has(this.selected)) this.mark(this.selected);
    this.refilter();
  }

  /** A call row changed or is new. */
  upsert(row) {
    const known = this.rows.get(row.callConnectionId);
    if (known) {
      if (this.onScreen.has(known.tr)) {
        this.fill(known, row);
      } else {
        known.row = row;
        known.stale = true;
      }
      const visible = this.matches(row);
      if (known.tr.hidden === visible) {
        known.tr.hidden = !visible;
        this.shown += visible ? 1 : -1;
        this.counted();
      }
      return;
    }
    const tr = this.build(row);
    const visible = this.matches(row);
    tr.hidden = !visible;
    this.body.prepend(tr);
    if (visible) this.shown++;
    this.counted();
    if (visible && (!this.stop || this.stop.hidden)) this.tabStop(tr);
  }

  row(id) {
    return this.rows.get(id)?.row;
  }

  /** Updates the age of the rows on screen (once a second, and when the virtual clock moves). */
  tickAges() {
    const now = this.now();
    for (const tr of this.onScreen) {
      const r = this.rows.get(tr.dataset.id);
      if (r) set(r.cells.age, age(r.row, now));
    }
  }

  select(id, focus) {
    if (!this.rows.has(id)) return;
    this.mark(id);
    if (focus) this.rows.get(id).tr.focus();
    this.onSelect(id);
  }

  mark(id) {
    this.rows.get(this.selected)?.tr.setAttribute("aria-selected", "false");
    this.selected = id;
    const now = this.rows.get(id);
    now.tr.setAttribute("aria-selected", "true");
    this.tabStop(now.tr);
  }

  /** The one row the Tab key reaches (roving tabindex). */
  tabStop(tr) {
    if (this.stop && this.stop !== tr) this.stop.tabIndex = -1;
    this.stop = tr;
    if (tr) tr.tabIndex = 0;
  }

  build(row) {
    const cells = {
      platform: el("td"), direction: el("td"), state: el("td"), from: el("td"), to: el("td"),
      age: el("td", { class: "mono" }), id: el("td", { class: "mono" }),
    };
    const badge = el("span", { class: "state" });
    cells.state.append(badge);
    const tr = el("tr", { dataset: { id: row.callConnectionId }, tabindex: "-1", "aria-selected": "false" },
      ...Object.values(cells));
    const r = { tr, cells, badge, row };
    this.rows.set(row.callConnectionId, r);
    this.watcher.observe(tr);
    this.fill(r, row);
    return tr;
  }

  fill(r, row) {
    r.row = row;
    r.stale = false;
    const c = r.cells;
    set(c.platform, row.platform === "graph" ? "Graph" : row.platform === "acs" ? "ACS" : row.platform);
    set(c.direction, row.direction === "inbound" ? "in" : "out");
    title(c.direction, row.direction);
    set(r.badge, STATE_WORDS[row.state] ?? row.state);
    r.badge.className = `state state-${row.state}`;
    set(c.from, row.from);
    title(c.from, row.from);
    set(c.to, row.to);
    title(c.to, row.to);
    set(c.age, age(row, this.now()));
    set(c.id, shortId(row.callConnectionId));
    title(c.id, row.callConnectionId);
  }

  matches(row) {
    const state = this.stateFilter.value;
    if (state === "active" ? row.state === "disconnected" : state && row.state !== state) return false;
    if (this.platformFilter.value && row.platform !== this.platformFilter.value) return false;
    const words = this.search.value.trim().toLowerCase();
    if (!words) return true;
    const text = `${row.callConnectionId} ${row.from} ${row.to} ${row.operationContext ?? ""} ${row.platform} `
      + `${row.state} ${row.direction} ${row.serverCallId ?? ""} ${row.correlationId ?? ""}`.toLowerCase();
    return words.split(/\s+/).every((w) => text.includes(w));
  }

  refilter() {
    let shown = 0;
    for (const r of this.rows.values()) {
      const visible = this.matches(r.row);
      r.tr.hidden = !visible;
      if (visible) shown++;
    }
    this.shown = shown;
    this.counted();
    if (!this.stop || !this.stop.isConnected || this.stop.hidden) {
      const selected = this.rows.get(this.selected);
      const first = selected && !selected.tr.hidden ? selected : [...this.rows.values()].find((r) => !r.tr.hidden);
      this.tabStop(first?.tr ?? null);
    }
  }

  counted() {
    const total = this.rows.size;
    set(this.count, total === this.shown ? `(${total})` : `(${this.shown} of ${total})`);
    this.empty.hidden = total > 0;
  }

  /** Arrow keys, Home and End move through the visible rows; Enter and Space select. */
  key(e) {
    const tr = e.target.closest("tr");
    if (!tr) return;
    const visible = [...this.body.rows].filter((r) => !r.hidden);
    const i = visible.indexOf(tr);
    let next = null;
    if (e.key === "ArrowDown") next = visible[Math.min(i + 1, visible.length - 1)];
    else if (e.key === "ArrowUp") next = visible[Math.max(i - 1, 0)];
    else if (e.key === "Home") next = visible[0];
    else if (e.key === "End") next = visible[visible.length - 1];
    else if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      this.select(tr.dataset.id, true);
      return;
    } else return;
    e.preventDefault();
    if (next) {
      this.tabStop(next);
      next.focus();
    }
  }
}

function age(row, now) {
  const created = Date.parse(row.createdAt);
  if (row.disconnectedAt) return `ended after ${duration(Date.parse(row.disconnectedAt) - created)}`;
  return duration(Math.max(0, now - created));
}

function set(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function title(node, text) {
  if (node.title !== text) node.title = text;
}
