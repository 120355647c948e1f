/**
 * Forward cursor pagination (Relay connections) over an already filtered list. The cursor holds the
 * sort value and code of the last row seen, so a page stays correct when rows are added or removed
 * between requests.
 */
export type SortDirection = "ASC" | "DESC";

export interface PageRequest {
  first: number;
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

type SortValue = string | number | null;

interface CursorPayload {
  /** sort field the cursor was made for */
  f: string;
  v: SortValue;
  k: string;
}

export class InvalidCursorError extends Error {}

export function encodeCursor(field: string, value: SortValue, key: string): string {
  return Buffer.from(JSON.stringify({ f: field, v: value, k: key } satisfies CursorPayload)).toString("base64url");
}

export function decodeCursor(cursor: string, field: string): { value: SortValue; key: string } {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new InvalidCursorError("is not a cursor returned by this API");
  }
  const p = payload as Partial<CursorPayload> | null;
  if (
    !p ||
    typeof p.k !== "string" ||
    typeof p.f !== "string" ||
    !(p.v === null || typeof p.v === "string" || typeof p.v === "number")
  ) {
    throw new InvalidCursorError("is not a cursor returned by this API");
  }
  if (p.f !== field) {
    throw new InvalidCursorError(`was made for a list sorted by ${p.f}, not by ${field}`);
  }
  return { value: p.v, key: p.k };
}

/** Nulls sort last in both directions; ties are broken by key, always ascending. */
export function compareBy<T>(
  sortValue: (item: T) => SortValue,
  key: (item: T) => string,
  direction: SortDirection,
): (a: T, b: T) => number {
  return (a, b) => compareSortPositions(sortValue(a), key(a), sortValue(b), key(b), direction);
}

function compareSortPositions(av: SortValue, ak: string, bv: SortValue, bk: string, direction: SortDirection): number {
  if (av !== bv) {
    if (av === null) return 1;
    if (bv === null) return -1;
    const order =
      typeof av === "number" && typeof bv === "number" ? av - bv : String(av).localeCompare(String(bv), "nl");
    if (order !== 0) return direction === "ASC" ? order : -order;
  }
  return ak < bk ? -1 : ak > bk ? 1 : 0;
}

export function paginate<T>(
  items: readonly T[],
  sort: { field: string; direction: SortDirection; value: (item: T) => SortValue; key: (item: T) => string },
  request: PageRequest,
): Page<T> {
  const sorted = [...items].sort(compareBy(sort.value, sort.key, sort.direction));
  let start = 0;
  if (request.after) {
    const cursor = decodeCursor(request.after, sort.field);
    start = sorted.findIndex(
      (item) => compareSortPositions(sort.value(item), sort.key(item), cursor.value, cursor.key, sort.direction) > 0,
    );
    if (start === -1) start = sorted.length;
  }
  const nodes = sorted.slice(start, start + request.first);
  return {
    nodes,
    cursors: nodes.map((node) => encodeCursor(sort.field, sort.value(node), sort.key(node))),
    hasNextPage: start + request.first < sorted.length,
    hasPreviousPage: start > 0,
    totalCount: sorted.length,
  };
}
