import { describe, expect, it } from "vitest";
import { InvalidCursorError, decodeCursor, encodeCursor, paginate, type Page } from "../../src/domain/pagination.ts";

type Row = { code: string; name: string; size: number | null };
const rows: Row[] = [
  { code: "c", name: "Cee", size: 30 },
  { code: "a", name: "Aa", size: 10 },
  { code: "e", name: "Ee", size: null },
  { code: "b", name: "Bee", size: 30 },
  { code: "d", name: "Dee", size: 5 },
];
const bySize = (direction: "ASC" | "DESC") => ({
  field: "SIZE",
  direction,
  value: (r: Row) => r.size,
  key: (r: Row) => r.code,
});

describe("paginate", () => {
  it("sorts, breaks ties by key and puts nulls last in both directions", () => {
    expect(paginate(rows, bySize("DESC"), { first: 10 }).nodes.map((r) => r.code)).toEqual(["b", "c", "a", "d", "e"]);
    expect(paginate(rows, bySize("ASC"), { first: 10 }).nodes.map((r) => r.code)).toEqual(["d", "a", "b", "c", "e"]);
  });

  it("walks every row exactly once, page by page", () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Page<Row> = paginate(rows, bySize("DESC"), { first: 2, after });
      seen.push(...page.nodes.map((r) => r.code));
      expect(page.totalCount).toBe(5);
      expect(page.hasPreviousPage).toBe(i > 0);
      if (!page.hasNextPage) break;
      after = page.cursors.at(-1)!;
    }
    expect(seen).toEqual(["b", "c", "a", "d", "e"]);
  });

  it("continues after the cursor position even when that row has gone", () => {
    const first = paginate(rows, bySize("DESC"), { first: 2 });
    const without = rows.filter((r) => r.code !== "c");
    const next = paginate(without, bySize("DESC"), { first: 2, after: first.cursors.at(-1)! });
    expect(next.nodes.map((r) => r.code)).toEqual(["a", "d"]);
  });

  it("gives an empty page for first: 0 and after the last row", () => {
    expect(paginate(rows, bySize("ASC"), { first: 0 }).nodes).toEqual([]);
    const last = paginate(rows, bySize("ASC"), { first: 5 });
    const after = paginate(rows, bySize("ASC"), { first: 5, after: last.cursors.at(-1)! });
    expect(after.nodes).toEqual([]);
    expect(after.hasNextPage).toBe(false);
  });

  it("rejects cursors that are garbage or were made for another sort field", () => {
    expect(() => decodeCursor("%%%", "SIZE")).toThrow(InvalidCursorError);
    expect(() => decodeCursor(Buffer.from("[1,2]").toString("base64url"), "SIZE")).toThrow(InvalidCursorError);
    expect(() => decodeCursor(encodeCursor("NAME", "Aa", "a"), "SIZE")).toThrow(/sorted by NAME, not by SIZE/);
    expect(decodeCursor(encodeCursor("SIZE", 30, "b"), "SIZE")).toEqual({ value: 30, key: "b" });
  });
});
