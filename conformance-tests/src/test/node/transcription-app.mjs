// A voice app that uses real-time transcription the way the documentation's examples do: the
// official JS SDK (@azure/communication-call-automation 1.6.0) for the calls and
// startTranscription / updateTranscription / stopTranscription, and its own WebSocket server
// (the `ws` package) where callemu streams the transcription. Remote-controlled by the JUnit
// tests of io.callemu.conformance.transcription with JSON-line commands on stdin (harness.mjs).
//
//   ready line:            {"ready":true,"callbackBaseUrl":"http://127.0.0.1:<port>","wsBaseUrl":"ws://127.0.0.1:<port>"}
//   POST /callbacks/<tag>  Call Automation callbacks, each run through parseCallAutomationEvent
//   ws://…/ws/<tag>        the transcription WebSocket: every text frame goes through StreamingData.parse
//   wss://127.0.0.1:…/ws/<tag>  the same over TLS when CALLEMU_TLS_DIR names a dir with cert.pem and key.pem
//                          (callemu's data dir: the app serves callemu's own development certificate)
//
// Anything either parser rejects is recorded (op "failures") and printed to stderr. Every wait is
// bounded; the process exits when its stdin closes (the test JVM owns it).
import fs from "node:fs";
import https from "node:https";
import { WebSocketServer } from "ws";
import { CallAutomationClient, parseCallAutomationEvent, StreamingData } from "@azure/communication-call-automation";
import { bodyServer, changed, listen, MAX_BODY_BYTES, record, serveCommands, waitFor } from "./harness.mjs";

const clients = new Map(); // name -> CallAutomationClient
const callbacks = []; // {seq, tag, kind, callConnectionId, body, event}
const sockets = []; // {seq, tag, headers, frames: [{raw, kind, data}], closeCode, closeReason, closed}
const failures = []; // {what, error, body}
const socketModes = new Map(); // tag -> "refuse" | "closeAfterFirstFrame"
let seq = 0;

function fail(what, error, body) {
  record(failures, { what, error: String(error?.stack ?? error), body });
  process.stderr.write(`PARSE FAILURE (${what}): ${error}\n${body}\n`);
}

// ---- the app's web server: callbacks and the transcription WebSocket ----------------------------

function onCallback(tag, body) {
  try {
    const event = parseCallAutomationEvent(body);
    record(callbacks, { seq: ++seq, tag, kind: event.kind, callConnectionId: event.callConnectionId, body, event });
  } catch (e) {
    fail(`parseCallAutomationEvent on /callbacks/${tag}`, e, body);
  }
}

const server = bodyServer((req, res, body) => {
  const path = req.url;
  if (req.method === "POST" && path.startsWith("/callbacks/")) {
    onCallback(decodeURIComponent(path.slice("/callbacks/".length)), body);
    res.writeHead(200).end();
  } else {
    res.writeHead(404).end();
  }
});

