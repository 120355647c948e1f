// The benchmark's pure parts: argument variation, Zipf selection, the summary lines, /proc parsing and
// the Grafbase configuration. The benchmark itself (`npm run bench`) is timing and stays out of the tests.
import { describe, expect, it } from "vitest";
import { grafbaseToml } from "../../scripts/bench/grafbase.ts";
import type { PeerConfig } from "../../scripts/bench/peer-config.ts";
import { parseCpuTicks, parseStatusKb } from "../../scripts/bench/proc.ts";
import { firstDifference, percentile, ratio, summaryLines, tableRow, type Row } from "../../scripts/bench/report.ts";
import {
  ONE_SUBGRAPH,
  WORKLOADS,
  argumentPicker,
  requestSource,
  seededRandom,
  shuffled,
  weighted,
  yearRanges,
  zipf,
  type Keys,
} from "../../scripts/bench/workload.ts";

const KEYS: Keys = {
  municipalities: Array.from({ length: 342 }, (_, i) => `GM${String(i + 100).padStart(4, "0")}`),
  regions: Array.from({ length: 35 }, (_, i) => `AM${String(i + 1).padStart(2, "0")}`),
  budgetYears: Array.from({ length: 10 }, (_, i) => 2015 + i),
  jobAgreementYears: [2012, 2016, 2020, 2021],
  seriesYears: Array.from({ length: 10 }, (_, i) => 2015 + i),
};

function counts<T>(items: T[]): Map<T, number> {
  const result = new Map<T, number>();
  for (const item of items) result.set(item, (result.get(item) ?? 0) + 1);
  return result;
}

const draw = (source: () => string, n: number) =>
  Array.from({ length: n }, () => JSON.parse(source()) as { query: string; variables: Record<string, unknown> });

describe("random draws", () => {
  it("repeat for a seed, differ between seeds, and stay in [0, 1)", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(first.reduce((s, x) => s + x, 0) / first.length).toBeCloseTo(0.5, 1);
  });

  it("choose by weight", () => {
    const random = seededRandom(1);
    const pick = weighted([4, 3, 1, 2, 1]);
    const seen = counts(Array.from({ length: 110_000 }, () => pick(random)));
    for (const [index, weight] of [4, 3, 1, 2, 1].entries()) {
      expect(seen.get(index)! / 110_000).toBeCloseTo(weight / 11, 2);
    }
    expect(() => weighted([])).toThrow();
    expect(() => weighted([0, 0])).toThrow();
  });

  it("follow Zipf's law: rank k about 1/(k+1) of rank 0, the first about 1/H(n)", () => {
    const random = seededRandom(2);
    const rank = zipf(30);
    const n = 200_000;
    const seen = counts(Array.from({ length: n }, () => rank(random)));
    expect([...seen.keys()].every((k) => Number.isInteger(k) && k >= 0 && k < 30)).toBe(true);
    const harmonic = Array.from({ length: 30 }, (_, k) => 1 / (k + 1)).reduce((s, x) => s + x, 0);
    expect(seen.get(0)! / n).toBeCloseTo(1 / harmonic, 2);
    expect(seen.get(1)! / seen.get(0)!).toBeCloseTo(1 / 2, 1);
    expect(seen.get(9)! / seen.get(0)!).toBeCloseTo(1 / 10, 1);
    expect(zipf(1)(random)).toBe(0);
    expect(() => zipf(0)).toThrow();
  });

  it("shuffle into a permutation", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const result = shuffled(items, seededRandom(3));
    expect(result).not.toEqual(items);
    expect([...result].sort((a, b) => a - b)).toEqual(items);
  });
});

describe("workloads", () => {
  it("keep the earlier mix and weights, and vary over every argument found", () => {
    expect(WORKLOADS.map((w) => [w.name, w.weight])).toEqual([
      ["single municipality", 4],
      ["region page with members", 3],
      ["all municipalities with BUIG result", 1],
      ["national job-agreement table", 2],
      ["region × year job figures", 1],
    ]);
    expect(WORKLOADS.map((w) => w.arguments(KEYS).length)).toEqual([342, 35, 10, 4, 55]);
    expect(ONE_SUBGRAPH.arguments(KEYS)).toHaveLength(342);
  });

  it("send each query with the probe's arguments among those varied over", () => {
    for (const workload of [...WORKLOADS, ONE_SUBGRAPH]) {
      expect(workload.arguments(KEYS)).toContainEqual(workload.probe);
      for (const name of Object.keys(workload.probe)) expect(workload.query).toContain(`$${name}`);
    }
  });

  it("count year ranges with from ≤ to", () => {
    expect(yearRanges([2017, 2015, 2016, 2015])).toEqual([
      { from: 2015, to: 2015 },
      { from: 2015, to: 2016 },
      { from: 2015, to: 2017 },
      { from: 2016, to: 2016 },
      { from: 2016, to: 2017 },
      { from: 2017, to: 2017 },
    ]);
  });
});

