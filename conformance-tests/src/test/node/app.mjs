// The "app under test" of the callemu conformance suite: a small voice app written the way an
// app uses @azure/communication-call-automation, remote-controlled by the JUnit tests.
//
// Protocol: JSON-line commands on stdin, replies on stdout (harness.mjs). "wire" lists every HTTP exchange the SDK made for that command (request line and headers,
// response status, headers and raw body), so the tests can check what the emulator really sent
// while the SDK result shows what the SDK made of it.
//
// The same process is the app's web server (loopback, ephemeral port):
//   POST /callbacks/<tag>  Call Automation callbacks; each body goes through parseCallAutomationEvent.
//                          A body the SDK cannot parse is recorded as a parse failure and printed
//                          to stderr: the tests fail on any of them.
//   POST /eventgrid        Event Grid webhook: answers the SubscriptionValidationEvent handshake and
//                          records Microsoft.Communication.IncomingCall events.
import { CallAutomationClient, parseCallAutomationEvent } from "@azure/communication-call-automation";
import { bodyServer, commandContext, listen, record, serveCommands, waitFor } from "./harness.mjs";

const clients = new Map(); // name -> CallAutomationClient
const callbacks = []; // {seq, path, receivedAt, body, kind?, callConnectionId?, parsed?, parseError?}
const parseFailures = [];
const eventGrid = { validations: [], events: [] };
let seq = 0;

const captureWirePolicy = {
  name: "callemuConformanceCaptureWire",
  async sendRequest(request, next) {
    const exchange = {
      method: request.method,
      url: request.url,
      requestHeaders: request.headers.toJSON({ preserveCase: true }),
      requestBody: typeof request.body === "string" ? request.body : undefined,
    };
    commandContext.getStore()?.wire.push(exchange);
    const response = await next(request);
    exchange.status = response.status;
    exchange.responseHeaders = response.headers.toJSON();
    exchange.responseBody = response.bodyAsText ?? undefined;
    return response;
  },
};

// Lets a test replay a request with a fixed Repeatability-Request-ID, as the SDK's own retry
// policy does when a response is lost. The header is not part of the HMAC signature.
const repeatabilityOverridePolicy = {
  name: "callemuConformanceRepeatabilityOverride",
  async sendRequest(request, next) {
    const fixed = commandContext.getStore()?.repeatability;
    if (fixed && request.headers.has("Repeatability-Request-ID")) {
      request.headers.set("Repeatability-Request-ID", fixed.requestId);
      request.headers.set("Repeatability-First-Sent", fixed.firstSent);
    }
    return next(request);
  },
};

// ---- the app's web server --------------------------------------------------------------------

function handleCallback(path, headers, body) {
  const entry = { seq: ++seq, path, receivedAt: new Date().toISOString(), body, headers };
  try {
    const event = parseCallAutomationEvent(body);
    entry.kind = event.kind;
    entry.callConnectionId = event.callConnectionId;
    entry.parsed = event;
  } catch (e) {
    entry.parseError = String(e?.stack ?? e);
    record(parseFailures, { path, body, error: entry.parseError });
    process.stderr.write(`PARSE FAILURE: parseCallAutomationEvent rejected a callback on ${path}: ${entry.parseError}\nbody: ${body}\n`);
  }
  record(callbacks, entry);
}

function handleEventGrid(headers, body, res) {
  let events;
  try {
    events = JSON.parse(body);
  } catch (e) {
    record(eventGrid.events, { parseError: String(e), body });
    res.writeHead(400).end();
    return;
  }
  const list = Array.isArray(events) ? events : [events];
  for (const ev of list) {
    if (ev.eventType === "Microsoft.EventGrid.SubscriptionValidationEvent") {
      record(eventGrid.validations, { header: headers["aeg-event-type"] ?? null, event: ev });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ validationResponse: ev.data?.validationCode }));
      return;
    }
  }
  for (const ev of list) record(eventGrid.events, { header: headers["aeg-event-type"] ?? null, event: ev });
  res.writeHead(200).end();
}

const server = bodyServer((req, res, body) => {
  const path = req.url;
  if (req.method === "POST" && path.startsWith("/callbacks/")) {
    handleCallback(path, req.headers, body);
    res.writeHead(200).end();
  } else if (req.method === "POST" && path === "/eventgrid") {
    handleEventGrid(req.headers, body, res);
  } else {
    res.writeHead(404).end();
  }
});

// ---- commands --------------------------------------------------------------------------------

