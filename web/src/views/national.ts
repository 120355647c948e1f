// National view: the map of the regions coloured by the chosen indicator, its legend and table, and the
// national job agreement against its targets.
import { chart, type Point } from "../charts.ts";
import type { RegionFigures, SectorResult } from "../data.ts";
import { h } from "../dom.ts";
import { toNumber } from "../format.ts";
import { t, type LabelKey } from "../i18n.ts";
import type { Indicator } from "../indicators.ts";
import { BOUNDARIES_YEAR, colourScale, legend, regionMap, type RegionFeature } from "../map.ts";
import { isSynthetic, syntheticBadge } from "../provenance.ts";
import { sortableTable } from "../table.ts";

export interface NationalData {
  year: number;
  indicator: Indicator;
  regions: RegionFigures[];
  features: RegionFeature[];
  jobAgreement: SectorResult[];
  regionHref: (code: string) => string;
  openRegion: (code: string) => void;
}

export function nationalView(data: NationalData): HTMLElement {
  const { indicator, year } = data;
  const figures = data.regions.map((r) => ({ region: r, figure: indicator.value(r, year) }));
  const values = figures.map((f) => toNumber(f.figure.value)).filter((v): v is number => v !== null);
  const scale = colourScale(values, indicator.scheme);
  const synthetic = figures.some((f) => isSynthetic(f.figure));

  const map = regionMap({
    features: data.features,
    regions: new Map(data.regions.map((r) => [r.code, r])),
    indicator,
    year,
    scale,
    open: data.openRegion,
  });
  const table = sortableTable({
    caption: `${t(indicator.label)}, ${year}`,
    rows: figures,
    rowLabel: (f) => `${f.region.name} (${f.region.code})`,
    columns: [
      { key: "name", label: t("region"), text: (f) => f.region.name, href: (f) => data.regionHref(f.region.code) },
      { key: "code", label: t("code"), text: (f) => f.region.code },
      { key: "value", label: t(indicator.label), kind: indicator.kind, figure: (f) => f.figure },
    ],
  });

  const mapFigure = h(
    "figure",
    { class: "map-figure" },
    h(
      "figcaption",
      {},
      h("span", { class: "chart-title" }, `${t(indicator.label)}, ${year}`),
      synthetic ? [" ", syntheticBadge()] : null,
    ),
    h("p", { class: "help", id: "map-help" }, t("mapHelp")),
    h("div", { class: "map-and-legend" }, map, legend(indicator, scale, values.length < figures.length)),
    h(
      "p",
      { class: "attribution" },
      t("attribution"),
      year < BOUNDARIES_YEAR ? [". ", t("boundariesYear", { year })] : null,
    ),
    h("details", {}, h("summary", {}, t("mapTable")), table.element),
  );
  map.setAttribute("aria-describedby", "map-help");

  return h(
    "section",
    { class: "national", "aria-labelledby": "view-title" },
    h("h2", { id: "view-title", tabindex: "-1" }, `${t("mapTitle")} · ${year}`),
    h("div", { class: "columns" }, mapFigure, jobAgreementChart(data.jobAgreement)),
  );
}

function jobAgreementChart(results: SectorResult[]): HTMLElement {
  const shown = results.filter((r) => r.target.value !== null || r.realised.value !== null);
  const years = new Set(shown.map((r) => r.year));
  const sectorLabel = (sector: string) => t(`sector${sector}` as LabelKey);
  const points: Point[] = results
    .filter((r) => years.has(r.year))
    .flatMap((r) => [
      { series: "realised", panel: sectorLabel(r.sector), x: String(r.year), figure: r.realised },
      { series: "target", panel: sectorLabel(r.sector), x: String(r.year), figure: r.target },
    ]);
  return chart({
    title: t("nationalChartTitle"),
    help: t("nationalChartHelp"),
    kind: "count",
    xLabel: t("year"),
    panels: ["MARKET", "GOVERNMENT", "TOTAL"].map(sectorLabel),
    series: [
      { key: "realised", label: t("realised"), mark: "bar", colour: "#2b6cb0" },
      { key: "target", label: t("target"), mark: "tick", colour: "#111111" },
    ],
    points,
  });
}
