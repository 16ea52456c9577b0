// Shared by the console's browser scripts: Debian's Chromium, headless, through playwright-core, with
// every request that would leave callemu's origin refused and counted, and page errors collected.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Opens a browser context at {width, height}; returns {context, page, report, close}. */
export async function openBrowser(origin, viewport = { width: 1280, height: 800 }) {
  const profile = mkdtempSync(join(tmpdir(), "callemu-console-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    viewport,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const report = { errors: [], network: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:")) return route.continue();
    report.network.push(url);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => report.errors.push(`pageerror: ${e.stack ?? e}`));
  page.on("console", (m) => { if (m.type() === "error") report.errors.push(`console: ${m.text()}`); });
  async function close() {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return { context, page, report, close };
}

/** Inputs, selects and buttons the page shows without a name a screen reader could say. */
export async function unlabelled(page) {
  return page.evaluate(() => {
    const out = [];
    for (const n of document.querySelectorAll("input, select, textarea, button")) {
      if (n.closest("[hidden]") || n.type === "hidden") continue;
      const name = n.getAttribute("aria-label") || (n.labels && [...n.labels].map((l) => l.textContent).join(" ").trim())
        || (n.tagName === "BUTTON" && n.textContent.trim());
      if (!name) out.push(n.outerHTML.slice(0, 120));
    }
    return out;
  });
}