describe("request bodies", () => {
  it("cold: the mix in its proportions, arguments spread over all municipalities and regions", () => {
    const bodies = draw(requestSource(WORKLOADS, KEYS, { scenario: "cold", seed: 1 }), 22_000);
    const byQuery = counts(bodies.map((b) => b.query));
    for (const workload of WORKLOADS)
      expect(byQuery.get(workload.query)! / 22_000).toBeCloseTo(workload.weight / 11, 1);
    const codes = counts(bodies.filter((b) => b.query === WORKLOADS[0]!.query).map((b) => b.variables.code));
    expect(codes.size).toBeGreaterThan(335);
    // uniform: no municipality is asked much more often than the average
    expect(Math.max(...codes.values())).toBeLessThan((8000 / 342) * 2.5);
    const regions = counts(bodies.filter((b) => b.query === WORKLOADS[1]!.query).map((b) => b.variables.code));
    expect(regions.size).toBe(35);
    const ranges = bodies.filter((b) => b.query === WORKLOADS[4]!.query).map((b) => b.variables);
    expect(ranges.every((r) => (r.from as number) <= (r.to as number))).toBe(true);
    expect(new Set(ranges.map((r) => `${r.from}-${r.to}`)).size).toBe(55);
  });

  it("portal: a few popular arguments per query, the most popular asked far more than the average", () => {
    const bodies = draw(requestSource(WORKLOADS, KEYS, { scenario: "portal", seed: 1, popular: 30 }), 22_000);
    const municipal = bodies.filter((b) => b.query === WORKLOADS[0]!.query).map((b) => b.variables.code);
    const codes = counts(municipal);
    expect(codes.size).toBe(30);
    expect(Math.max(...codes.values()) / municipal.length).toBeGreaterThan(0.2);
    expect(counts(bodies.filter((b) => b.query === WORKLOADS[3]!.query).map((b) => b.variables.year)).size).toBe(4);
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBeLessThanOrEqual(30 + 30 + 10 + 4 + 30);
  });

  it("are the same sequence for the same seed (every peer is sent the same requests)", () => {
    for (const scenario of ["cold", "portal"] as const) {
      const a = requestSource(WORKLOADS, KEYS, { scenario, seed: 9 });
      const b = requestSource(WORKLOADS, KEYS, { scenario, seed: 9 });
      const c = requestSource(WORKLOADS, KEYS, { scenario, seed: 10 });
      const first = Array.from({ length: 200 }, () => a());
      expect(Array.from({ length: 200 }, () => b())).toEqual(first);
      expect(Array.from({ length: 200 }, () => c())).not.toEqual(first);
    }
  });

  it("refuse an empty argument space", () => {
    expect(() => argumentPicker([], { scenario: "cold", seed: 1 }, seededRandom(1))).toThrow(/no arguments/);
  });
});

