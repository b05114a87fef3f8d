// Browser test of the CV editor: Debian's Chromium driven by playwright-core against a real
// `vitae serve` on a loopback port with a fresh data dir.
//
// It signs in through the login page, creates a CV through the editor, adds and reorders
// entries in place (JavaScript on), waits for the autosave and sees the preview follow,
// checks a no-JavaScript round trip keeps focus, exports a PDF, deletes a copy through the
// dialog, and saves screenshots of the editor and of each template's preview under
// tests/e2e/artifacts/ (git-ignored; CI produces them). Every wait is on a condition with
// a bound, never a fixed sleep.
//
//   node editor.test.mjs <path to the vitae binary>
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const HERE = dirname(fileURLToPath(import.meta.url));
const ARTIFACTS = join(HERE, "artifacts");
const FIXTURE = join(HERE, "..", "fixtures", "resume", "rich.json");
const EMAIL = "e2e@example.org";
const PASSWORD = "correct horse battery staple";
const BOUND_MS = 15000; // the longest any single wait may take
// What this machine's Chromium needs (closed network, running as root in CI).
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const TEMPLATES = ["classic", "modern", "ats"];

const binary = process.argv[2];
if (!binary) {
  console.error("usage: node editor.test.mjs <path to the vitae binary>");
  process.exit(2);
}

const cleanup = [];

function step(name) {
  console.log(`e2e: ${name}`);
}

// The environment for vitae: ours without VITAE_* (it refuses keys it does not know), a
// cheap Argon2 cost so signing in is quick under sanitizers.
function vitaeEnv(dataDir) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("VITAE_")),
  );
  return {
    ...env,
    VITAE_DATA_DIR: dataDir,
    ARGON2_MEMORY_KIB: "8192",
    ARGON2_ITERATIONS: "1",
    MIN_FREE_DISK_MB: "0",
  };
}

