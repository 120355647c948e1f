// The map of the 35 labour-market regions (CBS/PDOK boundaries, bundled: no tiles, no network) coloured
// by an indicator, with its legend.
import { geoMercator, geoPath } from "d3-geo";
import { scaleQuantize } from "d3-scale";
import { schemeBlues, schemeGreens, schemePurples, schemeRdBu } from "d3-scale-chromatic";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import boundariesUrl from "../../datasets/labour-market-region-boundaries-2025.topojson?url";
import type { Figure, RegionFigures } from "./data.ts";
import { h, svg } from "./dom.ts";
import { rovingFocus } from "./focus.ts";
import { formatNumber, toNumber } from "./format.ts";
import { t } from "./i18n.ts";
import { formatIndicator, type Indicator } from "./indicators.ts";
import { attachSource, isSynthetic } from "./provenance.ts";

/** The classification the bundled boundaries draw. */
export const BOUNDARIES_YEAR = 2025;

export type RegionFeature = Feature<Polygon | MultiPolygon, { statcode: string; statnaam: string }>;

let boundaries: Promise<RegionFeature[]> | null = null;

/** The region boundaries, fetched once (a hashed file of the bundle, cached by the browser for good). */
export function loadBoundaries(): Promise<RegionFeature[]> {
  boundaries ??= fetch(boundariesUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`boundaries: HTTP ${response.status}`);
      return response.json() as Promise<Topology<{ arbeidsmarktregio_2025: GeometryCollection }>>;
    })
    .then((topology) => {
      const collection = feature(topology, topology.objects.arbeidsmarktregio_2025) as FeatureCollection<
        Polygon | MultiPolygon,
        { statcode: string; statnaam: string }
      >;
      return collection.features.sort((a, b) => a.properties.statcode.localeCompare(b.properties.statcode));
    });
  boundaries.catch(() => (boundaries = null));
  return boundaries;
}

export const NO_DATA_COLOUR = "#d9d9d9";

export interface ColourClass {
  colour: string;
  from: number;
  to: number;
}

export interface ColourScale {
  colour(value: number | null): string;
  classes: ColourClass[];
}

/**
 * Five (or, around zero, six) classes of equal width over the values' range, rounded to nice numbers.
 * Diverging scales are symmetric around zero, so zero is a class boundary: red below, blue above.
 */
export function colourScale(values: number[], scheme: Indicator["scheme"]): ColourScale {
  if (values.length === 0) return { colour: () => NO_DATA_COLOUR, classes: [] };
  let low = Math.min(...values);
  let high = Math.max(...values);
  const diverging = scheme === "diverging" || low < 0;
  if (diverging) {
    const m = Math.max(Math.abs(low), Math.abs(high)) || 1;
    [low, high] = [-m, m];
  } else if (low === high) {
    high = low + 1;
  }
  const colours = diverging
    ? schemeRdBu[6]!
    : scheme === "greens"
      ? schemeGreens[5]!
      : scheme === "purples"
        ? schemePurples[5]!
        : schemeBlues[5]!;
  const scale = scaleQuantize<string>().domain([low, high]).range(colours).nice(colours.length);
  const [from, to] = scale.domain() as [number, number];
  const edges = [from, ...scale.thresholds(), to];
  return {
    colour: (value) => (value === null ? NO_DATA_COLOUR : scale(value)),
    classes: colours.map((colour, i) => ({ colour, from: edges[i]!, to: edges[i + 1]! })),
  };
}

export function legend(indicator: Indicator, scale: ColourScale, withNoData: boolean): HTMLElement {
  const items = scale.classes.map((c) =>
    h(
      "li",
      { "data-colour": c.colour, "data-from": c.from, "data-to": c.to },
      h("span", { class: "swatch", style: `background:${c.colour}`, "aria-hidden": "true" }),
      `${formatNumber(c.from, indicator.kind)} – ${formatNumber(c.to, indicator.kind)}`,
    ),
  );
  if (withNoData || scale.classes.length === 0) {
    items.push(
      h(
        "li",
        { "data-colour": NO_DATA_COLOUR },
        h("span", { class: "swatch", style: `background:${NO_DATA_COLOUR}`, "aria-hidden": "true" }),
        t("noData"),
      ),
    );
  }
  return h(
    "div",
    { class: "legend", role: "group", "aria-labelledby": "legend-title" },
    h("p", { class: "legend-title", id: "legend-title" }, t(indicator.label)),
    h("ul", {}, items),
  );
}

const comparable = (name: string) =>
  name
    .normalize("NFD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

/**
 * The year's region drawn by each boundary: the one with the boundary's code, else (for a region whose
 * code changed, such as Food Valley, AM31 until 2024 and AM38 since) the one of the same name whose code
 * no boundary has.
 */
export function matchRegions(features: RegionFeature[], regions: Map<string, RegionFigures>) {
  const drawn = new Set(features.map((f) => f.properties.statcode));
  const unmatched = [...regions.values()].filter((r) => !drawn.has(r.code));
  return new Map(
    features.flatMap((f) => {
      const region =
        regions.get(f.properties.statcode) ??
        unmatched.find((r) => comparable(r.name) === comparable(f.properties.statnaam));
      return region ? [[f.properties.statcode, region] as const] : [];
    }),
  );
}

export interface MapOptions {
  features: RegionFeature[];
  regions: Map<string, RegionFigures>;
  indicator: Indicator;
  year: number;
  scale: ColourScale;
  open: (code: string) => void;
}

const WIDTH = 460;
const HEIGHT = 540;

export function regionMap(options: MapOptions): SVGSVGElement {
  const { indicator, year } = options;
  const collection: FeatureCollection = { type: "FeatureCollection", features: options.features };
  const path = geoPath(
    geoMercator().fitExtent(
      [
        [6, 6],
        [WIDTH - 6, HEIGHT - 6],
      ],
      collection,
    ),
  );
  const map = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: "map",
    role: "group",
    "aria-label": t("mapLabel", { indicator: t(indicator.label), year }),
  });
  const shapes: SVGPathElement[] = [];
  const regionOf = matchRegions(options.features, options.regions);
  for (const f of options.features) {
    const region = regionOf.get(f.properties.statcode);
    // the year's region code (Food Valley was AM31 until 2024, AM38 on the 2025 boundaries)
    const code = region?.code ?? f.properties.statcode;
    const figure: Figure = region ? indicator.value(region, year) : { value: null, source: null };
    const text = formatIndicator(indicator, figure);
    const name = region?.name ?? f.properties.statnaam;
    const shape = svg("path", {
      d: path(f) ?? "",
      class: "region",
      fill: options.scale.colour(toNumber(figure.value)),
      "data-code": code,
      "data-boundary": f.properties.statcode,
      role: "link",
      "aria-label": `${name} (${code}): ${text}${isSynthetic(figure) ? ` (${t("syntheticBadgeLong")})` : ""}`,
    });
    attachSource(shape, figure, `${name} (${code}) · ${t(indicator.label)} ${year}: ${text}`);
    shape.addEventListener("click", () => options.open(code));
    shapes.push(shape);
    map.append(shape);
  }
  rovingFocus(map, shapes, { onActivate: (shape) => options.open(shape.getAttribute("data-code")!) });
  return map;
}