// As in the documentation's example: a ws server, each text frame parsed by the SDK.
const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
function onUpgrade(req, socket, head) {
  const tag = decodeURIComponent((req.url ?? "").replace(/^\/ws\//, ""));
  if (socketModes.get(tag) === "refuse") {
    socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    record(sockets, { seq: ++seq, tag, refused: true, headers: pickHeaders(req.headers), frames: [] });
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws, req, tag));
}
server.on("upgrade", onUpgrade);

const tlsDir = process.env.CALLEMU_TLS_DIR;
const secureServer = tlsDir
  ? https.createServer({ cert: fs.readFileSync(`${tlsDir}/cert.pem`), key: fs.readFileSync(`${tlsDir}/key.pem`) },
      (req, res) => res.writeHead(404).end())
  : undefined;
secureServer?.on("upgrade", onUpgrade);

function pickHeaders(h) {
  return {
    "x-ms-call-connection-id": h["x-ms-call-connection-id"],
    "x-ms-call-correlation-id": h["x-ms-call-correlation-id"],
    authorization: h["authorization"],
  };
}

function onSocket(ws, req, tag) {
  const entry = { seq: ++seq, tag, headers: pickHeaders(req.headers), frames: [], closed: false };
  record(sockets, entry);
  ws.on("message", (data, isBinary) => {
    const raw = data.toString("utf8");
    try {
      const parsed = StreamingData.parse(raw);
      entry.frames.push({ raw, isBinary, kind: StreamingData.getStreamingKind(), data: parsed });
    } catch (e) {
      fail(`StreamingData.parse on /ws/${tag}`, e, raw);
    }
    if (socketModes.get(tag) === "closeAfterFirstFrame") {
      socketModes.delete(tag);
      ws.close(1000, "app closes");
    }
    changed();
  });
  ws.on("close", (code, reason) => {
    entry.closed = true;
    entry.closeCode = code;
    entry.closeReason = reason.toString();
    changed();
  });
}

// ---- commands ---------------------------------------------------------------------------------

function client(name) {
  const c = clients.get(name);
  if (!c) throw new Error(`no client named ${name}; send "client" first`);
  return c;
}

function media(cmd) {
  return client(cmd.client).getCallConnection(cmd.callConnectionId).getCallMedia();
}

function socketsOf(tag) {
  return sockets.filter((s) => s.tag === tag);
}

const ops = {
  client(cmd) {
    const options = cmd.allowInsecureConnection ? { allowInsecureConnection: true } : {};
    clients.set(cmd.name, new CallAutomationClient(cmd.connectionString, options));
    return { name: cmd.name };
  },

  async createCall(cmd) {
    const options = {};
    if (cmd.transcriptionOptions) options.transcriptionOptions = cmd.transcriptionOptions;
    if (cmd.cognitiveServicesEndpoint) {
      options.callIntelligenceOptions = { cognitiveServicesEndpoint: cmd.cognitiveServicesEndpoint };
    }
    const target = { targetParticipant: { phoneNumber: cmd.targetPhone }, sourceCallIdNumber: { phoneNumber: cmd.callerId } };
    const result = await client(cmd.client).createCall(target, `${callbackBaseUrl}/callbacks/${encodeURIComponent(cmd.callbackTag)}`, options);
    return result.callConnectionProperties;
  },

  getCall(cmd) {
    return client(cmd.client).getCallConnection(cmd.callConnectionId).getCallConnectionProperties();
  },

  async hangUp(cmd) {
    await client(cmd.client).getCallConnection(cmd.callConnectionId).hangUp(false);
    return {};
  },

  async startTranscription(cmd) {
    const options = {};
    if (cmd.locale) options.locale = cmd.locale;
    if (cmd.operationContext) options.operationContext = cmd.operationContext;
    if (cmd.speechRecognitionModelEndpointId) options.speechRecognitionModelEndpointId = cmd.speechRecognitionModelEndpointId;
    await media(cmd).startTranscription(options);
    return {};
  },

  async updateTranscription(cmd) {
    await media(cmd).updateTranscription(cmd.locale, cmd.operationContext ? { operationContext: cmd.operationContext } : undefined);
    return {};
  },

  async stopTranscription(cmd) {
    await media(cmd).stopTranscription(cmd.operationContext ? { operationContext: cmd.operationContext } : {});
    return {};
  },

  socketMode(cmd) {
    if (cmd.mode) socketModes.set(cmd.tag, cmd.mode);
    else socketModes.delete(cmd.tag);
    return {};
  },

  // The n-th callback of a kind for a call (1-based), once it arrived.
  async waitCallback(cmd) {
    const n = cmd.n ?? 1;
    const matching = () => callbacks.filter((c) => c.callConnectionId === cmd.callConnectionId && c.kind === cmd.kind);
    await waitFor(() => matching().length >= n, cmd.timeoutMs ?? 10_000, `${cmd.kind} #${n} for ${cmd.callConnectionId}`);
    const c = matching()[n - 1];
    return { kind: c.kind, body: c.body, event: c.event };
  },

  callbackKinds(cmd) {
    return { kinds: callbacks.filter((c) => c.callConnectionId === cmd.callConnectionId).map((c) => c.kind) };
  },

  // Waits until the tag's connection number `connection` (1-based) holds `frames` frames (or is closed, with `closed`).
  async waitSocket(cmd) {
    const index = (cmd.connection ?? 1) - 1;
    const ready = () => {
      const s = socketsOf(cmd.tag)[index];
      if (!s) return false;
      if (cmd.closed) return s.closed || s.refused;
      return s.refused || s.frames.length >= (cmd.frames ?? 0);
    };
    await waitFor(ready, cmd.timeoutMs ?? 10_000, `connection ${index + 1} on /ws/${cmd.tag} (${JSON.stringify(cmd)})`);
    return socketsOf(cmd.tag)[index];
  },

  sockets(cmd) {
    return { sockets: socketsOf(cmd.tag) };
  },

  failures() {
    return { failures };
  },
};

let callbackBaseUrl;
Promise.all([listen(server), secureServer ? listen(secureServer) : undefined]).then(([port, securePort]) => {
  callbackBaseUrl = `http://127.0.0.1:${port}`;
  const hello = { callbackBaseUrl, wsBaseUrl: `ws://127.0.0.1:${port}` };
  if (securePort) hello.secureWsBaseUrl = `wss://127.0.0.1:${securePort}`;
  serveCommands(ops, hello, () => {
    wss.close();
    server.close();
    secureServer?.close();
  });
});
