// A small IVR written with the official ACS Call Automation SDK, to show what `./callemu bench`
// measures. It answers inbound calls from Event Grid (or places a call when POST /api/call asks),
// asks the caller for a six-digit account number (keys or speech), retries on timeouts and bad
// input, asks for a confirmation key, and hangs up.
//
// The handler for RecognizeFailed (the caller's timeouts) is deliberately slow: it waits
// IVR_SLOW_MS (default 250) before it asks again, as an app that looks something up first would.
// The bench report shows it as the slowest reaction.
//
// Environment:
//   CALLEMU_CONNECTION_STRING  default: callemu's well-known key on http://127.0.0.1:9080
//   PORT                       default 8080 (0 picks a free port); the app prints "ivr listening on <url>"
//   IVR_SLOW_MS                default 250
//
// Routes: POST /api/incomingCall (Event Grid webhook), POST /api/callbacks (Call Automation
// callbacks), POST /api/call {"target": "+1555..."} (places an outbound call to target).
import http from "node:http";
import { CallAutomationClient, parseCallAutomationEvent } from "@azure/communication-call-automation";

const WELL_KNOWN_KEY = "Y2FsbGVtdS13ZWxsLWtub3duLWFjY2Vzcy1rZXktZm9yLWxvY2FsLXRlc3Rpbmctb25seS0wMTIzNDU2Nzg5YWI=";
const connectionString =
  process.env.CALLEMU_CONNECTION_STRING ?? `endpoint=http://127.0.0.1:9080/;accesskey=${WELL_KNOWN_KEY}`;
const port = Number(process.env.PORT ?? 8080);
const slowMs = Number(process.env.IVR_SLOW_MS ?? 250);
const APP_NUMBER = "+18005550100";
const COGNITIVE = "https://ivr-example.cognitiveservices.azure.com/"; // needed for speech; callemu never calls it
const MAX_ATTEMPTS = 3;
const MAX_BODY_BYTES = 1 << 20;

const client = new CallAutomationClient(connectionString, {
  allowInsecureConnection: connectionString.includes("endpoint=http://"),
});
const calls = new Map(); // callConnectionId -> {caller, attempts}
let baseUrl;

