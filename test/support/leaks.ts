/**
 * What must never be in a response: internal addresses and ports, the gateway's subgraph queries,
 * driver and ORM messages, stack traces.
 */
const LEAKS: [string, RegExp][] = [
  ["address", /\b127\.\d+\.\d+\.\d+\b|\blocalhost\b|\[::1\]|\b0\.0\.0\.0\b|\bport \d+/i],
  ["subgraph query", /_entities|representations/],
  [
    "driver message",
    /ECONN\w+|prisma|postgres|pglite|SQLSTATE|Query read timeout|timeout exceeded|Connection terminated/i,
  ],
  ["stack trace", /\bat [\w.<>]+ \(|node:internal|\.ts:\d+:\d+/],
];

/** The kinds of internal detail found in a response body (empty when there is none). */
export function leaksIn(text: string): string[] {
  return LEAKS.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
}
