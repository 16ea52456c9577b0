// Opens a bench report.html in Debian's Chromium (headless, no network) and takes a full-page
// screenshot. Prints one JSON line: the charts uPlot drew, how many of their pixels are painted,
// the page's errors and every request that tried to leave the file.
//
//   node screenshot.mjs <report.html> <screenshot.png>
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [report, png] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), "bench-report-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1200, height: 900 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const result = { errors: [], network: [] };
try {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    result.network.push(url);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => result.errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") result.errors.push(m.text()); });
  await page.goto(pathToFileURL(resolve(report)).href);
  await page.waitForFunction(() => document.body.dataset.rendered === "true", null, { timeout: 15000 });
  Object.assign(result, await page.evaluate(() => {
    const charts = [...document.querySelectorAll(".chart")].map((chart) => {
      const canvas = chart.querySelector("canvas");
      if (!canvas) return { id: chart.id, painted: 0 };
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
      return { id: chart.id, painted, width: canvas.width, height: canvas.height };
    });
    return { title: document.getElementById("title").textContent, clock: document.querySelector(".clock").textContent, charts };
  }));
  await page.screenshot({ path: png, fullPage: true });
} catch (e) {
  result.errors.push(String(e?.stack ?? e));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
