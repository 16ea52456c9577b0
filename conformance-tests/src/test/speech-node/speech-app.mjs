// The Speech SDK app under test: recognises WAV files with microsoft-cognitiveservices-speech-sdk 1.52.0
// against callemu, the way an app does (SpeechConfig.fromEndpoint / fromHost, a key or a token,
// AudioConfig.fromWavFileInput), and reports what the SDK made of it. Commands and replies follow
// ../node/harness.mjs (JSON lines on stdin and stdout).
//
// Ops (every one bounded by timeoutMs, default 20 000):
//   recognizeOnce {config, wav|silenceMs}  -> {result, events}
//   continuous    {config, wav|silenceMs}  -> {events}: started continuous recognition, stopped after sessionStopped
// config: {endpoint | host, key | token, language, detailed, wordTimings, profanity,
//          initialSilenceTimeoutMs, segmentationSilenceTimeoutMs, endSilenceTimeoutMs}
import fs from "node:fs";
import sdk from "microsoft-cognitiveservices-speech-sdk";
import { serveCommands } from "../node/harness.mjs";

function speechConfig(c) {
  let config;
  if (c.endpoint) {
    config = c.key !== undefined ? sdk.SpeechConfig.fromEndpoint(new URL(c.endpoint), c.key)
      : sdk.SpeechConfig.fromEndpoint(new URL(c.endpoint));
  } else {
    config = c.key !== undefined ? sdk.SpeechConfig.fromHost(new URL(c.host), c.key)
      : sdk.SpeechConfig.fromHost(new URL(c.host));
  }
  if (c.token) config.authorizationToken = c.token;
  config.speechRecognitionLanguage = c.language ?? "en-US";
  if (c.detailed) config.outputFormat = sdk.OutputFormat.Detailed;
  if (c.wordTimings) config.requestWordLevelTimestamps();
  if (c.profanity) config.setProfanity(sdk.ProfanityOption[c.profanity]);
  const props = {
    initialSilenceTimeoutMs: sdk.PropertyId.SpeechServiceConnection_InitialSilenceTimeoutMs,
    endSilenceTimeoutMs: sdk.PropertyId.SpeechServiceConnection_EndSilenceTimeoutMs,
    segmentationSilenceTimeoutMs: sdk.PropertyId.Speech_SegmentationSilenceTimeoutMs,
  };
  for (const [name, id] of Object.entries(props)) {
    if (c[name] !== undefined) config.setProperty(id, String(c[name]));
  }
  return config;
}

/** 16 kHz mono 16-bit WAV of silence. */
function silenceWav(ms) {
  const data = 32 * ms;
  const b = Buffer.alloc(44 + data);
  b.write("RIFF", 0); b.writeUInt32LE(36 + data, 4); b.write("WAVE", 8); b.write("fmt ", 12);
  b.writeUInt32LE(16, 16); b.writeUInt16LE(1, 20); b.writeUInt16LE(1, 22); b.writeUInt32LE(16000, 24);
  b.writeUInt32LE(32000, 28); b.writeUInt16LE(2, 32); b.writeUInt16LE(16, 34); b.write("data", 36); b.writeUInt32LE(data, 40);
  return b;
}

function recognizer(cmd) {
  const audio = sdk.AudioConfig.fromWavFileInput(cmd.wav ? fs.readFileSync(cmd.wav) : silenceWav(cmd.silenceMs));
  return new sdk.SpeechRecognizer(speechConfig(cmd.config), audio);
}

function describe(r) {
  const out = {
    reason: sdk.ResultReason[r.reason],
    text: r.text,
    offset: r.offset,
    duration: r.duration,
    json: r.properties?.getProperty(sdk.PropertyId.SpeechServiceResponse_JsonResult),
  };
  if (r.reason === sdk.ResultReason.NoMatch) {
    out.noMatchReason = sdk.NoMatchReason[sdk.NoMatchDetails.fromResult(r).reason];
  }
  if (r.reason === sdk.ResultReason.Canceled) {
    const c = sdk.CancellationDetails.fromResult(r);
    out.cancellation = { reason: sdk.CancellationReason[c.reason], errorCode: sdk.CancellationErrorCode[c.ErrorCode],
      errorDetails: c.errorDetails };
  }
  return out;
}

function record(reco, events) {
  reco.sessionStarted = () => events.push({ event: "sessionStarted" });
  reco.speechStartDetected = (s, e) => events.push({ event: "speechStartDetected", offset: e.offset });
  reco.speechEndDetected = (s, e) => events.push({ event: "speechEndDetected", offset: e.offset });
  reco.recognizing = (s, e) => events.push({ event: "recognizing", ...describe(e.result) });
  reco.recognized = (s, e) => events.push({ event: "recognized", ...describe(e.result) });
  reco.canceled = (s, e) => events.push({ event: "canceled", reason: sdk.CancellationReason[e.reason],
    errorCode: sdk.CancellationErrorCode[e.errorCode], errorDetails: e.errorDetails });
  reco.sessionStopped = () => events.push({ event: "sessionStopped" });
}

function bounded(promise, timeoutMs, what) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() =>
    reject(Object.assign(new Error(`${what} did not finish within ${timeoutMs} ms`), { code: "Timeout" })), timeoutMs))]);
}

const ops = {
  async recognizeOnce(cmd) {
    const reco = recognizer(cmd);
    const events = [];
    record(reco, events);
    try {
      const result = await bounded(new Promise((resolve, reject) => reco.recognizeOnceAsync(resolve, reject)),
        cmd.timeoutMs ?? 20_000, "recognizeOnceAsync");
      return { result: describe(result), events };
    } finally {
      reco.close();
    }
  },

  async continuous(cmd) {
    const reco = recognizer(cmd);
    const events = [];
    record(reco, events);
    const stopped = new Promise((resolve) => {
      const previous = reco.sessionStopped;
      reco.sessionStopped = (s, e) => { previous(s, e); resolve(); };
    });
    try {
      await bounded(new Promise((resolve, reject) => reco.startContinuousRecognitionAsync(resolve, reject)),
        cmd.timeoutMs ?? 20_000, "startContinuousRecognitionAsync");
      await bounded(stopped, cmd.timeoutMs ?? 20_000, "the session's end");
      await bounded(new Promise((resolve, reject) => reco.stopContinuousRecognitionAsync(resolve, reject)),
        cmd.timeoutMs ?? 20_000, "stopContinuousRecognitionAsync");
      return { events };
    } finally {
      reco.close();
    }
  },
};

serveCommands(ops, { sdk: "microsoft-cognitiveservices-speech-sdk" }, () => {});
