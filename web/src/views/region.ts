// Region view: the region's municipalities in a sortable table for the chosen year (with a CSV of what is
// shown), and the region's figures over the years as charts.
import { chart, type Series } from "../charts.ts";
import { download, toCsv } from "../csv.ts";
import type { Figure, MunicipalityRow, RegionJobsYear, RegionTable, RegionYear } from "../data.ts";
import { h } from "../dom.ts";
import { formatDate, type NumberKind } from "../format.ts";
import { t, type LabelKey } from "../i18n.ts";
import { sortableTable, type Column } from "../table.ts";

export interface RegionData {
  table: RegionTable;
  years: RegionYear[];
  jobs: RegionJobsYear[];
  backHref: string;
}

export function regionView(data: RegionData): HTMLElement {
  const { table } = data;
  const regionName = `${table.name} (${table.code})`;
  const columns: Column<MunicipalityRow>[] = [
    {
      key: "name",
      label: t("municipality"),
      text: (m) => m.name,
      // how it is known that the municipality lay in the region that year, and whether that is uncertain
      textSource: (m) => ({
        value: table.name,
        source: m.membership.source && {
          ...m.membership.source,
          note: m.membership.reason ?? m.membership.source.note,
        },
      }),
      marker: (m) => (m.membership.uncertain ? uncertainBadge() : null),
    },
    { key: "code", label: t("code"), text: (m) => m.code },
    {
      key: "population",
      label: `${t("population")} (${formatDate(table.populationDate)})`,
      figure: (m) => m.population,
    },
    { key: "buigBudget", label: t("buigBudget"), kind: "euro", figure: (m) => m.buigBudget },
    { key: "buigSpending", label: t("buigSpending"), kind: "euro", figure: (m) => m.buigSpending },
    { key: "buigResult", label: t("buigResult"), kind: "euro", figure: (m) => m.buigResult },
    { key: "buigResultPercent", label: t("buigResultPercent"), kind: "percent", figure: (m) => m.buigResultPercent },
    { key: "participationBudget", label: t("participationBudget"), kind: "euro", figure: (m) => m.participationBudget },
    { key: "shelteredTarget", label: t("shelteredTarget"), figure: (m) => m.shelteredTarget },
    { key: "shelteredRealised", label: t("shelteredRealised"), figure: (m) => m.shelteredRealised },
  ];
  const municipalities = sortableTable({
    caption: t("municipalitiesOf", { region: table.name, year: table.year }),
    columns,
    rows: table.municipalities,
    rowLabel: (m) => `${m.name} (${m.code}), ${table.year}`,
    className: "data-table municipalities",
  });
  const csvButton = h(
    "button",
    {
      type: "button",
      class: "download",
      "aria-label": t("downloadCsvLabel", { region: table.name, year: table.year }),
    },
    t("downloadCsv"),
  );
  csvButton.addEventListener("click", () =>
    download(`${table.code}-${table.year}-municipalities.csv`, toCsv(columns, municipalities.rows())),
  );

  return h(
    "section",
    { class: "region", "aria-labelledby": "view-title" },
    h("p", {}, h("a", { href: data.backHref, class: "back" }, t("backToMap"))),
    h("h2", { id: "view-title", tabindex: "-1" }, regionName),
    h("p", { class: "help" }, membershipNote(table)),
    h("div", { class: "table-tools" }, csvButton),
    municipalities.element,
    h("h3", {}, t("overTheYears", { region: table.name })),
    h("div", { class: "charts" }, regionCharts(data)),
  );
}

function membershipNote(table: RegionTable): string {
  const source = table.classification;
  const uncertain = table.municipalities.filter((m) => m.membership.uncertain).length;
  return [
    t("membershipNote", {
      year: table.year,
      count: table.municipalities.length,
      kind: source ? t(`kind${source.kind}` as LabelKey) : "?",
      document: source?.document ?? "?",
    }),
    uncertain > 0 ? t("membershipUncertain", { count: uncertain }) : "",
    t("populationOn", { date: formatDate(table.populationDate) }),
  ]
    .filter(Boolean)
    .join(" ");
}

const uncertainBadge = () =>
  h(
    "span",
    { class: "badge-uncertain", title: t("uncertainLong") },
    h("span", { "aria-hidden": "true" }, "?"),
    h("span", { class: "sr-only" }, ` (${t("uncertainLong")})`),
  );

/** A chart of one figure or more per year, over the years that have any of them. */
function yearChart<Row extends { year: number }>(options: {
  title: string;
  kind: NumberKind;
  divisor?: number;
  rows: Row[];
  series: (Series & { figure: (row: Row) => Figure })[];
}): HTMLElement {
  // participation budgets, for instance, are published for 2017–2021 only
  const rows = options.rows.filter((row) => options.series.some((s) => s.figure(row).value !== null));
  return chart({
    title: options.title,
    kind: options.kind,
    ...(options.divisor ? { divisor: options.divisor } : {}),
    xLabel: t("year"),
    series: options.series,
    points: rows.flatMap((row) =>
      options.series.map((s) => ({ series: s.key, x: String(row.year), figure: s.figure(row) })),
    ),
  });
}

function regionCharts({ years, jobs }: RegionData): HTMLElement[] {
  return [
    yearChart({
      title: t("chartJobs"),
      kind: "count",
      rows: jobs,
      series: [
        { key: "extraJobs", label: t("extraJobs"), mark: "bar", colour: "#2b6cb0", figure: (j) => j.extraJobs },
        { key: "jobs", label: t("jobs"), mark: "line", colour: "#9c4221", figure: (j) => j.jobs },
      ],
    }),
    yearChart({
      title: t("chartBuig"),
      kind: "euro",
      divisor: 1e6,
      rows: years,
      series: [
        { key: "budget", label: t("budget"), mark: "line", colour: "#2b6cb0", figure: (y) => y.buigBudget },
        { key: "spending", label: t("spending"), mark: "line", colour: "#c53030", figure: (y) => y.buigSpending },
      ],
    }),
    yearChart({
      title: t("chartSheltered"),
      kind: "count",
      rows: years,
      series: [
        { key: "realised", label: t("realised"), mark: "bar", colour: "#2f855a", figure: (y) => y.shelteredRealised },
        { key: "target", label: t("target"), mark: "tick", colour: "#111111", figure: (y) => y.shelteredTarget },
      ],
    }),
    yearChart({
      title: t("chartParticipation"),
      kind: "euro",
      divisor: 1e6,
      rows: years,
      series: [
        { key: "total", label: t("total"), mark: "bar", colour: "#6b46c1", figure: (y) => y.participationBudget },
      ],
    }),
  ];
}
