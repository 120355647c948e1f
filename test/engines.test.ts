import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

interface LockedPackage {
  version?: string;
  engines?: Record<string, string> | string[];
}

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, LockedPackage> };

describe("Node versions", () => {
  it("every locked package supports the oldest Node the project supports (npm ci prints no EBADENGINE)", () => {
    // if this fails after an update: pin the package (package.json overrides) to a version that still
    // supports it, or raise engines.node with the reason in the README (Node versions)
    const oldest = semver.minVersion(pkg.engines.node)!.version;
    const refusing = Object.entries(lock.packages).flatMap(([where, locked]) => {
      const range = Array.isArray(locked.engines) ? undefined : locked.engines?.node;
      if (!where || !range || semver.satisfies(oldest, range, { includePrerelease: true })) return [];
      return [`${where}@${locked.version}: node ${range}`];
    });
    expect(refusing).toEqual([]);
  });
});
