// Drives callemu's console like a person: offers an inbound call that the example IVR (the JS SDK)
// answers, watches its prompt and timers, presses keys on the keypad (mouse and keyboard), advances
// the virtual clock, hangs up, then looks at the journal, faults and settings, and at a narrow
// window. Screenshots go to <outDir>. Prints one JSON line: what it saw, page errors, and requests
// that tried to leave callemu.
//
//   node console-e2e.mjs <console url> <outDir>
import { join } from "node:path";
import { openBrowser, unlabelled } from "./browser.mjs";

const [consoleUrl, outDir] = process.argv.slice(2);
const origin = new URL(consoleUrl).origin;
const { page, report, close } = await openBrowser(origin);
const seen = {};
const T = 20_000;

async function shot(name) {
  await page.screenshot({ path: join(outDir, `${name}.png`) });
}

/** The timeline's items as {source, type, summary, fields}. */
function timeline() {
  return page.$$eval("#timeline > li", (lis) => lis.map((li) => ({
    source: li.querySelector(".src").textContent,
    type: li.querySelector(".type").textContent,
    summary: li.querySelector(".summary").textContent,
    fields: Object.fromEntries([...li.querySelectorAll(".fields > div")].map((d) => [d.querySelector("dt").textContent,
      d.querySelector("dd").textContent])),
  })));
}

/** A WAV (16 kHz, 16-bit mono) holding {ms} of a 440 Hz tone between short silences: voice to the recognizer. */
function toneWav(ms) {
  const rate = 16000;
  const samples = Math.round(rate * (ms + 600) / 1000);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const voiced = t >= 0.3 && t < 0.3 + ms / 1000;
    data.writeInt16LE(voiced ? Math.round(8000 * Math.sin(2 * Math.PI * 440 * t)) : 0, i * 2);
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0); header.writeUInt32LE(36 + data.length, 4); header.write("WAVE", 8);
  header.write("fmt ", 12); header.writeUInt32LE(16, 16); header.writeUInt16LE(1, 20); header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24); header.writeUInt32LE(rate * 2, 28); header.writeUInt16LE(2, 32); header.writeUInt16LE(16, 34);
  header.write("data", 36); header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

async function waitForItem(source, type, text = "") {
  await page.waitForFunction(([s, t, x]) => [...document.querySelectorAll("#timeline > li")].some((li) =>
    li.querySelector(".src").textContent === s && li.querySelector(".type").textContent === t
    && li.textContent.includes(x)), [source, type, text], { timeout: T });
}