describe("report", () => {
  const row = (peer: string, rps: number, cpu: number | null, sql = 1.5): Row => ({
    peer,
    rps,
    p50: 10,
    p99: 40,
    cpuMsPerRequest: cpu,
    peakRssMb: 200,
    sqlPerRequest: sql,
    subgraphRequestsPerRequest: 1.4,
    errors: 0,
    requests: rps * 10,
  });

  it("ends with the two summary lines of the issue", () => {
    const lines = summaryLines({
      cold: {
        ours: row("ours", 246.4, 1.2, 0.75),
        "apollo-gateway": row("apollo-gateway", 100, 2.4),
        grafbase: row("grafbase", 300, 0.3),
      },
      portal: {
        ours: row("ours", 1500, 0.4),
        "apollo-gateway": row("apollo-gateway", 120, 2),
        grafbase: row("grafbase", 1000, 0.2),
      },
      overhead: 0.2849,
    });
    expect(lines).toEqual([
      "bench: cold mix 246 rps, 2.46x apollo-gateway, 0.82x grafbase, cpu 0.50x apollo-gateway, overhead 28%, sql 0.75/req",
      "bench: portal mix 1500 rps, 12.50x apollo-gateway, 1.50x grafbase",
    ]);
  });

  it("says n/a for a peer that did not run", () => {
    const lines = summaryLines({ cold: { ours: row("ours", 50, null) }, portal: {}, overhead: null });
    expect(lines).toEqual([
      "bench: cold mix 50 rps, n/a apollo-gateway, n/a grafbase, cpu n/a apollo-gateway, overhead n/a, sql 1.50/req",
      "bench: portal mix – rps, n/a apollo-gateway, n/a grafbase",
    ]);
    expect(ratio(1, 0)).toBe("n/a");
    expect(ratio(3, 2)).toBe("1.50x");
  });

  it("prints a table row with its note", () => {
    const line = tableRow({ ...row("grafbase", 123.4, 0.456), note: "ANSWERS DIFFER" });
    expect(line).toMatch(/^grafbase\s+123\s+10\.0\s+40\.0\s+0\.46\s+200\s+1\.50\s+1\.40\s+0 {2}ANSWERS DIFFER$/);
  });

  it("takes percentiles by nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([3.25], 50)).toBe(3.25);
    expect(percentile([], 50)).toBeNaN();
  });

  it("finds where two answers differ, ignoring key order", () => {
    const a = { data: { region: { name: "Groningen", members: [{ code: "GM0014", population: 1 }] } } };
    expect(
      firstDifference(a, { data: { region: { members: [{ population: 1, code: "GM0014" }], name: "Groningen" } } }),
    ).toBeNull();
    expect(
      firstDifference(a, { data: { region: { name: "Groningen", members: [{ code: "GM0014", population: 2 }] } } }),
    ).toBe("$.data.region.members[0].population: 1 ≠ 2");
    expect(firstDifference(a, { data: { region: { name: "Groningen", members: [] } } })).toBe(
      "$.data.region.members: 1 items ≠ 0 items",
    );
    expect(firstDifference({ data: null, errors: [1] }, { data: null })).toBe("$.errors: [1] ≠ missing");
  });
});

describe("/proc", () => {
  it("reads utime + stime, even when the command name holds spaces and parentheses", () => {
    const stat = "4242 (node (bench) x) S 1 4242 4242 0 -1 4194560 5000 0 0 0 1234 567 0 0 20 0 11 0 100 1000000 20000";
    expect(parseCpuTicks(stat)).toBe(1234 + 567);
    expect(() => parseCpuTicks("1 (x) S")).toThrow();
  });

  it("reads VmHWM and VmRSS in kB", () => {
    const status = "Name:\tnode\nVmPeak:\t 1000 kB\nVmHWM:\t  345678 kB\nVmRSS:\t  300000 kB\n";
    expect(parseStatusKb(status, "VmHWM")).toBe(345_678);
    expect(parseStatusKb(status, "VmRSS")).toBe(300_000);
    expect(parseStatusKb("Name:\tx\n", "VmHWM")).toBeNull();
  });
});

describe("grafbase.toml", () => {
  const config: PeerConfig = {
    scenario: "cold",
    subgraphs: { reference: "http://127.0.0.1:4001/graphql", uwv: "http://127.0.0.1:4003/graphql" },
    supergraph: "/x/schema/supergraph.graphql",
    redisUrl: "redis://127.0.0.1:6379",
    namespace: "bench-1",
    cacheTtlSeconds: 120,
  };
  const schema = (name: string) => `/x/schema/${name}.graphql`;

  it("cold: one section per subgraph, in-flight de-duplication off, no entity cache", () => {
    const toml = grafbaseToml(config, schema);
    expect(toml).toContain(
      '[subgraphs.reference]\nurl = "http://127.0.0.1:4001/graphql"\nschema_path = "/x/schema/reference.graphql"',
    );
    expect(toml).toContain(
      '[subgraphs.uwv]\nurl = "http://127.0.0.1:4003/graphql"\nschema_path = "/x/schema/uwv.graphql"',
    );
    expect(toml).toContain("[traffic_shaping]\ninflight_deduplication = false");
    expect(toml).not.toContain("entity_caching");
  });

  it("portal: entity caching in Redis, or in memory without it", () => {
    const redis = grafbaseToml({ ...config, scenario: "portal" }, schema);
    expect(redis).toContain('[entity_caching]\nenabled = true\nttl = "120s"\nstorage = "redis"');
    expect(redis).toContain('[entity_caching.redis]\nurl = "redis://127.0.0.1:6379"\nkey_prefix = "bench-1"');
    expect(redis).not.toContain("traffic_shaping");
    const memory = grafbaseToml({ ...config, scenario: "portal", redisUrl: null }, schema);
    expect(memory).toContain('storage = "memory"');
    expect(memory).not.toContain("[entity_caching.redis]");
  });
});
