// Charts drawn with Observable Plot. Every bar, tick and point is registered with its figure's source and
// reachable by keyboard (one tab stop per chart, arrow keys between marks), and each chart has a table.
import * as Plot from "@observablehq/plot";
import type { Figure } from "./data.ts";
import { h } from "./dom.ts";
import { rovingFocus } from "./focus.ts";
import { formatNumber, toNumber, type NumberKind } from "./format.ts";
import { t } from "./i18n.ts";
import { attachSource, isSynthetic, syntheticBadge } from "./provenance.ts";
import { sortableTable } from "./table.ts";

export interface Series {
  key: string;
  label: string;
  mark: "bar" | "line" | "tick";
  colour: string;
}

export interface Point {
  series: string;
  /** the category on the x axis (a year, a sector) */
  x: string;
  /** a panel of its own for each value (small multiples), e.g. the year */
  panel?: string;
  figure: Figure;
}

export interface ChartOptions {
  title: string;
  help?: string;
  series: Series[];
  points: Point[];
  kind: NumberKind;
  /** the panels' order (default: as Plot sorts them) */
  panels?: string[];
  /** the plotted value is the figure ÷ divisor (e.g. euros shown in millions); tooltips keep the figure */
  divisor?: number;
  xLabel: string;
}

interface Row extends Point {
  y: number | null;
  text: string;
}

export function chart(options: ChartOptions): HTMLElement {
  const divisor = options.divisor ?? 1;
  const rows: Row[] = options.points.map((p) => {
    const value = toNumber(p.figure.value);
    return { ...p, y: value === null ? null : value / divisor, text: formatNumber(p.figure.value, options.kind) };
  });
  const panelled = rows.some((r) => r.panel !== undefined);
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: "#555" })];
  for (const series of options.series) {
    const data = rows.filter((r) => r.series === series.key && r.y !== null);
    const common = { x: "x", y: "y", ...(panelled ? { fx: "panel" } : {}), className: `mark-${series.key}` };
    if (series.mark === "bar") marks.push(Plot.barY(data, { ...common, fill: series.colour }));
    if (series.mark === "tick") marks.push(Plot.tickY(data, { ...common, stroke: series.colour, strokeWidth: 3 }));
    if (series.mark === "line") {
      marks.push(Plot.lineY(data, { x: "x", y: "y", stroke: series.colour, strokeWidth: 2 }));
      marks.push(Plot.dot(data, { ...common, fill: series.colour, r: 4 }));
    }
  }
  const plot = Plot.plot({
    width: 520,
    height: 240,
    marginLeft: 56,
    style: { fontSize: "12px", color: "#222", background: "transparent" },
    x: { label: panelled ? null : options.xLabel, type: "band", padding: 0.25 },
    ...(panelled ? { fx: { label: null, ...(options.panels ? { domain: options.panels } : {}) } } : {}),
    y: { grid: true, label: null, tickFormat: (d: number) => formatNumber(d, options.divisor ? "decimal1" : "count") },
    marks,
    ariaLabel: options.title,
    ariaDescription: options.help ?? options.title,
  });

  // the marks Plot drew, each bound to the index of its row: register their sources, give them names
  const focusable: { element: Element; row: Row }[] = [];
  for (const series of options.series) {
    const data = rows.filter((r) => r.series === series.key && r.y !== null);
    for (const element of plot.querySelectorAll(`g.mark-${series.key} :is(rect, line, circle)`)) {
      const index = (element as Element & { __data__?: number }).__data__;
      const row = typeof index === "number" ? data[index] : undefined;
      if (!row) continue;
      const label = `${row.panel ? `${row.panel} · ` : ""}${row.x} · ${series.label}: ${row.text}`;
      element.setAttribute("role", "img");
      element.setAttribute("aria-label", label + (isSynthetic(row.figure) ? ` (${t("syntheticBadgeLong")})` : ""));
      attachSource(element, row.figure, label);
      focusable.push({ element, row });
    }
  }
  const order = (r: Row) => `${r.panel ?? ""}|${r.x}|${options.series.findIndex((s) => s.key === r.series)}`;
  focusable.sort((a, b) => order(a.row).localeCompare(order(b.row)));
  rovingFocus(
    plot,
    focusable.map((f) => f.element),
  );

  const anySynthetic = rows.some((r) => isSynthetic(r.figure));
  const key = h(
    "ul",
    { class: "series-key" },
    options.series.map((s) =>
      h(
        "li",
        {},
        h("span", { class: `swatch swatch-${s.mark}`, style: `background:${s.colour}`, "aria-hidden": "true" }),
        s.label,
      ),
    ),
  );
  return h(
    "figure",
    { class: "chart" },
    h(
      "figcaption",
      {},
      h("span", { class: "chart-title" }, options.title),
      anySynthetic ? [" ", syntheticBadge()] : null,
    ),
    options.help ? h("p", { class: "help" }, options.help) : null,
    plot,
    key,
    h("details", {}, h("summary", {}, t("chartAsTable")), chartTable(options, rows)),
  );
}

/** The chart's figures as a table: one row per category, one column per series. */
function chartTable(options: ChartOptions, rows: Row[]): HTMLElement {
  const categories = [...new Map(rows.map((r) => [`${r.panel ?? ""}|${r.x}`, r])).values()];
  const find = (category: Row, series: string) =>
    rows.find((r) => r.series === series && r.x === category.x && r.panel === category.panel)?.figure ?? {
      value: null,
      source: null,
    };
  const label = (category: Row) => (category.panel ? `${category.panel} · ${category.x}` : category.x);
  return sortableTable({
    caption: options.title,
    className: "data-table compact",
    rows: categories,
    rowLabel: label,
    columns: [
      { key: "category", label: options.xLabel, text: label },
      ...options.series.map((s) => ({
        key: s.key,
        label: s.label,
        kind: options.kind,
        figure: (category: Row) => find(category, s.key),
      })),
    ],
  }).element;
}
