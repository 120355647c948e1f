// npm run licences: the licences of the production dependency tree (what `npm start` loads, as
// `npm ls --omit=dev` sees it), and the packages whose licence is not open source: source-available
// (Elastic, SSPL, BUSL), strong copyleft (GPL, AGPL), non-commercial, or none that can be read.
// Exits 1 when there is one; test/licences.test.ts runs the same check in `npm test`.
import { execFileSync } from "node:child_process";
import path from "node:path";
import parseSpdx from "spdx-expression-parse";

export interface InstalledPackage {
  name: string;
  version: string;
  /** the SPDX expression of its package.json, or what it says instead */
  license: string;
}

/** SPDX identifiers (prefixes) of licences a production dependency may not have. */
const FORBIDDEN = [
  /^Elastic-/i,
  /^SSPL-/i,
  /^BUSL-/i,
  /^GPL-/i,
  /^AGPL-/i,
  /-NC(-|$)/i, // Creative Commons non-commercial
  /^PolyForm-Noncommercial/i,
  /^CC-BY-NC/i,
];

/** Why a licence expression is not acceptable, or null when it is (one acceptable choice of an OR suffices). */
export function licenceProblem(expression: string): string | null {
  let info: parseSpdx.Info;
  try {
    info = parseSpdx(expression);
  } catch {
    return `not an SPDX licence expression: ${JSON.stringify(expression)}`;
  }
  const check = (node: parseSpdx.Info): string | null => {
    if ("conjunction" in node) {
      const left = check(node.left);
      const right = check(node.right);
      if (node.conjunction === "or") return left && right ? `${left}; ${right}` : null;
      return left ?? right;
    }
    return FORBIDDEN.some((pattern) => pattern.test(node.license))
      ? `${node.license} is not an open-source licence`
      : null;
  };
  return check(info);
}

interface NpmLsNode {
  version?: string;
  missing?: boolean;
  license?: unknown;
  licenses?: unknown;
  dependencies?: Record<string, NpmLsNode>;
}

/** The licence field of a package.json as one expression: the SPDX string, or the legacy object/array forms. */
function licenceOf(node: NpmLsNode): string {
  const field = node.license ?? node.licenses;
  const types = (Array.isArray(field) ? field : [field]).map((entry) =>
    typeof entry === "string" ? entry : ((entry as { type?: unknown } | null)?.type ?? ""),
  );
  const named = types.filter((type): type is string => typeof type === "string" && type !== "");
  if (named.length === 0) return "(none)";
  return named.length === 1 ? named[0]! : `(${named.join(" OR ")})`;
}

/** Every package of the production tree once (name@version), with its licence. */
export function productionPackages(root = path.resolve(import.meta.dirname, "..")): InstalledPackage[] {
  const json = execFileSync("npm", ["ls", "--omit=dev", "--all", "--json", "--long"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "ignore"],
  });
  const tree = JSON.parse(json) as NpmLsNode;
  const found = new Map<string, InstalledPackage>();
  const walk = (node: NpmLsNode) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      // an optional peer nobody installed is listed without a version: nothing of it is loaded
      if (child.missing || !child.version) continue;
      const id = `${name}@${child.version}`;
      if (found.has(id)) continue;
      found.set(id, { name, version: child.version, license: licenceOf(child) });
      walk(child);
    }
  };
  walk(tree);
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

if (import.meta.filename === path.resolve(process.argv[1] ?? "")) {
  const packages = productionPackages();
  const byLicence = new Map<string, number>();
  for (const pkg of packages) byLicence.set(pkg.license, (byLicence.get(pkg.license) ?? 0) + 1);
  console.log(`${packages.length} packages in the production dependency tree:`);
  for (const [licence, count] of [...byLicence].sort((a, b) => b[1] - a[1])) console.log(`  ${count}\t${licence}`);
  const problems = packages.flatMap((pkg) => {
    const problem = licenceProblem(pkg.license);
    return problem ? [`${pkg.name}@${pkg.version}: ${problem}`] : [];
  });
  for (const problem of problems) console.error(`not allowed: ${problem}`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
