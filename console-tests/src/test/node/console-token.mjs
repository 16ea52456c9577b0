// The console of a callemu started with --control-token: the page asks for the token, says so when
// callemu refuses it, and goes live with the right one. Prints one JSON line (see console-e2e.mjs).
//
//   node console-token.mjs <console url> <token> <outDir>
import { join } from "node:path";
import { openBrowser } from "./browser.mjs";

const [consoleUrl, token, outDir] = process.argv.slice(2);
const { page, report, close } = await openBrowser(new URL(consoleUrl).origin);
const seen = {};
const T = 20_000;
try {
  await page.goto(consoleUrl);
  await page.waitForSelector("#token-dialog[open]", { timeout: T });
  seen.connectionWhileAsking = await page.getAttribute("#connection", "data-state");
  seen.focused = await page.evaluate(() => document.activeElement.id);
  await page.keyboard.press("Escape");
  seen.openAfterEscape = await page.$eval("#token-dialog", (d) => d.open);
  await page.fill("#token-input", "not-the-token");
  await page.press("#token-input", "Enter");
  await page.waitForFunction(() => document.getElementById("token-error").textContent !== "", null, { timeout: T });
  seen.refusedText = await page.textContent("#token-error");
  await page.screenshot({ path: join(outDir, "token-refused.png") });
  await page.fill("#token-input", token);
  await page.press("#token-input", "Enter");
  await page.waitForSelector('#connection[data-state="live"]', { timeout: T });
  seen.dialogOpen = await page.$eval("#token-dialog", (d) => d.open);
  await page.click("#tab-settings");
  await page.waitForSelector("#settings-body tr", { timeout: T });
  seen.settings = await page.$$eval("#settings-body tr", (rows) => rows.length);
  seen.storedInSession = await page.evaluate(() => sessionStorage.getItem("callemu.controlToken") !== null
    && localStorage.length === 0);
} catch (e) {
  report.errors.push(`script: ${e.stack ?? e}`);
  await page.screenshot({ path: join(outDir, "token-failure.png") }).catch(() => {});
} finally {
  await close();
}
// The refused requests are the page's own 401s, which Chromium logs as console errors: expected here.
report.errors = report.errors.filter((e) => !e.includes("401 (Unauthorized)"));
console.log(JSON.stringify({ ...report, seen }));
