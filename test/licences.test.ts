import { describe, expect, it } from "vitest";
import { licenceProblem, productionPackages } from "../scripts/licences.ts";

describe("licences of the production dependency tree", () => {
  it("are all open source: no Elastic, SSPL, BUSL, GPL/AGPL, non-commercial or unreadable licence", () => {
    const packages = productionPackages();
    expect(packages.length).toBeGreaterThan(50);
    const problems = packages.flatMap((pkg) => {
      const problem = licenceProblem(pkg.license);
      return problem ? [`${pkg.name}@${pkg.version}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it("hold none of Apollo's source-available federation packages (the benchmark and composition hints use them in development)", () => {
    const names = new Set(productionPackages().map((pkg) => pkg.name));
    for (const name of [
      "@apollo/federation-internals",
      "@apollo/query-planner",
      "@apollo/query-graphs",
      "@apollo/composition",
      "@apollo/gateway",
      "@apollo/subgraph",
    ]) {
      expect(names.has(name), name).toBe(false);
    }
  });

  it("judges SPDX expressions: one open choice of an OR suffices, every part of an AND must be open", () => {
    expect(licenceProblem("MIT")).toBeNull();
    expect(licenceProblem("(MIT AND BSD-3-Clause)")).toBeNull();
    expect(licenceProblem("(GPL-3.0-only OR MIT)")).toBeNull();
    expect(licenceProblem("Elastic-2.0")).toMatch(/Elastic-2.0 is not an open-source licence/);
    expect(licenceProblem("SSPL-1.0")).not.toBeNull();
    expect(licenceProblem("BUSL-1.1")).not.toBeNull();
    expect(licenceProblem("AGPL-3.0-or-later")).not.toBeNull();
    expect(licenceProblem("GPL-2.0-only")).not.toBeNull();
    expect(licenceProblem("CC-BY-NC-4.0")).not.toBeNull();
    expect(licenceProblem("PolyForm-Noncommercial-1.0.0")).not.toBeNull();
    expect(licenceProblem("(MIT AND Elastic-2.0)")).not.toBeNull();
    expect(licenceProblem("SEE LICENSE IN LICENSE.md")).toMatch(/not an SPDX licence expression/);
    expect(licenceProblem("(none)")).not.toBeNull();
  });
});
