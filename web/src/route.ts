// The page's address: #/?year=2024&indicator=extraJobs for the national view, #/region/AM01?year=2017 for
// a region. A hash, so any static server (and a bookmark, and the back button) works without rewrites.
import { isIndicator, type IndicatorId } from "./indicators.ts";

export interface Route {
  view: "national" | "region";
  /** region code, for the region view */
  code?: string;
  /** null: the latest year with figures */
  year: number | null;
  indicator: IndicatorId;
}

export function parseRoute(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#/, "").split("?");
  const params = new URLSearchParams(query);
  const year = Number(params.get("year"));
  const indicator = params.get("indicator");
  const base = {
    year: Number.isInteger(year) && year > 0 ? year : null,
    indicator: isIndicator(indicator) ? indicator : ("extraJobs" as const),
  };
  const region = /^\/region\/([A-Za-z0-9]+)\/?$/.exec(path);
  return region ? { view: "region", code: region[1]!.toUpperCase(), ...base } : { view: "national", ...base };
}

export function routeHash(route: Route): string {
  const params = new URLSearchParams();
  if (route.year !== null) params.set("year", String(route.year));
  if (route.indicator !== "extraJobs") params.set("indicator", route.indicator);
  const query = params.toString() ? `?${params}` : "";
  return route.view === "region" ? `#/region/${route.code}${query}` : `#/${query}`;
}
