// Small helpers shared by the console's modules: DOM building (text only, never HTML from data) and
// how times and durations read.

/** Builds an element: el("td", {class: "x", dataset: {id}}, "text", child, …). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

/** Emulated epoch ms as HH:MM:SS.mmm (UTC, as the journal's times). */
export function clockTime(ms) {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(11, 23) : "–";
}

/** Emulated epoch ms as a full ISO instant. */
export function isoTime(ms) {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : "–";
}

/** A duration for people: 250 ms, 4.4 s, 2 min 5 s, 1 h 2 min. */
export function duration(ms) {
  if (!Number.isFinite(ms)) return "–";
  const neg = ms < 0;
  ms = Math.abs(ms);
  let text;
  if (ms < 1000) text = `${Math.round(ms)} ms`;
  else if (ms < 60_000) text = `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  else if (ms < 3_600_000) text = `${Math.floor(ms / 60_000)} min ${Math.floor((ms % 60_000) / 1000)} s`;
  else text = `${Math.floor(ms / 3_600_000)} h ${Math.floor((ms % 3_600_000) / 60_000)} min`;
  return neg ? `-${text}` : text;
}

/** The first characters of a long id, for tables. */
export function shortId(id) {
  return id && id.length > 8 ? `${id.slice(0, 8)}…` : id ?? "";
}

/** Says something to screen readers without moving focus. */
export function announce(text) {
  const region = document.getElementById("announce");
  region.textContent = "";
  // A new text node on the next frame is announced even when the words repeat.
  requestAnimationFrame(() => { region.textContent = text; });
}

/** Whether a keyboard event's target takes typing itself. */
export function typingInto(target) {
  return target instanceof HTMLElement && (target.isContentEditable
    || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}