function identifier(spec) {
  if (spec?.phoneNumber) return { phoneNumber: spec.phoneNumber };
  if (spec?.communicationUserId) return { communicationUserId: spec.communicationUserId };
  throw new Error(`unsupported identifier ${JSON.stringify(spec)}`);
}

function client(name) {
  const c = clients.get(name);
  if (!c) throw new Error(`no client named ${name}; send "client" first`);
  return c;
}

function callbackUrl(tag) {
  return `${callbackBaseUrl}/callbacks/${encodeURIComponent(tag ?? "default")}`;
}

// A play source as the tests spell it -> the SDK's FileSource / TextSource / SsmlSource.
function playSource(spec) {
  switch (spec?.kind) {
    case "file":
      return { kind: "fileSource", url: spec.url };
    case "text":
      return { kind: "textSource", text: spec.text, voiceName: spec.voiceName, sourceLocale: spec.sourceLocale, voiceKind: spec.voiceKind };
    case "ssml":
      return { kind: "ssmlSource", ssmlText: spec.ssmlText };
    default:
      throw new Error(`unsupported play source ${JSON.stringify(spec)}`);
  }
}

function media(cmd) {
  return client(cmd.client).getCallConnection(cmd.callConnectionId).getCallMedia();
}

// The SDK options of a media command: the common ones plus those named in `fields` that the
// command carries (absent ones stay absent, so the SDK's own defaults apply).
function mediaOptions(cmd, fields) {
  const options = sdkOptions(cmd);
  if (cmd.operationCallbackTag) options.operationCallbackUrl = callbackUrl(cmd.operationCallbackTag);
  for (const f of fields) if (cmd[f] !== undefined) options[f] = cmd[f];
  return options;
}

function sdkOptions(cmd) {
  return { abortSignal: AbortSignal.timeout(cmd.timeoutMs ?? 10_000), operationContext: cmd.operationContext };
}