try {
  await page.goto(consoleUrl);
  await page.waitForSelector('#connection[data-state="live"]', { timeout: T });
  seen.clockMode = await page.textContent("#clock-mode");

  // An inbound call, offered from the page; the IVR answers it.
  await page.click("#inbound summary");
  await page.fill("#inbound-from", "+15551230001");
  await page.click('#inbound-form button[type="submit"]');
  await page.waitForFunction(() => document.getElementById("inbound-status").textContent.startsWith("Offered"), null, { timeout: T });
  seen.inboundStatus = await page.textContent("#inbound-status");
  await page.click("#inbound summary");
  const row = page.locator("#calls-body tr").first();
  await row.waitFor({ timeout: T });
  await row.click();
  seen.callId = await row.getAttribute("data-id");

  // The IVR's first recognize: its prompt plays (the virtual clock stands still).
  await page.waitForFunction(() => [...document.querySelectorAll("#call-ops .timer")]
    .some((t) => t.textContent.startsWith("prompt")), null, { timeout: T });
  seen.promptOp = await page.textContent("#call-ops li");
  seen.promptTimer = await page.textContent("#call-ops .timer");
  seen.rowState = await row.locator(".state").textContent();
  await shot("1-prompt-playing");

  // Keys: three clicks on the keypad, three typed on the keyboard with the keypad focused.
  for (const k of ["1", "2", "3"]) await page.click(`#keypad button[data-key="${k}"]`);
  await page.focus("#keypad");
  for (const k of ["4", "5", "6"]) await page.keyboard.press(k);
  await page.waitForFunction(() => document.getElementById("caller-status").textContent.startsWith("Caller pressed 6"), null, { timeout: T });
  await waitForItem("input", "tone", "pressed 1");
  // The first key barged in: the prompt stopped and the inter-tone timer runs.
  await page.waitForFunction(() => [...document.querySelectorAll("#call-ops .timer")]
    .some((t) => t.textContent.startsWith("between keys")), null, { timeout: T });
  seen.interToneTimer = await page.textContent("#call-ops .timer");

  // The other keys sound 250 ms apart on the emulated clock: advance it.
  await page.click('#advance button[data-ms="1000"]');
  await page.click('#advance button[data-ms="1000"]');
  await waitForItem("callback", "RecognizeCompleted", "delivered after 1 attempt");
  await waitForItem("media", "RecognizeCompleted", "tones 1 2 3 4 5 6");
  const items = await timeline();
  seen.recognizeCallback = items.find((i) => i.source === "callback" && i.type === "RecognizeCompleted");
  seen.recognizeMedia = items.find((i) => i.source === "media" && i.type === "RecognizeCompleted");
  seen.tonesPressed = items.filter((i) => i.source === "input" && i.type === "tone").map((i) => i.summary);
  // The IVR asks for a confirmation next: a new prompt.
  await page.waitForFunction(() => document.querySelector("#call-ops li")?.textContent.includes("confirm"), null, { timeout: T });
  await shot("2-recognize-completed");

  // Let the confirmation prompt play out: the 300 s initial silence counts down.
  const before = await page.textContent("#clock-now");
  await page.click('#advance button[data-ms="5000"]');
  await page.waitForFunction(() => [...document.querySelectorAll("#call-ops .timer")]
    .some((t) => t.textContent.startsWith("initial silence")), null, { timeout: T });
  seen.clockBefore = before;
  seen.clockAfter = await page.textContent("#clock-now");
  seen.initialSilenceTimer = await page.textContent("#call-ops .timer");
  await shot("3-initial-silence");

  // Words and audio from the caller: they show in the timeline once the clock lets them happen.
  await page.fill("#say-text", "agent please");
  await page.press("#say-text", "Enter");
  await page.waitForFunction(() => document.getElementById("caller-status").textContent.startsWith("Caller said"), null, { timeout: T });
  await page.setInputFiles("#audio-file", { name: "hello.wav", mimeType: "audio/wav", buffer: toneWav(700) });
  await page.fill("#audio-text", "hello");
  await page.click('#audio-form button[type="submit"]');
  await page.waitForFunction(() => document.getElementById("caller-status").textContent.startsWith("Caller sent hello.wav"), null, { timeout: T });
  await page.click('#advance button[data-ms="5000"]');
  await waitForItem("input", "speech", "said \u201cagent please\u201d");
  await waitForItem("input", "speech", "said \u201chello\u201d");
  seen.saidItems = (await timeline()).filter((i) => i.type === "speech").map((i) => i.summary);

  // The caller hangs up.
  await page.click("#hangup");
  await page.waitForFunction(() => document.querySelector("#calls-body tr .state")?.textContent === "ended", null, { timeout: T });
  await waitForItem("callback", "CallDisconnected");
  seen.endedLine = await page.textContent("#call-line");
  seen.keypadDisabled = await page.$eval('#keypad button[data-key="1"]', (b) => b.disabled);
  await shot("4-hung-up");

  // The journal, filtered to callbacks.
  await page.click("#tab-journal");
  await page.selectOption("#journal-kind", "callback");
  await page.click('#journal-filter button[type="submit"]');
  await page.waitForFunction(() => document.getElementById("journal-status").textContent.includes("entries"), null, { timeout: T });
  seen.journalKinds = [...new Set(await page.$$eval("#journal-body tr td:nth-child(3)", (tds) => tds.map((t) => t.textContent)))];
  seen.journalTypes = await page.$$eval("#journal-body tr td:nth-child(4)", (tds) => tds.map((t) => t.textContent));
  await shot("5-journal");

  // A fault from the catalogue.
  await page.click("#tab-faults");
  await page.waitForSelector("#fault-row option", { state: "attached", timeout: T });
  await page.selectOption("#fault-action", "recognize");
  const initialSilence = await page.$$eval("#fault-row option", (os) => os.find((o) => o.textContent.includes("8510"))?.value);
  await page.selectOption("#fault-row", initialSilence);
  await page.click('#fault-form button[type="submit"]');
  await page.waitForFunction(() => document.getElementById("fault-status").textContent.startsWith("Armed"), null, { timeout: T });
  seen.faults = await page.textContent("#faults-list");
  await shot("6-faults");

  // A setting.
  await page.click("#tab-settings");
  const wpm = page.locator("#setting-prompt-wordsPerMinute");
  await wpm.waitFor({ timeout: T });
  await wpm.fill("180");
  await wpm.press("Enter");
  await page.waitForFunction(() => document.getElementById("settings-status").textContent.includes("is now 180"), null, { timeout: T });
  seen.settingValue = await wpm.inputValue();
  seen.unlabelled = await unlabelled(page);

  // Keyboard: the tabs move with the arrow keys.
  await page.focus("#tab-settings");
  await page.keyboard.press("ArrowRight");
  seen.tabAfterArrow = await page.evaluate(() => document.activeElement.id);

  // A narrow window.
  await page.setViewportSize({ width: 420, height: 800 });
  await page.click("#tab-calls");
  await page.locator("#calls-body tr").first().click();
  seen.narrowOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await shot("7-narrow");

  // A reset elsewhere ends the feed: the page reconnects and its next snapshot has no calls.
  const hellos = await page.evaluate(() => window.callemuConsole.stats.hellos);
  const reset = await fetch(`${origin}/_emulator/reset`, { method: "POST" });
  seen.resetStatus = reset.status;
  await page.waitForFunction((h) => window.callemuConsole.stats.hellos > h, hellos, { timeout: T });
  await page.waitForSelector('#connection[data-state="live"]', { timeout: T });
  seen.callsAfterReset = await page.evaluate(() => window.callemuConsole.rows());
  seen.resyncsCounted = await page.evaluate(() => window.callemuConsole.stats.resyncs);
} catch (e) {
  report.errors.push(`script: ${e.stack ?? e}`);
  await shot("failure").catch(() => {});
} finally {
  await close();
}
console.log(JSON.stringify({ ...report, seen }));