const TONE_DIGITS = { zero: "0", one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9" };
const SPOKEN_DIGITS = { zero: "0", oh: "0", one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9" };

// ---- the dialogue ------------------------------------------------------------------------------

function media(callConnectionId) {
  return client.getCallConnection(callConnectionId).getCallMedia();
}

async function askAccount(id, call, apology) {
  call.attempts++;
  await media(id).startRecognizing({ phoneNumber: call.caller }, {
    kind: "callMediaRecognizeSpeechOrDtmfOptions",
    playPrompt: { kind: "textSource", text: `${apology}Enter or say your account number, then press pound.` },
    interruptPrompt: true,
    initialSilenceTimeoutInSeconds: 5,
    interToneTimeoutInSeconds: 3,
    maxTonesToCollect: 6,
    stopDtmfTones: ["pound"],
    endSilenceTimeoutInSeconds: 1,
    speechLanguage: "en-US",
    operationContext: "account",
  });
}

async function askConfirm(id, call) {
  // The longest DTMF wait ACS allows: a caller who stays on the line is passed on after 300 s.
  await media(id).startRecognizing({ phoneNumber: call.caller }, {
    kind: "callMediaRecognizeDtmfOptions",
    playPrompt: { kind: "textSource", text: "Press 1 to confirm, or stay on the line for an agent." },
    interruptPrompt: true,
    initialSilenceTimeoutInSeconds: 300,
    maxTonesToCollect: 1,
    operationContext: "confirm",
  });
}

async function sayGoodbye(id, text) {
  await media(id).playToAll([{ kind: "textSource", text }], { operationContext: "goodbye" });
}

async function retryOrGiveUp(id, call, apology) {
  if (call.attempts >= MAX_ATTEMPTS) {
    await sayGoodbye(id, "Sorry, we could not get your account number. Goodbye.");
  } else {
    await askAccount(id, call, apology);
  }
}

function accountNumber(event) {
  if (event.dtmfResult) {
    return event.dtmfResult.tones.map((t) => TONE_DIGITS[t] ?? (t === "pound" ? "" : "?")).join("");
  }
  const words = (event.speechResult?.speech ?? "").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return words.map((w) => SPOKEN_DIGITS[w] ?? (/^\d+$/.test(w) ? w : "?")).join("");
}

const handlers = {
  async CallConnected(id, call) {
    await askAccount(id, call, "Welcome. ");
  },
  async RecognizeCompleted(id, call, event) {
    if (event.operationContext === "confirm") {
      await sayGoodbye(id, "Thank you. Goodbye.");
    } else if (/^\d{6}$/.test(accountNumber(event))) {
      await askConfirm(id, call);
    } else {
      await retryOrGiveUp(id, call, "That is not a six-digit account number. ");
    }
  },
  // The deliberately slow handler: the timeouts path.
  async RecognizeFailed(id, call, event) {
    await new Promise((resolve) => setTimeout(resolve, slowMs));
    if (event.operationContext === "confirm") {
      await sayGoodbye(id, "Connecting you to an agent. Goodbye.");
    } else if (event.resultInformation?.subCode === 8510) {
      await retryOrGiveUp(id, call, "Sorry, I did not hear anything. ");
    } else {
      await retryOrGiveUp(id, call, "Sorry, that did not work. ");
    }
  },
  async PlayCompleted(id, call, event) {
    if (event.operationContext === "goodbye") await client.getCallConnection(id).hangUp(true);
  },
  async PlayFailed(id) {
    await client.getCallConnection(id).hangUp(true);
  },
  CallDisconnected(id) {
    calls.delete(id);
  },
};

async function onCallback(body, caller) {
  const event = parseCallAutomationEvent(body);
  const id = event.callConnectionId;
  if (!calls.has(id)) calls.set(id, { caller, attempts: 0 });
  const handler = handlers[event.kind];
  if (handler) await handler(id, calls.get(id), event);
}

// ---- the web server ----------------------------------------------------------------------------

function callbackUrl(caller) {
  return `${baseUrl}/api/callbacks?caller=${encodeURIComponent(caller)}`;
}

async function onEventGrid(body, res) {
  const events = JSON.parse(body);
  for (const ev of Array.isArray(events) ? events : [events]) {
    if (ev.eventType === "Microsoft.EventGrid.SubscriptionValidationEvent") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ validationResponse: ev.data.validationCode }));
      return;
    }
  }
  res.writeHead(200).end();
  for (const ev of Array.isArray(events) ? events : [events]) {
    if (ev.eventType === "Microsoft.Communication.IncomingCall") {
      const caller = ev.data.from.phoneNumber?.value ?? ev.data.from.rawId;
      await client.answerCall(ev.data.incomingCallContext, callbackUrl(caller), {
        callIntelligenceOptions: { cognitiveServicesEndpoint: COGNITIVE },
      });
    }
  }
}

async function onPlaceCall(body, res) {
  const { target } = JSON.parse(body);
  const result = await client.createCall(
    { targetParticipant: { phoneNumber: target }, sourceCallIdNumber: { phoneNumber: APP_NUMBER } },
    callbackUrl(target),
    { callIntelligenceOptions: { cognitiveServicesEndpoint: COGNITIVE } },
  );
  res.writeHead(202, { "content-type": "application/json" });
  res.end(JSON.stringify({ callConnectionId: result.callConnectionProperties.callConnectionId }));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (c) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("body too large"));
        req.destroy();
      } else {
        chunks.push(c);
      }
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function report(what, e) {
  process.stderr.write(`ivr: ${what}: ${e?.stack ?? e}\n`);
}

const server = http.createServer(async (req, res) => {
  let body;
  try {
    body = await readBody(req);
  } catch (e) {
    res.writeHead(413).end();
    return;
  }
  const url = new URL(req.url, "http://ivr");
  if (req.method !== "POST") {
    res.writeHead(405).end();
  } else if (url.pathname === "/api/callbacks") {
    // Answer at once, then act: callbacks must not wait for the app's own requests.
    res.writeHead(200).end();
    onCallback(body, url.searchParams.get("caller")).catch((e) => report("callback", e));
  } else if (url.pathname === "/api/incomingCall") {
    onEventGrid(body, res).catch((e) => {
      report("incoming call", e);
      if (!res.headersSent) res.writeHead(400).end();
    });
  } else if (url.pathname === "/api/call") {
    onPlaceCall(body, res).catch((e) => {
      report("outbound call", e);
      if (!res.headersSent) res.writeHead(502).end();
    });
  } else {
    res.writeHead(404).end();
  }
});

server.listen(port, "127.0.0.1", () => {
  baseUrl = `http://127.0.0.1:${server.address().port}`;
  console.log(`ivr listening on ${baseUrl}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
