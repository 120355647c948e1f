// The dashboard's shell: header with the year, indicator and language controls, the synthetic-figures
// banner, and the view of the current address.
import "./style.css";
import {
  loadJobAgreement,
  loadMeta,
  loadRegionJobs,
  loadRegions,
  loadRegionTable,
  loadRegionYears,
  populationDateFor,
} from "./data.ts";
import { h } from "./dom.ts";
import { initialLang, lang, setLang, t } from "./i18n.ts";
import { INDICATOR, INDICATORS } from "./indicators.ts";
import { loadBoundaries } from "./map.ts";
import { hideProvenance, initProvenance, updateSyntheticBanner } from "./provenance.ts";
import { parseRoute, routeHash, type Route } from "./route.ts";
import { nationalView } from "./views/national.ts";
import { regionView } from "./views/region.ts";

const app = document.getElementById("app")!;
setLang(initialLang());

const banner = h("div", { class: "banner-syn", role: "status", hidden: true });
const yearSelect = h("select", { id: "year", name: "year" });
const indicatorSelect = h("select", { id: "indicator", name: "indicator" });
const indicatorControl = h("div", { class: "control" });
const yearControl = h("div", { class: "control" });
const langButton = h("button", { type: "button", class: "lang", id: "lang" });
const nav = h("nav", {});
const heading = h("div", { class: "titles" });
const main = h("main", { id: "main", tabindex: "-1" });
const footer = h("footer", {});
const skip = h("button", { type: "button", class: "skip" });
skip.addEventListener("click", () => main.focus());

app.replaceChildren(
  skip,
  banner,
  h("header", {}, heading, nav, h("div", { class: "controls" }, yearControl, indicatorControl, langButton)),
  main,
  footer,
);
initProvenance(document.body);

let route = parseRoute(location.hash);
// asked at once, beside the first query: neither depends on the year
void loadBoundaries().catch(() => {});
void loadJobAgreement().catch(() => {});
let rendering = 0;
let lastView = "";

function go(next: Route): void {
  const hash = routeHash(next);
  if (hash === location.hash) void render();
  else location.hash = hash;
}

yearSelect.addEventListener("change", () => go({ ...route, year: Number(yearSelect.value) }));
indicatorSelect.addEventListener("change", () =>
  go({ ...route, indicator: indicatorSelect.value as Route["indicator"] }),
);
langButton.addEventListener("click", () => {
  setLang(lang() === "en" ? "nl" : "en");
  void render();
});
window.addEventListener("hashchange", () => {
  route = parseRoute(location.hash);
  void render();
});

/** Labels that depend on the language, outside the view. */
function renderShell(years: number[], year: number): void {
  document.title = t("title");
  skip.textContent = t("skip");
  banner.textContent = t("syntheticBanner");
  heading.replaceChildren(h("h1", {}, t("title")), h("p", { class: "tagline" }, t("tagline")));
  nav.setAttribute("aria-label", t("national"));
  nav.replaceChildren(
    h("a", { href: routeHash({ ...route, view: "national", year }) }, t("national")),
    h("a", { href: "/graphql" }, t("graphiql")),
  );
  langButton.textContent = t("switchLanguage");
  langButton.setAttribute("aria-label", t("switchLanguageLabel"));
  langButton.setAttribute("lang", lang() === "en" ? "nl" : "en");
  yearSelect.replaceChildren(...years.map((y) => h("option", { value: y, selected: y === year }, y)));
  yearControl.replaceChildren(h("label", { for: "year" }, t("year")), yearSelect);
  indicatorSelect.replaceChildren(
    ...INDICATORS.map((id) => h("option", { value: id, selected: id === route.indicator }, t(INDICATOR[id].label))),
  );
  indicatorControl.replaceChildren(h("label", { for: "indicator" }, t("indicator")), indicatorSelect);
  indicatorControl.hidden = route.view !== "national";
  footer.replaceChildren(h("p", {}, t("attribution")));
}

async function render(): Promise<void> {
  const ticket = ++rendering;
  main.setAttribute("aria-busy", "true");
  hideProvenance();
  let years: number[] = [];
  let year = route.year ?? 0;
  try {
    const meta = await loadMeta();
    years = meta.years;
    year = route.year !== null && years.includes(route.year) ? route.year : (years.at(-1) ?? 0);
    const populationDate = populationDateFor(year, meta.populationDates);
    const view = await (route.view === "region"
      ? renderRegion(route.code!, year, populationDate, years)
      : renderNational(year, populationDate));
    if (ticket !== rendering) return;
    renderShell(years, year);
    main.replaceChildren(view);
    // a new page (not a new year or indicator): move focus to its heading, as a page load would
    const viewKey = `${route.view}:${route.code ?? ""}`;
    if (lastView && viewKey !== lastView) main.querySelector<HTMLElement>("#view-title")?.focus();
    lastView = viewKey;
    // for measuring: the first view drawn (test/web/dashboard.test.ts reports it)
    if (performance.getEntriesByName("dashboard:first-view").length === 0) performance.mark("dashboard:first-view");
  } catch (error) {
    if (ticket !== rendering) return;
    renderShell(years, year);
    const retry = h("button", { type: "button" }, t("retry"));
    retry.addEventListener("click", () => void render());
    main.replaceChildren(
      h("div", { class: "error", role: "alert" }, h("p", {}, `${t("loadFailed")}: ${(error as Error).message}`), retry),
    );
  } finally {
    if (ticket === rendering) {
      main.removeAttribute("aria-busy");
      updateSyntheticBanner(banner, main);
    }
  }
}

async function renderNational(year: number, populationDate: string | null): Promise<HTMLElement> {
  const [features, regions, jobAgreement] = await Promise.all([
    loadBoundaries(),
    loadRegions(INDICATOR[route.indicator].part, year, populationDate),
    loadJobAgreement(),
  ]);
  return nationalView({
    year,
    indicator: INDICATOR[route.indicator],
    regions,
    features,
    jobAgreement,
    regionHref: (code) => routeHash({ ...route, view: "region", code, year }),
    openRegion: (code) => go({ ...route, view: "region", code, year }),
  });
}

async function renderRegion(code: string, year: number, populationDate: string | null, years: number[]) {
  const [table, regionYears, jobs] = await Promise.all([
    loadRegionTable(code, year, populationDate),
    loadRegionYears(code, years),
    loadRegionJobs(code),
  ]);
  if (!table) {
    return h("section", {}, h("h2", { id: "view-title", tabindex: "-1" }, t("unknownRegion", { code })));
  }
  return regionView({
    table,
    years: regionYears,
    jobs,
    backHref: routeHash({ ...route, view: "national", year }),
  });
}

void render();
