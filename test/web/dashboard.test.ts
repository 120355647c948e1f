// The dashboard in a real browser (Debian's chromium through playwright-core) on the real stack: a
// seeded PGlite, the three subgraphs and the gateway. The test asks the API its own questions (plain
// GraphQL, written here) and compares; the page must ask by persisted-document hash only.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalStack, type Stack } from "../../src/app.ts";
import { BACKENDS, type TestDatabase } from "../support/databases.ts";
import { postGraphQL } from "../support/stack.ts";
import { launchChromium } from "./browser.ts";

const SCREENSHOTS = path.resolve(import.meta.dirname, "screenshots");

interface Recorded {
  url: string;
  method: string;
  body: string | null;
}

describe("the dashboard in Chromium on the real stack", () => {
  let db: TestDatabase;
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  const api = async <T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await postGraphQL<T>(stack.gateway.url, query, variables);
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  const requests: Recorded[] = [];
  const failures: string[] = [];

  beforeAll(async () => {
    db = await BACKENDS[0]!.seeded();
    stack = await startLocalStack(db.location);
    base = `http://127.0.0.1:${stack.gateway.port}/`;
    browser = await launchChromium();
    context = await recordedContext();
    page = await context.newPage();
    page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await db?.drop();
  });

  /** A browser context (a fresh cache) whose every request is recorded, before it is sent. */
  async function recordedContext(): Promise<BrowserContext> {
    const created = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    created.on("request", (request) =>
      requests.push({ url: request.url(), method: request.method(), body: request.postData() }),
    );
    created.on("response", (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    return created;
  }

  /** The municipalities table as shown: one object per row, column key → the API's exact value. */
  const tableRows = () =>
    page.$$eval("table.municipalities tbody tr", (rows) =>
      rows.map((row) =>
        Object.fromEntries(
          [...row.children].map((cell) => [cell.getAttribute("data-column"), cell.getAttribute("data-value")]),
        ),
      ),
    );

  /** The same figures straight from the API: the region's municipalities of the year, and theirs. */
  async function apiRows(code: string, year: number, populationDate: string) {
    const data = await api(
      `query ($code: ID!, $year: Int!, $date: Date) {
        labourMarketRegion(code: $code) {
          municipalities(year: $year, first: 100) {
            nodes {
              code
              name(year: $year)
              population(referenceDate: $date) { value }
              buig(year: $year) { budget { value } spending { value } result { amount percentOfBudget } }
              participationBudget(year: $year) { total { value } }
              shelteredWorkPlaces(year: $year) { target { value } realised { value } }
            }
          }
        }
      }`,
      { code, year, date: populationDate },
    );
    return (data.labourMarketRegion.municipalities.nodes as any[]).map((m) => ({
      name: m.name,
      code: m.code,
      population: String(m.population?.value ?? ""),
      buigBudget: m.buig?.budget.value ?? "",
      buigSpending: m.buig?.spending?.value ?? "",
      buigResult: m.buig?.result?.amount ?? "",
      buigResultPercent: m.buig?.result?.percentOfBudget ?? "",
      participationBudget: m.participationBudget?.total.value ?? "",
      shelteredTarget: m.shelteredWorkPlaces?.target?.value ?? "",
      shelteredRealised: m.shelteredWorkPlaces?.realised?.value ?? "",
    }));
  }

  /** The table shows the year's municipalities of the region with the API's figures, population of the given date. */
  async function expectTableToMatchApi(code: string, year: number, populationDate: string) {
    const byCode = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a.code).localeCompare(String(b.code));
    const shown = await tableRows();
    const expected = await apiRows(code, year, populationDate);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.sort(byCode)).toEqual(expected.sort(byCode));
  }

  /** The legend names the indicator, and every region has the colour of the class its API value falls in. */
  async function expectLegendToMatch(label: string, apiValues: Map<string, string | null>) {
    expect(await page.locator("#legend-title").textContent()).toBe(label);
    const classes = await page.$$eval(".legend li", (items) =>
      items.map((li) => ({
        colour: li.getAttribute("data-colour")!,
        from: li.hasAttribute("data-from") ? Number(li.getAttribute("data-from")) : null,
        to: li.hasAttribute("data-to") ? Number(li.getAttribute("data-to")) : null,
      })),
    );
    const fills = await page.$$eval("svg.map path.region", (paths) =>
      paths.map((p) => [p.getAttribute("data-code")!, p.getAttribute("fill")!] as const),
    );
    expect(fills).toHaveLength(35);
    // every region of the year is drawn (Food Valley, AM31 until 2024, on the 2025 boundary of AM38)
    expect(new Set(fills.map(([code]) => code))).toEqual(new Set(apiValues.keys()));
    const ranged = classes.filter((c) => c.from !== null);
    expect(ranged.length).toBeGreaterThanOrEqual(5);
    for (const [code, fill] of fills) {
      const raw = apiValues.get(code);
      const value = raw == null ? null : Number(raw);
      const expected =
        value === null
          ? classes.find((c) => c.from === null)
          : ranged.find((c, i) => value >= c.from! && (value < c.to! || (i === ranged.length - 1 && value <= c.to!)));
      expect(fill, `${code} = ${raw}`).toBe(expected?.colour);
    }
  }

  it("draws the 35 regions coloured by the chosen indicator, with a legend that matches it", async () => {
    await page.goto(base);
    await page.locator("svg.map path.region").first().waitFor();
    expect(await page.locator("svg.map path.region").count()).toBe(35);
    const year = Number(await page.locator("#year").inputValue());
    expect(year).toBe(2024);

    const regions = await api(
      `query ($year: Int!) {
        labourMarketRegions(year: $year) {
          code
          jobAgreement(year: $year) { extraJobs }
          buig(year: $year) { result { percentOfBudget } }
        }
      }`,
      { year },
    );
    const jobs = regions.labourMarketRegions as any[];
    await expectLegendToMatch(
      "Extra jobs against the 2012 baseline",
      new Map(jobs.map((r) => [r.code, r.jobAgreement?.extraJobs ?? null])),
    );
    // the table alternative to the map holds the same figures
    const tableValues = await page.$$eval(".map-figure table tbody tr", (rows) =>
      rows.map((row) => [
        row.querySelector('[data-column="code"]')!.getAttribute("data-value"),
        row.querySelector('[data-column="value"]')!.getAttribute("data-value"),
      ]),
    );
    expect(Object.fromEntries(tableValues)).toEqual(
      Object.fromEntries(jobs.map((r) => [r.code, r.jobAgreement?.extraJobs ?? ""])),
    );
    // the national job agreement against its targets is drawn beside the map
    expect(await page.locator("figure.chart svg g.mark-realised rect").count()).toBeGreaterThan(0);
    expect(await page.locator("figure.chart svg g.mark-target line").count()).toBeGreaterThan(0);

    // how long the first view takes, reported (a loaded machine may take longer: not asserted)
    const firstView = async (on: Page) =>
      Math.round((await on.evaluate(() => performance.getEntriesByName("dashboard:first-view")[0]?.startTime)) ?? NaN);
    const cold = await firstView(page);
    const again = await (await recordedContext()).newPage();
    await again.goto(base);
    await again.locator("svg.map path.region").first().waitFor();
    console.log(
      `dashboard: first view ${cold} ms after navigation on a cold stack, ${await firstView(again)} ms next time`,
    );
    await again.context().close();
    await page.screenshot({ path: path.join(SCREENSHOTS, "national.png") });

    await page.selectOption("#indicator", "buigResult");
    await expect.poll(() => page.locator("#legend-title").textContent()).toBe("BUIG result as % of the budget");
    expect(page.url()).toContain("indicator=buigResult");
    await expectLegendToMatch(
      "BUIG result as % of the budget",
      new Map(jobs.map((r) => [r.code, r.buig?.result?.percentOfBudget ?? null])),
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, "national-buig.png") });
  });

  it("shows a region's municipalities when it is clicked, with the numbers the API gives", async () => {
    await page.selectOption("#year", "2023");
    // the map is drawn again for the year chosen before the region is clicked
    await expect.poll(() => page.url()).toContain("year=2023");
    await page.locator('svg.map path[data-code="AM01"]').click();
    await page.locator("#view-title", { hasText: "Groningen (AM01)" }).waitFor();
    expect(page.url()).toMatch(/#\/region\/AM01\?year=2023/);
    // 2023's figures beside the population of 1 January 2024 (the published date nearest the end of 2023)
    await expectTableToMatchApi("AM01", 2023, "2024-01-01");
    const first = page.locator('table.municipalities td[data-column="buigBudget"]').first();
    const value = Number(await first.getAttribute("data-value"));
    const shown = new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
    expect(await first.textContent()).toContain(shown.format(value));
    expect(await page.locator("figure.chart").count()).toBe(4);
    await page.screenshot({ path: path.join(SCREENSHOTS, "region.png"), fullPage: true });
  });

  it("changes the figures with the year control", async () => {
    const before = await tableRows();
    await page.selectOption("#year", "2017");
    await page.locator("table.municipalities caption", { hasText: "in 2017" }).waitFor();
    expect(page.url()).toMatch(/#\/region\/AM01\?year=2017/);
    const after = await tableRows();
    expect(after.map((r) => r.buigBudget)).not.toEqual(before.map((r) => r.buigBudget));
    // 2017's municipalities of the region (more than today's: mergers since), population of 2021
    await expectTableToMatchApi("AM01", 2017, "2021-01-01");
    expect(after.length).toBeGreaterThan(before.length);
    expect(await page.locator(".region .help").first().textContent()).toContain("derived");
    // participation budgets are published for 2017–2021 only: there now, not in 2023
    expect(after.every((r) => r.participationBudget !== "")).toBe(true);
    expect(before.every((r) => r.participationBudget === "")).toBe(true);
  });

  it("sorts the table and downloads what it shows as CSV", async () => {
    await page.getByRole("button", { name: "Sort by BUIG budget" }).click();
    expect(await page.locator('th[data-column="buigBudget"]').getAttribute("aria-sort")).toBe("descending");
    const rows = await tableRows();
    const budgets = rows.map((r) => Number(r.buigBudget));
    expect(budgets).toEqual([...budgets].sort((a, b) => b - a));

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download the table of Groningen, 2017, as CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("AM01-2017-municipalities.csv");
    const text = readFileSync(await download.path(), "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...records] = parse(text.slice(1)) as string[][];
    const labels = await page.$$eval("table.municipalities thead th", (cells) =>
      cells.map((th) => th.querySelector("button")!.firstChild!.textContent),
    );
    expect(header).toEqual(labels);
    const columns = await page.$$eval("table.municipalities thead th", (cells) =>
      cells.map((th) => th.getAttribute("data-column")!),
    );
    expect(records).toEqual(rows.map((row) => columns.map((c) => row[c])));
  });

  it("gives every number its source on hover and on keyboard focus, and flags synthetic figures", async () => {
    const tip = page.locator("#provenance-tip");
    const budget = page.locator('table.municipalities td[data-column="buigBudget"]').first();
    await budget.hover();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain("nl-work-graph synthetic data generator");
    expect(await tip.textContent()).toContain("SYNTHETIC");
    expect(await budget.locator(".badge-syn").count()).toBe(1);
    expect(await page.locator(".banner-syn").isVisible()).toBe(true);
    expect(await page.locator(".banner-syn").textContent()).toContain("SYNTHETIC");

    // the keyboard: into the table, two cells to the right is the population, published by CBS
    await page.mouse.move(0, 0);
    await page.locator("table.municipalities tbody th").first().focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    const focused = page.locator(":focus");
    expect(await focused.getAttribute("data-column")).toBe("population");
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain("CBS");
    expect(await tip.textContent()).toContain("official");
    expect(await focused.getAttribute("aria-describedby")).toBe("provenance-tip");
    await page.keyboard.press("Escape");
    expect(await tip.isVisible()).toBe(false);

    // chart marks are reached by keyboard too
    await page.locator("figure.chart svg g.mark-extraJobs rect").first().focus();
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain("SYNTHETIC");
  });

  it("opens a region from the map by keyboard, and by its address", async () => {
    await page.goto(`${base}#/?year=2023`);
    await page.locator('svg.map path[data-code="AM01"]').focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.locator(":focus").getAttribute("data-code")).toBe("AM02");
    expect(await page.locator("#provenance-tip").textContent()).toContain("Friesland (AM02)");
    await page.keyboard.press("Enter");
    await page.locator("#view-title", { hasText: "Friesland (AM02)" }).waitFor();
    // focus moves to the new page's heading, as on a page load
    expect(await page.locator(":focus").getAttribute("id")).toBe("view-title");

    await page.goto(`${base}#/region/AM18?year=2019`);
    await page.locator("#view-title", { hasText: "Groot Amsterdam (AM18)" }).waitFor();
    expect(await page.locator("#year").inputValue()).toBe("2019");
  });

  it("switches between English and Dutch", async () => {
    await page.locator("#lang").click();
    await page.locator("h1", { hasText: "Werk en participatie per regio" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("nl");
    expect(await page.locator("table.municipalities caption").textContent()).toBe(
      "Gemeenten van Groot Amsterdam in 2019",
    );
    await page.locator("#lang").click();
    await page.locator("h1", { hasText: "Work and participation by region" }).waitFor();
  });

  it("made no request that left localhost, and asked for data by persisted document only", async () => {
    expect(requests.length).toBeGreaterThan(10);
    const origin = new URL(base).origin;
    const elsewhere = requests.filter((r) => {
      const url = new URL(r.url);
      return !(url.origin === origin || url.protocol === "data:" || url.href.startsWith(`blob:${origin}/`));
    });
    expect(elsewhere).toEqual([]);
    const graphql = requests.filter((r) => r.url.startsWith(`${origin}/graphql`));
    expect(graphql.length).toBeGreaterThan(5);
    for (const request of graphql) {
      const body = JSON.parse(request.body ?? "{}") as { query?: string; extensions?: { persistedQuery?: unknown } };
      expect(body.query).toBeUndefined();
      expect(body.extensions?.persistedQuery).toBeDefined();
    }
    expect(failures).toEqual([]);
  });
});
