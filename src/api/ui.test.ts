/**
 * The web UI in a real browser: Debian's chromium driven by playwright-core against `laut serve`'s
 * app on a test archive. Opens an article, follows a speaker, searches, pastes a text; checks
 * highlighting, keyboard paths and that nothing overflows at laptop and phone widths. Screenshots
 * go to test-output/ (git-ignored). Skips, visibly, when chromium is not installed.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../store/store.js";
import { createApp } from "./app.js";
import { buildTestArchive } from "./archive.case.js";
import { type RunningServer, startServer } from "./server.js";

const CHROMIUM = process.env.LAUT_CHROMIUM || "/usr/bin/chromium";
const OUTPUT = fileURLToPath(new URL("../../test-output/", import.meta.url));
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `skipping the browser tests: no chromium at ${CHROMIUM} (apt-get install chromium, or set LAUT_CHROMIUM)`,
  );
}

// this file is type-checked without the DOM library: what runs in the page is reached through these
type BrowserWindow = { getComputedStyle(element: unknown): Record<string, string> };

/** a computed style property of the first element, read in the browser */
const styleOf = (locator: Locator, property: string): Promise<string> =>
  locator
    .first()
    .evaluate((el, p) => (globalThis as unknown as BrowserWindow).getComputedStyle(el)[p] ?? "", property);

/**
 * The UI built from the current source into the test's own folder: never a stale dist/web, and
 * another test file running `npm run build` meanwhile cannot empty it under the browser.
 */
async function buildUi(outDir: string): Promise<void> {
  const { build } = await import("vite");
  await build({
    configFile: fileURLToPath(new URL("../../web/vite.config.ts", import.meta.url)),
    logLevel: "silent",
    build: { outDir, emptyOutDir: true },
  });
}

