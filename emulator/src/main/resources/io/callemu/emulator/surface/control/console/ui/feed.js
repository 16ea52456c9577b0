// The live feed, GET /_emulator/feed: Server-Sent Events read through fetch() so that the request
// carries the control token in its Authorization header like every other control request (an
// EventSource cannot send headers). The stream starts with a "hello" snapshot; "resync" (this tab
// fell behind) and "reset" end it, and so does a lost connection: the feed then reconnects and the
// next "hello" replaces everything.

import { askToken, authHeaders } from "./api.js";

/** What the page measures of the feed (shown in the header, read by the load measurement). */
export const stats = {
  messages: 0, bytes: 0, resyncs: 0, reconnects: 0, hellos: 0, perSecond: 0, maxApplyMs: 0, firstListMs: null,
  listRenderMs: null,
};

/**
 * Opens the feed and keeps it open. onMessage(event, data) gets every message; onState(state, text)
 * hears "connecting", "live", "resyncing", "token" and "error".
 */
export function openFeed({ onMessage, onState }) {
  let delay = 0;

  async function connect() {
    onState("connecting", "connecting…");
    let res;
    try {
      res = await fetch("/_emulator/feed", { headers: authHeaders({ Accept: "text/event-stream" }), cache: "no-store" });
    } catch {
      return later("error", "callemu is not answering; retrying…");
    }
    if (res.status === 401) {
      onState("token", "needs the control token");
      await askToken(true);
      return connect();
    }
    if (!res.ok) {
      let message = `HTTP ${res.status}`;
      try {
        message = (await res.json()).error.message;
      } catch { /* the status says enough */ }
      return later("error", message);
    }
    delay = 0;
    onState("live", "live");
    let ending = "the connection closed";
    try {
      ending = await read(res.body.getReader());
    } catch {
      ending = "the connection broke";
    }
    stats.reconnects++;
    return later("resyncing", `${ending}; reconnecting…`);
  }

  /** Reads frames until the stream ends; returns why it ended. */
  async function read(reader) {
    const decoder = new TextDecoder();
    let buffer = "";
    let why = "the connection closed";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return why;
      stats.bytes += value.byteLength;
      buffer += decoder.decode(value, { stream: true });
      let start = 0;
      let end;
      while ((end = buffer.indexOf("\n\n", start)) >= 0) {
        const frame = parse(buffer.slice(start, end));
        start = end + 2;
        if (!frame) continue;
        stats.messages++;
        if (frame.event === "resync" || frame.event === "reset") {
          stats.resyncs++;
          why = frame.event === "reset" ? "callemu was reset" : "this tab fell behind and resyncs";
        }
        onMessage(frame.event, frame.data);
      }
      buffer = buffer.slice(start);
    }
  }

  function later(state, text) {
    onState(state, text);
    delay = state === "resyncing" ? 100 : Math.min(Math.max(delay * 2, 500), 10_000);
    setTimeout(connect, delay);
  }

  connect();
}

/** One SSE frame: {event, data} with the data parsed, or null for a comment or keep-alive. */
function parse(frame) {
  let event = "message";
  let data = null;
  for (const line of frame.split("\n")) {
    if (!line || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data = data === null ? value : `${data}\n${value}`;
  }
  return data === null ? null : { event, data: JSON.parse(data) };
}
