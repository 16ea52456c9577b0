// Measures the console with many live calls (a measurement, not a test): how long the page takes to
// show the calls list, then, each time a line "sample <seconds>" arrives on stdin, what it sustained
// over that window: feed messages applied per second, resyncs, the longest batch it applied in one
// frame and the main thread's long tasks. One JSON line per answer; "quit" ends it.
//
//   node console-load.mjs <console url> <expected calls> <outDir>
import { createInterface } from "node:readline";
import { join } from "node:path";
import { openBrowser } from "./browser.mjs";

const [consoleUrl, expected, outDir] = process.argv.slice(2);
const { context, page, report, close } = await openBrowser(new URL(consoleUrl).origin);
const cdp = await context.newCDPSession(page);
await cdp.send("Performance.enable");

/** The renderer's busy time so far, in ms: all tasks, and of them script, style and layout. */
async function busy() {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return { task: m.TaskDuration * 1000, script: m.ScriptDuration * 1000, style: m.RecalcStyleDuration * 1000,
    layout: m.LayoutDuration * 1000 };
}

try {
  const t0 = Date.now();
  await page.goto(consoleUrl);
  await page.waitForFunction((n) => window.callemuConsole?.stats.firstListMs !== null
    && document.body.dataset.calls === String(n), Number(expected), { timeout: 120_000 });
  const first = await page.evaluate(() => ({
    firstListMs: window.callemuConsole.stats.firstListMs,
    listRenderMs: window.callemuConsole.stats.listRenderMs,
    rows: window.callemuConsole.rows(),
    helloBytes: window.callemuConsole.stats.bytes,
  }));
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: "longtask", buffered: false });
  });
  // Typing a search refilters every row.
  const f0 = Date.now();
  await page.fill("#calls-search", "no-such-call");
  await page.waitForFunction(() => document.getElementById("calls-count").textContent.startsWith("(0 of"));
  const filterMs = Date.now() - f0;
  await page.fill("#calls-search", "");
  await page.screenshot({ path: join(outDir, "load-list.png") });
  console.log(JSON.stringify({ ready: true, navigationToListMs: Date.now() - t0, filterMs, ...first, errors: report.errors }));

  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const [command, arg] = line.trim().split(/\s+/);
    if (command === "quit") break;
    if (command === "freeze") {
      // The tab stops reading (its main thread is busy) while the feed goes on; then it catches up, or,
      // when more waited for it than console.tabBufferKiB, resyncs.
      const before = await page.evaluate(() => {
        const s = window.callemuConsole.stats;
        s.maxApplyMs = 0;
        return { resyncs: s.resyncs, hellos: s.hellos, messages: s.messages };
      });
      await page.evaluate((ms) => { const end = performance.now() + ms; while (performance.now() < end) { /* busy */ } },
        Number(arg) * 1000);
      await new Promise((r) => setTimeout(r, 2000));
      const after = await page.evaluate(() => {
        const s = window.callemuConsole.stats;
        return { resyncs: s.resyncs, hellos: s.hellos, messages: s.messages, maxApplyMs: s.maxApplyMs,
          rows: window.callemuConsole.rows() };
      });
      console.log(JSON.stringify({ frozeSeconds: Number(arg), resyncs: after.resyncs - before.resyncs,
        hellos: after.hellos - before.hellos, messagesInTheFiveSeconds: after.messages - before.messages,
        catchUpBatchMs: Math.round(after.maxApplyMs), rows: after.rows }));
      continue;
    }
    if (command !== "sample") continue;
    const busyBefore = await busy();
    const before = await page.evaluate(() => {
      const s = window.callemuConsole.stats;
      s.maxApplyMs = 0;
      window.__longTasks = [];
      return { messages: s.messages, resyncs: s.resyncs, bytes: s.bytes, at: performance.now() };
    });
    await new Promise((r) => setTimeout(r, Number(arg) * 1000));
    const after = await page.evaluate(() => {
      const s = window.callemuConsole.stats;
      return { messages: s.messages, resyncs: s.resyncs, bytes: s.bytes, at: performance.now(), maxApplyMs: s.maxApplyMs,
        longTasks: window.__longTasks.length, longTaskMs: window.__longTasks.reduce((a, b) => a + b, 0),
        rows: window.callemuConsole.rows() };
    });
    const busyAfter = await busy();
    const seconds = (after.at - before.at) / 1000;
    const share = (k) => Math.round((busyAfter[k] - busyBefore[k]) / 10 / seconds);
    console.log(JSON.stringify({
      seconds: Math.round(seconds * 100) / 100,
      messagesPerSecond: Math.round((after.messages - before.messages) / seconds),
      kibPerSecond: Math.round((after.bytes - before.bytes) / 1024 / seconds),
      resyncs: after.resyncs - before.resyncs,
      maxApplyMs: Math.round(after.maxApplyMs * 10) / 10,
      longTasks: after.longTasks,
      longTaskMs: Math.round(after.longTaskMs),
      rows: after.rows,
      // Per cent of the window the renderer's main thread was busy (and with what).
      busyPercent: { task: share("task"), script: share("script"), style: share("style"), layout: share("layout") },
    }));
  }
} catch (e) {
  report.errors.push(`script: ${e.stack ?? e}`);
  console.log(JSON.stringify({ ready: false, errors: report.errors }));
} finally {
  await close();
}
