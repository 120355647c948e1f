// A sortable table whose numbers carry their sources: one tab stop, arrow keys between cells, the source
// of the focused or hovered cell in the tooltip. Each cell keeps the API's exact value in data-value.
import type { Figure } from "./data.ts";
import { h } from "./dom.ts";
import { rovingFocus } from "./focus.ts";
import { formatNumber, toNumber, type NumberKind } from "./format.ts";
import { t } from "./i18n.ts";
import { attachSource, figureText } from "./provenance.ts";

export interface Column<Row> {
  key: string;
  label: string;
  /** a number with its source */
  figure?: (row: Row) => Figure;
  kind?: NumberKind;
  /** plain text (a name, a code) */
  text?: (row: Row) => string;
  /** where a text cell's statement comes from (e.g. a municipality's membership of a region) */
  textSource?: (row: Row) => Figure;
  /** shown after a text cell's text, e.g. a badge */
  marker?: (row: Row) => Node | null;
  /** the text cell links here */
  href?: (row: Row) => string;
}

export interface TableOptions<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  /** what a row is called in a cell's tooltip, e.g. the municipality's name */
  rowLabel: (row: Row) => string;
  sort?: { key: string; descending: boolean };
  className?: string;
}

export interface SortableTable<Row> {
  element: HTMLElement;
  /** the rows in the order shown */
  rows(): Row[];
}

/** The raw value of a cell: the API's exact string for a number, the text otherwise. */
export const rawValue = <Row>(column: Column<Row>, row: Row): string =>
  column.figure ? (column.figure(row).value ?? "") : (column.text?.(row) ?? "");

function compare<Row>(column: Column<Row>, a: Row, b: Row): number {
  if (column.figure) {
    const x = toNumber(column.figure(a).value);
    const y = toNumber(column.figure(b).value);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return x - y;
  }
  return (column.text?.(a) ?? "").localeCompare(column.text?.(b) ?? "", "nl");
}

export function sortableTable<Row>(options: TableOptions<Row>): SortableTable<Row> {
  const { columns } = options;
  let sort = options.sort ?? { key: columns[0]!.key, descending: false };
  let ordered: Row[] = [];
  const table = h("table", { class: options.className ?? "data-table" });
  let tbody = h("tbody");
  const headers = columns.map((column) => {
    const button = h("button", { type: "button", class: "sort", "aria-label": t("sortBy", { column: column.label }) });
    button.append(column.label, h("span", { class: "sort-mark", "aria-hidden": "true" }));
    button.addEventListener("click", () => {
      sort = { key: column.key, descending: sort.key === column.key ? !sort.descending : !!column.figure };
      render();
    });
    return h("th", { scope: "col", class: column.figure ? "num" : null, "data-column": column.key }, button);
  });
  table.append(h("caption", {}, options.caption), h("thead", {}, h("tr", {}, headers)), tbody);

  function render() {
    const column = columns.find((c) => c.key === sort.key) ?? columns[0]!;
    ordered = [...options.rows].sort((a, b) => {
      const order = compare(column, a, b);
      // rows without a figure stay last either way
      const missing = column.figure && (column.figure(a).value === null || column.figure(b).value === null);
      return sort.descending && !missing ? -order : order;
    });
    headers.forEach((th, i) => {
      const active = columns[i]!.key === sort.key;
      if (active) th.setAttribute("aria-sort", sort.descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
      th.querySelector(".sort-mark")!.textContent = active ? (sort.descending ? " ▼" : " ▲") : "";
    });
    const cells: HTMLElement[] = [];
    // a new body each time: its keyboard handling belongs to these cells only
    const fresh = h("tbody");
    tbody.replaceWith(fresh);
    tbody = fresh;
    tbody.append(
      ...ordered.map((row) =>
        h(
          "tr",
          {},
          columns.map((column, i) => {
            const cell = h(i === 0 ? "th" : "td", {
              ...(i === 0 ? { scope: "row" } : {}),
              class: column.figure ? "num" : null,
              "data-column": column.key,
              "data-value": rawValue(column, row),
            });
            if (column.figure) {
              const figure = column.figure(row);
              const text = formatNumber(figure.value, column.kind ?? "count");
              cell.append(...figureText(text, figure));
              attachSource(cell, figure, `${options.rowLabel(row)} · ${column.label}: ${text}`);
            } else if (column.href) {
              // the link is reached through the cell (Enter), so it takes no tab stop of its own
              cell.append(h("a", { href: column.href(row), tabindex: "-1" }, column.text?.(row) ?? ""));
            } else {
              cell.append(column.text?.(row) ?? "");
            }
            const marker = column.marker?.(row);
            if (marker) cell.append(" ", marker);
            if (column.textSource) {
              attachSource(cell, column.textSource(row), `${options.rowLabel(row)} · ${column.label}`);
            }
            cells.push(cell);
            return cell;
          }),
        ),
      ),
    );
    rovingFocus(tbody, cells, {
      columns: columns.length,
      onActivate: (cell) => cell.querySelector("a")?.click(),
    });
  }
  render();
  return { element: h("div", { class: "table-wrap" }, table), rows: () => ordered };
}