describe.skipIf(!hasChromium)("web UI in chromium", () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  const shoot = (name: string) => page.screenshot({ path: join(OUTPUT, name), fullPage: true });
  const noHorizontalOverflow = () =>
    page.evaluate<boolean>("document.documentElement.scrollWidth <= document.documentElement.clientWidth");

  beforeAll(async () => {
    await mkdir(OUTPUT, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), "laut-ui-"));
    await buildUi(join(dir, "web"));
    store = await buildTestArchive(dir);
    server = await startServer(createApp({ store, webRoot: join(dir, "web") }), {
      host: "127.0.0.1",
      port: 0,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, chromiumSandbox: false });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "de-DE" });
    // nothing may come from anywhere but this server
    page.on("request", (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith("data:")) {
        throw new Error(`the UI requested ${request.url()}`);
      }
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("lists the archive's articles newest first and opens one with its quotes in speaker colours", async () => {
    await page.goto(server.url);
    await expect.poll(() => page.locator(".article-list h2").count()).toBe(5);
    const titles = await page.locator(".article-list h2").allTextContents();
    expect(titles[0]).toBe("Aare-Schwimmer sollen Rettungswesten tragen");
    expect(titles[4]).toBe("Köln plant zwanzig Kilometer neue Radwege");
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    await shoot("articles-1280.png");

    await page.getByRole("link", { name: "Köln plant zwanzig Kilometer neue Radwege" }).click();
    await expect
      .poll(() => page.locator("h1").textContent())
      .toBe("Köln plant zwanzig Kilometer neue Radwege");
    expect(new URL(page.url()).pathname).toMatch(/^\/artikel\/\d+$/);
    expect(await page.locator("article.article-text").getAttribute("lang")).toBe("de");

    const vogt = page.locator("mark.q-direct", { hasText: "Wir machen Köln zur Fahrradstadt" });
    const hahn = page.locator("mark.q-direct", { hasText: "Die Pendler aus dem Umland" });
    await expect.poll(() => vogt.count()).toBeGreaterThan(0);
    await expect.poll(() => hahn.count()).toBeGreaterThan(0);
    expect(await styleOf(vogt, "borderBottomColor")).not.toBe(await styleOf(hahn, "borderBottomColor"));
    // indirect speech is marked apart from direct speech
    const indirect = page.locator("mark.q-indirect", { hasText: "Die Finanzierung sei gesichert" });
    expect(await indirect.count()).toBeGreaterThan(0);
    expect(await styleOf(indirect, "borderBottomStyle")).toBe("dashed");
    expect(await styleOf(vogt, "borderBottomStyle")).toBe("solid");

    const legend = page.locator(".legend li");
    const names = await legend.allTextContents();
    expect(names.some((n) => n.includes("Anna Vogt"))).toBe(true);
    expect(names.some((n) => n.includes("Markus Hahn"))).toBe(true);
    expect(await noHorizontalOverflow()).toBe(true);
    await shoot("article-1280.png");
  });

  it("marks a quote in the text when it is chosen in the list, by keyboard", async () => {
    const card = page.locator(".quote-select", { hasText: "Die Pendler aus dem Umland" }).first();
    await card.focus();
    await page.keyboard.press("Enter");
    expect(await card.getAttribute("aria-pressed")).toBe("true");
    const marked = page.locator("mark.q.selected");
    await expect.poll(() => marked.count()).toBeGreaterThan(0);
    expect((await marked.allTextContents()).join("")).toContain("Die Pendler aus dem Umland");
    expect(await styleOf(marked, "outlineStyle")).toBe("solid");
  });

  it("starts keyboard navigation with a skip link to the content", async () => {
    await page.goto(server.url);
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    expect(await focused.textContent()).toBe("Zum Inhalt springen");
    expect(await styleOf(focused, "outlineStyle")).toBe("solid");
    await page.keyboard.press("Enter");
    expect(await page.evaluate<string>("document.activeElement.id")).toBe("main");
  });

  it("follows a speaker from an article to all their quotes over time", async () => {
    await page.goto(server.url);
    await page.getByRole("link", { name: "Erste Radwege in Köln eröffnet" }).click();
    await page.locator(".legend").getByRole("link", { name: "Anna Vogt" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Anna Vogt");
    const months = page.locator("section.month h2");
    await expect.poll(() => months.count()).toBe(2);
    const monthNames = await months.allTextContents();
    expect(monthNames[0]).toContain("September 2024");
    expect(monthNames[1]).toContain("März 2024");
    const quotes = await page.locator(".quote-row blockquote").allTextContents();
    expect(quotes.some((q) => q.includes("Das ist erst der Anfang"))).toBe(true);
    expect(quotes.some((q) => q.includes("Fahrradstadt"))).toBe(true);
    // seven months from March to September, two of them with quotes
    expect(await page.locator(".bars li").count()).toBe(7);
    expect(await page.locator(".bars .bar[style*='height: 0%']").count()).toBe(5);
    await shoot("speaker-1280.png");

    // and from the speaker to an article the quote came from
    await page.getByRole("link", { name: "Köln plant zwanzig Kilometer neue Radwege" }).first().click();
    await expect
      .poll(() => page.locator("h1").textContent())
      .toBe("Köln plant zwanzig Kilometer neue Radwege");
  });

  it("lists speakers with their counts", async () => {
    await page.getByRole("link", { name: "Sprecher", exact: true }).click();
    const rows = page.locator("table.speakers tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(6);
    const text = await rows.allTextContents();
    expect(text.some((t) => t.includes("Karl Brenner"))).toBe(true);
    await shoot("speakers-1280.png");
  });

  it("searches quotes and articles, inflections included", async () => {
    await page.getByRole("link", { name: "Suche", exact: true }).click();
    const field = page.getByLabel("Suchwörter in Zitaten und Artikeln");
    await field.fill("Pflegekraft");
    await field.press("Enter");
    await expect.poll(() => page.locator("#found-articles").textContent()).toMatch(/^\d+ Artikel$/);
    expect(new URL(page.url()).search).toBe("?q=Pflegekraft");
    const articles = await page.locator(".results .article-list h3").allTextContents();
    expect(articles).toContain("Wiener Spitäler suchen Pflegekräfte");
    const quotes = await page.locator(".results .quote-row").allTextContents();
    expect(
      quotes.some((q) => q.includes("so viele Pflegekräfte eingestellt") && q.includes("Karl Brenner")),
    ).toBe(true);
    await shoot("search-1280.png");
  });

  it("analyses a pasted text at once, without storing it", async () => {
    await page.getByRole("link", { name: "Text analysieren" }).click();
    await page
      .getByRole("textbox", { name: /Artikeltext/ })
      .fill(
        "Zürich baut die Limmatbrücke neu\n\nDie Stadt Zürich ersetzt die über hundert Jahre alte Limmatbrücke.\n\n«Die Brücke ist am Ende ihrer Lebensdauer angelangt», sagte Stadträtin Miriam Huber am Dienstag. Die Bauarbeiten sollen im Frühling beginnen.",
      );
    await page.getByRole("button", { name: "Analysieren" }).click();
    const result = page.locator(".analyze-result");
    await expect
      .poll(() => result.locator("h2").first().textContent())
      .toBe("Zürich baut die Limmatbrücke neu");
    expect(await result.locator(".legend li").first().textContent()).toContain("Miriam Huber");
    expect(await result.locator("mark.q-direct").first().textContent()).toContain("Die Brücke ist am Ende");
    await shoot("analyze-1280.png");
    const stored = await page.evaluate<number>(
      'fetch("/api/info").then((r) => r.json()).then((i) => i.archive.articles)',
    );
    expect(stored).toBe(5);
  });

  it("shows an error from the server in words when the text is empty", async () => {
    await page.getByRole("textbox", { name: /Artikeltext/ }).fill("   \n  ");
    await page.getByRole("button", { name: "Analysieren" }).click();
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toContain("E_INPUT_EMPTY");
  });

  it("keeps long German compounds inside the page at phone width", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(server.url);
    await page.getByRole("link", { name: "Aare-Schwimmer sollen Rettungswesten tragen" }).click();
    await expect
      .poll(() => page.locator("h1").textContent())
      .toBe("Aare-Schwimmer sollen Rettungswesten tragen");
    expect(await page.getByText(/Donaudampfschifffahrts/).count()).toBeGreaterThan(0);
    expect(await noHorizontalOverflow()).toBe(true);
    await shoot("article-390.png");
    await page.goto(`${server.url}sprecher`);
    await expect.poll(() => page.locator("table.speakers tbody tr").count()).toBeGreaterThan(0);
    expect(await noHorizontalOverflow()).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("lets the API page try a call in place", async () => {
    await page.goto(`${server.url}docs`);
    const info = page.locator("#get-api-info");
    await info.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => info.locator("output").textContent()).toMatch(/^200 \/api\/info\n/);
    expect(await info.locator("output").textContent()).toContain('"articles": 5');
    await shoot("docs-1280.png");
  });

  it("answers an unknown page with the UI's own not-found page", async () => {
    await page.goto(`${server.url}gibt/es/nicht`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Seite nicht gefunden");
  });
});
