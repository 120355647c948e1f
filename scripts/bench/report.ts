// How the bench prints its figures. Pure, so the tests can pin the summary lines.

export const PEERS = ["ours", "apollo-gateway", "hive-gateway", "grafbase"] as const;
export type PeerName = (typeof PEERS)[number];

/** One measured run of one peer in one scenario. */
export interface Row {
  peer: string;
  rps: number;
  p50: number;
  p99: number;
  /** gateway process CPU time per completed request */
  cpuMsPerRequest: number | null;
  /** the gateway process's peak resident memory (VmHWM) */
  peakRssMb: number | null;
  /** SQL statements the subgraphs sent per completed request */
  sqlPerRequest: number;
  /** requests the subgraphs received per completed request */
  subgraphRequestsPerRequest: number;
  /** non-2xx answers, answers with GraphQL errors, and failed requests */
  errors: number;
  requests: number;
  note?: string;
}

const fixed = (n: number | null | undefined, digits: number) =>
  n === null || n === undefined || !Number.isFinite(n) ? "–" : n.toFixed(digits);

const COLUMNS: { title: string; width: number; cell: (row: Row) => string }[] = [
  { title: "peer", width: 16, cell: (r) => r.peer },
  { title: "req/s", width: 8, cell: (r) => fixed(r.rps, 0) },
  { title: "p50 ms", width: 8, cell: (r) => fixed(r.p50, 1) },
  { title: "p99 ms", width: 8, cell: (r) => fixed(r.p99, 1) },
  { title: "cpu ms/req", width: 11, cell: (r) => fixed(r.cpuMsPerRequest, 2) },
  { title: "peak RSS MB", width: 12, cell: (r) => fixed(r.peakRssMb, 0) },
  { title: "sql/req", width: 8, cell: (r) => fixed(r.sqlPerRequest, 2) },
  { title: "subgraph req/req", width: 17, cell: (r) => fixed(r.subgraphRequestsPerRequest, 2) },
  { title: "errors", width: 7, cell: (r) => String(r.errors) },
];

export function tableHeader(): string {
  return COLUMNS.map((c, i) => (i === 0 ? c.title.padEnd(c.width) : c.title.padStart(c.width))).join(" ");
}

export function tableRow(row: Row): string {
  const cells = COLUMNS.map((c, i) => (i === 0 ? c.cell(row).padEnd(c.width) : c.cell(row).padStart(c.width)));
  return cells.join(" ") + (row.note ? `  ${row.note}` : "");
}

/** The p-th percentile (nearest rank) of ascending values; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** ours ÷ peer as "<x>x" with two decimals; "n/a" when either is missing. */
export function ratio(ours: number | null | undefined, peer: number | null | undefined): string {
  if (ours === null || ours === undefined || peer === null || peer === undefined) return "n/a";
  if (!Number.isFinite(ours) || !Number.isFinite(peer) || peer === 0) return "n/a";
  return `${(ours / peer).toFixed(2)}x`;
}

export interface Summary {
  cold: Partial<Record<PeerName, Row>>;
  portal: Partial<Record<PeerName, Row>>;
  /** (p50 through our gateway − p50 direct) ÷ p50 direct, on the one-subgraph query */
  overhead: number | null;
}

/** The two closing lines, the figures the goals are stated in. */
export function summaryLines(summary: Summary): [string, string] {
  const { cold, portal } = summary;
  const ours = cold.ours;
  const overhead = summary.overhead === null ? "n/a" : `${(summary.overhead * 100).toFixed(0)}%`;
  return [
    `bench: cold mix ${fixed(ours?.rps, 0)} rps, ${ratio(ours?.rps, cold["apollo-gateway"]?.rps)} apollo-gateway, ` +
      `${ratio(ours?.rps, cold.grafbase?.rps)} grafbase, ` +
      `cpu ${ratio(ours?.cpuMsPerRequest, cold["apollo-gateway"]?.cpuMsPerRequest)} apollo-gateway, ` +
      `overhead ${overhead}, sql ${fixed(ours?.sqlPerRequest, 2)}/req`,
    `bench: portal mix ${fixed(portal.ours?.rps, 0)} rps, ${ratio(portal.ours?.rps, portal["apollo-gateway"]?.rps)} apollo-gateway, ` +
      `${ratio(portal.ours?.rps, portal.grafbase?.rps)} grafbase`,
  ];
}

/** Where two JSON values first differ (object keys in any order), or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = "$"): string | null {
  if (Object.is(a, b)) return null;
  const describe = (v: unknown) => {
    const text = JSON.stringify(v) ?? String(v);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  };
  if (
    typeof a !== "object" ||
    typeof b !== "object" ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return `${path}: ${describe(a)} ≠ ${describe(b)}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items ≠ ${b.length} items`;
    for (let i = 0; i < a.length; i++) {
      const difference = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (difference) return difference;
    }
    return null;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    if (!(key in left)) return `${path}.${key}: missing ≠ ${describe(right[key])}`;
    if (!(key in right)) return `${path}.${key}: ${describe(left[key])} ≠ missing`;
    const difference = firstDifference(left[key], right[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return null;
}
