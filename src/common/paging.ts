import { InvalidCursorError, paginate, type Page, type SortDirection } from "../domain/pagination.ts";
import { badUserInput } from "./errors.ts";

export const MAX_PAGE_SIZE = 500;

/** Validates page arguments and paginates; bad arguments become BAD_USER_INPUT errors. */
export function pageOf<T>(
  items: readonly T[],
  sort: {
    field: string;
    direction: SortDirection;
    value: (item: T) => string | number | null;
    key: (item: T) => string;
  },
  args: { first?: number | null; after?: string | null },
): Page<T> {
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badUserInput("first", `page size must be between 0 and ${MAX_PAGE_SIZE}; got ${first}`);
  }
  try {
    return paginate(items, sort, { first, after: args.after ?? null });
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badUserInput("after", `the cursor ${error.message}`);
    throw error;
  }
}

/** Resolvers of a Relay connection whose parent is a Page. */
export const connectionResolvers = {
  edges: <T>(page: Page<T>) => page.nodes.map((node, i) => ({ cursor: page.cursors[i]!, node })),
  nodes: <T>(page: Page<T>) => page.nodes,
  totalCount: <T>(page: Page<T>) => page.totalCount,
  pageInfo: <T>(page: Page<T>) => ({
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
    startCursor: page.cursors[0] ?? null,
    endCursor: page.cursors.at(-1) ?? null,
  }),
};