const ops = {
  client(cmd) {
    const options = {
      additionalPolicies: [
        { policy: repeatabilityOverridePolicy, position: "perCall" },
        { policy: captureWirePolicy, position: "perRetry" },
      ],
    };
    if (cmd.allowInsecureConnection) options.allowInsecureConnection = true;
    if (cmd.maxRetries !== undefined) options.retryOptions = { maxRetries: cmd.maxRetries };
    clients.set(cmd.name, new CallAutomationClient(cmd.connectionString, options));
    return { name: cmd.name };
  },

  async createCall(cmd) {
    const target = { targetParticipant: identifier(cmd.target) };
    if (cmd.sourceCallerId) target.sourceCallIdNumber = { phoneNumber: cmd.sourceCallerId };
    const options = sdkOptions(cmd);
    if (cmd.cognitiveServicesEndpoint) {
      options.callIntelligenceOptions = { cognitiveServicesEndpoint: cmd.cognitiveServicesEndpoint };
    }
    const result = await client(cmd.client).createCall(target, callbackUrl(cmd.callbackTag), options);
    return result.callConnectionProperties;
  },

  async answerCall(cmd) {
    const result = await client(cmd.client).answerCall(cmd.incomingCallContext, callbackUrl(cmd.callbackTag), sdkOptions(cmd));
    return result.callConnectionProperties;
  },

  getCall(cmd) {
    return client(cmd.client).getCallConnection(cmd.callConnectionId).getCallConnectionProperties(sdkOptions(cmd));
  },

  async hangUp(cmd) {
    await client(cmd.client).getCallConnection(cmd.callConnectionId).hangUp(Boolean(cmd.forEveryone), sdkOptions(cmd));
    return {};
  },

  getParticipant(cmd) {
    return client(cmd.client).getCallConnection(cmd.callConnectionId).getParticipant(identifier(cmd.participant), sdkOptions(cmd));
  },

  async listParticipants(cmd) {
    const result = await client(cmd.client).getCallConnection(cmd.callConnectionId).listParticipants(sdkOptions(cmd));
    return { values: result.values };
  },

  // ---- media (CallMedia of the JS SDK; arguments spelled as the SDK's options) -------------

  // {"playTo":[identifier…] (empty: the SDK's play with no targets), "sources":[playSource…],
  //  "loop"?, "operationContext"?, "operationCallbackTag"?}
  async play(cmd) {
    const playTo = (cmd.playTo ?? []).map(identifier);
    await media(cmd).play(cmd.sources.map(playSource), playTo, mediaOptions(cmd, ["loop"]));
    return {};
  },

  // {"sources", "loop"?, "interruptCallMediaOperation"?, "operationContext"?}
  async playToAll(cmd) {
    await media(cmd).playToAll(cmd.sources.map(playSource), mediaOptions(cmd, ["loop", "interruptCallMediaOperation"]));
    return {};
  },

  // {"target":identifier, "kind":"dtmf"|"choices"|"speech"|"speechOrDtmf", "playPrompt"?:playSource,
  //  "playPrompts"?, and the SDK's option names: interruptPrompt, initialSilenceTimeoutInSeconds,
  //  interToneTimeoutInSeconds, maxTonesToCollect, stopDtmfTones, choices, speechLanguage,
  //  endSilenceTimeoutInSeconds, interruptCallMediaOperation, operationContext}
  async startRecognizing(cmd) {
    const kinds = {
      dtmf: "callMediaRecognizeDtmfOptions",
      choices: "callMediaRecognizeChoiceOptions",
      speech: "callMediaRecognizeSpeechOptions",
      speechOrDtmf: "callMediaRecognizeSpeechOrDtmfOptions",
    };
    if (!kinds[cmd.kind]) throw new Error(`unknown recognize kind ${cmd.kind}`);
    const options = mediaOptions(cmd, [
      "interruptPrompt", "initialSilenceTimeoutInSeconds", "interToneTimeoutInSeconds", "maxTonesToCollect",
      "stopDtmfTones", "choices", "speechLanguage", "endSilenceTimeoutInSeconds", "interruptCallMediaOperation",
    ]);
    options.kind = kinds[cmd.kind];
    if (cmd.playPrompt) options.playPrompt = playSource(cmd.playPrompt);
    if (cmd.playPrompts) options.playPrompts = cmd.playPrompts.map(playSource);
    await media(cmd).startRecognizing(identifier(cmd.target), options);
    return { operationContext: options.operationContext };
  },

  async cancelAllOperations(cmd) {
    await media(cmd).cancelAllOperations();
    return {};
  },

  async startContinuousDtmfRecognition(cmd) {
    await media(cmd).startContinuousDtmfRecognition(identifier(cmd.target), mediaOptions(cmd, []));
    return {};
  },

  async stopContinuousDtmfRecognition(cmd) {
    await media(cmd).stopContinuousDtmfRecognition(identifier(cmd.target), mediaOptions(cmd, []));
    return {};
  },

  // {"tones":["one","pound"], "target", "operationContext"?}
  sendDtmfTones(cmd) {
    return media(cmd).sendDtmfTones(cmd.tones, identifier(cmd.target), mediaOptions(cmd, []));
  },

  callbacks(cmd) {
    return {
      callbacks: callbacks
        .filter((c) => !cmd.callConnectionId || c.callConnectionId === cmd.callConnectionId)
        .filter((c) => !cmd.sinceSeq || c.seq > cmd.sinceSeq)
        .map(({ parsed, ...rest }) => rest),
      parseFailures,
    };
  },

  // The first callback of that kind for the call (after sinceSeq); with "count": n, the n-th.
  async waitCallback(cmd) {
    const n = cmd.count ?? 1;
    const matches = () =>
      callbacks.filter(
        (c) => c.callConnectionId === cmd.callConnectionId && c.kind === cmd.kind && (!cmd.sinceSeq || c.seq > cmd.sinceSeq),
      );
    await waitFor(() => matches().length >= n, cmd.timeoutMs ?? 10_000, `${n} x ${cmd.kind} for ${cmd.callConnectionId}`);
    const { parsed, ...rest } = matches()[n - 1];
    return { ...rest, event: parsed };
  },

  async waitIncomingCall(cmd) {
    const matches = () =>
      eventGrid.events.find(
        (e) => e.event?.eventType === "Microsoft.Communication.IncomingCall" && (!cmd.toRawId || e.event.data?.to?.rawId === cmd.toRawId),
      );
    await waitFor(() => matches() !== undefined, cmd.timeoutMs ?? 10_000, `IncomingCall to ${cmd.toRawId ?? "anyone"}`);
    return { ...matches(), validations: eventGrid.validations };
  },

  // Runs the SDK parser on a body the test got elsewhere (e.g. the emulator's journal).
  parse(cmd) {
    try {
      const event = parseCallAutomationEvent(cmd.body);
      return { ok: true, kind: event.kind, callConnectionId: event.callConnectionId };
    } catch (e) {
      return { ok: false, error: String(e?.message ?? e) };
    }
  },
};

let callbackBaseUrl;
listen(server).then((port) => {
  callbackBaseUrl = `http://127.0.0.1:${port}`;
  serveCommands(ops, { callbackBaseUrl }, () => server.close());
});
