// Region view: the region's municipalities in a sortable table for the chosen year (with a CSV of what is
// shown), and the region's figures over the years as charts.
import { chart } from "../charts.ts";
import { download, toCsv } from "../csv.ts";
import type { MunicipalityRow, RegionJobsYear, RegionTable, RegionYear } from "../data.ts";
import { h } from "../dom.ts";
import { formatDate } from "../format.ts";
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

function regionCharts({ years, jobs }: RegionData): HTMLElement[] {
  const year = (y: { year: number }) => String(y.year);
  // only the years with figures of each kind (participation budgets, for instance, only 2017–2021)
  const withBuig = years.filter((y) => y.buigBudget.value !== null);
  const withSheltered = years.filter((y) => y.shelteredTarget.value !== null || y.shelteredRealised.value !== null);
  const withParticipation = years.filter((y) => y.participationBudget.value !== null);
  return [
    chart({
      title: t("chartJobs"),
      kind: "count",
      xLabel: t("year"),
      series: [
        { key: "extraJobs", label: t("extraJobs"), mark: "bar", colour: "#2b6cb0" },
        { key: "jobs", label: t("jobs"), mark: "line", colour: "#9c4221" },
      ],
      points: jobs.flatMap((j) => [
        { series: "extraJobs", x: year(j), figure: j.extraJobs },
        { series: "jobs", x: year(j), figure: j.jobs },
      ]),
    }),
    chart({
      title: t("chartBuig"),
      kind: "euro",
      divisor: 1e6,
      xLabel: t("year"),
      series: [
        { key: "budget", label: t("budget"), mark: "line", colour: "#2b6cb0" },
        { key: "spending", label: t("spending"), mark: "line", colour: "#c53030" },
      ],
      points: withBuig.flatMap((y) => [
        { series: "budget", x: year(y), figure: y.buigBudget },
        { series: "spending", x: year(y), figure: y.buigSpending },
      ]),
    }),
    chart({
      title: t("chartSheltered"),
      kind: "count",
      xLabel: t("year"),
      series: [
        { key: "realised", label: t("realised"), mark: "bar", colour: "#2f855a" },
        { key: "target", label: t("target"), mark: "tick", colour: "#111111" },
      ],
      points: withSheltered.flatMap((y) => [
        { series: "realised", x: year(y), figure: y.shelteredRealised },
        { series: "target", x: year(y), figure: y.shelteredTarget },
      ]),
    }),
    chart({
      title: t("chartParticipation"),
      kind: "euro",
      divisor: 1e6,
      xLabel: t("year"),
      series: [{ key: "total", label: t("total"), mark: "bar", colour: "#6b46c1" }],
      points: withParticipation.map((y) => ({ series: "total", x: year(y), figure: y.participationBudget })),
    }),
  ];
}