function vitae(args, dataDir, input) {
  const run = spawnSync(binary, args, { env: vitaeEnv(dataDir), input, encoding: "utf8" });
  assert.equal(run.status, 0, `vitae ${args.join(" ")} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(condition, what, bound = BOUND_MS) {
  const deadline = Date.now() + bound;
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${bound} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), "vitae-e2e-"));
  cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
  vitae(["user", "create", "--admin", "--email", EMAIL, "--name", "Zoë Ångström"], dataDir,
    `${PASSWORD}\n`);
  const token = vitae(["token", "create", "--email", EMAIL, "--name", "e2e"], dataDir)
    .trim().split(/\s+/).pop();
  const port = await freePort();
  const server = spawn(binary, ["serve", "--addr", "127.0.0.1", "--port", String(port)], {
    env: vitaeEnv(dataDir),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk) => (output += chunk));
  server.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => server.once("exit", resolve));
  cleanup.push(async () => {
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10000))]);
    if (server.exitCode === null) server.kill("SIGKILL");
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => {
    if (server.exitCode !== null) throw new Error(`vitae serve exited:\n${output}`);
    try {
      return (await fetch(`${base}/healthz`)).ok;
    } catch {
      return false;
    }
  }, "vitae serve to answer /healthz", 30000);
  return { base, token };
}

// A CV made through the JSON API: the rich fixture, for screenshots that show a full CV.
async function createRichCv(base, token) {
  const resume = JSON.parse(readFileSync(FIXTURE, "utf8"));
  const response = await fetch(`${base}/api/v1/cvs`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ title: "Rich fixture", template: "classic", resume }),
  });
  const text = await response.text();
  assert.equal(response.status, 201, text);
  return JSON.parse(text).id;
}

async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "vitae-e2e-chromium-"));
  cleanup.push(() => rmSync(profile, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
  });
  cleanup.push(() => context.close());
  context.setDefaultTimeout(BOUND_MS);
  return context;
}

// Fails the test on any script error or CSP violation: the pages must work under the
// strict policy, without inline script or style.
// The failed-save step aborts requests on purpose; Chromium logs those.
const expected = { aborted: false };

function watchPage(page, problems) {
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (expected.aborted && message.text().includes("net::ERR_FAILED")) return;
    problems.push(`console: ${message.text()}`);
  });
}

async function signIn(page, base) {
  step("sign in through the login page");
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

async function createCv(page, base) {
  step("create a CV through the New CV form");
  await page.goto(`${base}/cvs`);
  await page.getByRole("link", { name: "New CV" }).first().click();
  await page.getByLabel("Title").fill("E2E CV");
  await page.getByLabel(/Classic/).check();
  await page.getByRole("button", { name: "Create and edit" }).click();
  await page.waitForURL(/\/cvs\/\d+\/edit$/);
  return Number(new URL(page.url()).pathname.split("/")[2]);
}

async function waitSaved(page) {
  await page.waitForFunction(
    () => document.querySelector("[data-save-state]")?.dataset.state === "saved",
    null,
    { timeout: BOUND_MS },
  );
}

function previewFrame(page) {
  return page.frameLocator("#cv-preview");
}

// The employers in the order the preview shows them.
async function previewText(page) {
  return previewFrame(page).locator("body").innerText();
}

async function waitPreview(page, predicate, what) {
  await waitFor(async () => predicate(await previewText(page)), what);
}

function before(text, first, second) {
  const a = text.indexOf(first);
  const b = text.indexOf(second);
  return a >= 0 && b >= 0 && a < b;
}

async function addAndReorder(page) {
  step("fill basics and the first job, add two more jobs in place");
  await page.evaluate(() => (window.notReloaded = true));
  await page.locator("#basics-label").fill("Site Reliability Engineer");
  await page.locator("#work-0-name").fill("Alpha Corp");
  await page.locator("#work-0-position").fill("Engineer");
  const addJob = page.locator("#work-add");
  await addJob.click();
  await assert.doesNotReject(page.locator("#work-1-name").waitFor());
  assert.equal(await page.evaluate(() => document.activeElement.id), "work-1-name");
  await page.keyboard.type("Beta Ltd");
  await addJob.click();
  await page.locator("#work-2-name").fill("Gamma GmbH");
  await page.locator("#work-0-highlights-add").click();
  await page.keyboard.type("Cut costs by 30 %");
  await page.locator("#work-0-highlights-add").click();
  await page.keyboard.type("Mentored four engineers");
  assert.equal(await page.evaluate(() => window.notReloaded), true, "no page load for inline adds");

  await waitSaved(page);
  await waitPreview(page, (t) => before(t, "Alpha Corp", "Beta Ltd") && before(t, "Beta Ltd", "Gamma GmbH"),
    "the preview to show the three jobs in order");

  step("reorder with the keyboard: move Gamma up, focus stays on its button");
  await page.locator("#work-2-up").focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#work-1-name").inputValue(), "Gamma GmbH");
  assert.equal(await page.evaluate(() => document.activeElement.id), "work-1-up");
  step("reorder highlights: move the second highlight up");
  await page.locator("#work-0-highlights-1-up").click();
  assert.equal(await page.locator("#work-0-highlights-0").inputValue(), "Mentored four engineers");

  await waitSaved(page);
  await waitPreview(page, (t) => before(t, "Gamma GmbH", "Beta Ltd") &&
    before(t, "Mentored four engineers", "Cut costs"), "the preview to follow the new order");

  mkdirSync(ARTIFACTS, { recursive: true });
  await page.evaluate(() => document.getElementById("work").scrollIntoView());
  await page.screenshot({ path: join(ARTIFACTS, "editor-work.png") });

  step("the order survives a reload");
  await page.reload();
  assert.equal(await page.locator("#work-1-name").inputValue(), "Gamma GmbH");
  assert.equal(await page.locator("#work-2-name").inputValue(), "Beta Ltd");
  assert.equal(await page.locator("#work-0-highlights-0").inputValue(), "Mentored four engineers");
}

async function removeInPlace(page) {
  step("remove a job in place; focus moves to Add job");
  await page.locator("#work-2-remove").click();
  assert.equal(await page.locator("#work-2").count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), "work-add");
  await waitSaved(page);
  await waitPreview(page, (t) => !t.includes("Beta Ltd"), "the preview to drop the job");
}

async function failedSaveRetries(page) {
  step("a failed save keeps the edits, says so, warns before leaving and retries");
  let failing = true;
  const saves = (route) =>
    failing && route.request().method() === "POST" ? route.abort() : route.continue();
  expected.aborted = true;
  await page.route("**/cvs/*/edit", saves);
  await page.locator("#basics-label").fill("Reliability Engineer");
  await page.waitForFunction(
    () => document.querySelector("[data-save-state]").dataset.state === "failed",
    null,
    { timeout: BOUND_MS },
  );
  assert.match(await page.locator("[data-save-state]").innerText(), /Save failed .* retrying/);
  const warns = await page.evaluate(() => {
    const event = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
  assert.equal(warns, true, "leaving with unsaved edits asks first");
  assert.equal(await page.locator("#basics-label").inputValue(), "Reliability Engineer");
  failing = false;
  await waitSaved(page);
  await page.unroute("**/cvs/*/edit", saves);
  expected.aborted = false;
  await waitPreview(page, (t) => t.includes("Reliability Engineer"), "the retried save");
}

async function exportPdf(page) {
  step("export the PDF through the editor's link");
  const link = page.locator("[data-export='pdf']");
  const url = new URL(await link.getAttribute("href"), page.url()).href;
  const answer = await page.request.get(url);
  assert.equal(answer.status(), 200, `GET ${url} answered ${answer.status()}, not a PDF`);
  const download = page.waitForEvent("download", { timeout: BOUND_MS });
  await link.click();
  const file = await (await download).path();
  const head = readFileSync(file).subarray(0, 5).toString("latin1");
  assert.equal(head, "%PDF-", "the export link gives a PDF");
}

async function screenshots(context, page, base, richId) {
  step("screenshots of the editor and of each template's preview");
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.goto(`${base}/cvs/${richId}/edit`);
  await page.screenshot({ path: join(ARTIFACTS, "editor.png") });
  for (const name of TEMPLATES) {
    await page.locator("#template").selectOption(name);
    await waitSaved(page);
    await waitFor(async () =>
      (await previewFrame(page).locator("body").getAttribute("data-template")) === name,
      `the preview to switch to ${name}`);
    const preview = await context.newPage();
    await preview.setViewportSize({ width: 900, height: 1200 });
    await preview.goto(`${base}/cvs/${richId}/preview`);
    await preview.screenshot({ path: join(ARTIFACTS, `preview-${name}.png`), fullPage: true });
    await preview.close();
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.screenshot({ path: join(ARTIFACTS, "editor-narrow.png") });
  const frame = await page.locator("#cv-preview").boundingBox();
  const form = await page.locator("[data-cv-editor]").boundingBox();
  assert.ok(frame.y > form.y + form.height - 1, "on a narrow screen the preview follows the form");
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function deleteThroughDialog(page, base) {
  step("duplicate, then delete the copy through the confirmation dialog");
  await page.goto(`${base}/cvs`);
  const rows = page.locator("tbody tr");
  const count = await rows.count();
  await page.getByRole("button", { name: "Duplicate E2E CV" }).click();
  await page.waitForURL(/done=duplicated/);
  assert.equal(await rows.count(), count + 1);
  await page.getByRole("link", { name: "Delete E2E CV (copy)" }).click();
  const dialog = page.locator("[data-delete-dialog]");
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /E2E CV \(copy\)/);
  await dialog.getByRole("button", { name: "Delete" }).click();
  await page.waitForURL(/done=deleted/);
  assert.equal(await rows.count(), count);
}

async function withoutJavaScript(context, base, cvId) {
  step("without JavaScript a button posts the form and focus lands on the new field");
  const page = await context.newPage();
  // Our scripts blocked: the page is what a browser without JavaScript gets.
  await page.route("**/assets/js/**", (route) => route.abort());
  await page.goto(`${base}/cvs/${cvId}/edit`);
  const jobs = await page.locator("[data-section='work'] [data-entry]").count();
  await page.locator("#work-add").click();
  await page.waitForURL(new RegExp(`#work-${jobs}-name$`));
  assert.equal(await page.evaluate(() => document.activeElement.id), `work-${jobs}-name`);
  await page.locator(`#work-${jobs}-remove`).click();
  await page.waitForURL(/#work-add$/);
  assert.equal(await page.locator("[data-section='work'] [data-entry]").count(), jobs);
  await page.close();
}

async function main() {
  const { base, token } = await startServer();
  const richId = await createRichCv(base, token);
  const context = await launch();
  const page = await context.newPage();
  const problems = [];
  watchPage(page, problems);

  await signIn(page, base);
  const cvId = await createCv(page, base);
  await addAndReorder(page);
  await removeInPlace(page);
  await failedSaveRetries(page);
  await withoutJavaScript(context, base, cvId);
  await page.goto(`${base}/cvs/${cvId}/edit`);
  await screenshots(context, page, base, richId);
  await deleteThroughDialog(page, base);
  assert.deepEqual(problems, [], "no script errors or CSP violations");
  await page.goto(`${base}/cvs/${cvId}/edit`);
  await exportPdf(page);
}

let failed = false;
try {
  await main();
  console.log("e2e: all steps passed");
} catch (error) {
  failed = true;
  console.error(`e2e: FAILED: ${error.stack ?? error}`);
} finally {
  for (const undo of cleanup.reverse()) {
    try {
      await undo();
    } catch (error) {
      console.error(`e2e: cleanup: ${error.message}`);
    }
  }
}
process.exit(failed ? 1 : 0);
