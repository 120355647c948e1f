// Keyboard access to many small things (map regions, table cells, chart marks) with one tab stop each:
// the "roving tabindex" pattern. Tab enters and leaves the group; arrow keys move within it.

export interface RovingOptions {
  /** cells per row for a grid (up/down move a row); omitted: a list (every arrow moves one) */
  columns?: number;
  /** Enter or Space on an item */
  onActivate?: (item: Element, index: number) => void;
}

export function rovingFocus(container: Element, items: Element[], options: RovingOptions = {}): void {
  if (items.length === 0) return;
  let active = 0;
  items.forEach((item, i) => item.setAttribute("tabindex", i === 0 ? "0" : "-1"));
  const move = (to: number) => {
    const next = Math.max(0, Math.min(items.length - 1, to));
    items[active]?.setAttribute("tabindex", "-1");
    active = next;
    const item = items[next]!;
    item.setAttribute("tabindex", "0");
    (item as HTMLElement | SVGElement).focus();
  };
  container.addEventListener("focusin", (event) => {
    const i = items.indexOf(event.target as Element);
    if (i >= 0 && i !== active) {
      items[active]?.setAttribute("tabindex", "-1");
      active = i;
      items[i]!.setAttribute("tabindex", "0");
    }
  });
  container.addEventListener("keydown", (event) => {
    const e = event as KeyboardEvent;
    const i = items.indexOf(e.target as Element);
    if (i < 0) return;
    const columns = options.columns;
    const rowStart = columns ? i - (i % columns) : 0;
    const targets: Record<string, number> = columns
      ? {
          ArrowLeft: i % columns === 0 ? i : i - 1,
          ArrowRight: i % columns === columns - 1 ? i : i + 1,
          ArrowUp: i - columns >= 0 ? i - columns : i,
          ArrowDown: i + columns < items.length ? i + columns : i,
          Home: e.ctrlKey ? 0 : rowStart,
          End: e.ctrlKey ? items.length - 1 : Math.min(items.length - 1, rowStart + columns - 1),
        }
      : { ArrowLeft: i - 1, ArrowUp: i - 1, ArrowRight: i + 1, ArrowDown: i + 1, Home: 0, End: items.length - 1 };
    if (e.key in targets) {
      e.preventDefault();
      move(targets[e.key]!);
    } else if ((e.key === "Enter" || e.key === " ") && options.onActivate) {
      e.preventDefault();
      options.onActivate(items[i]!, i);
    }
  });
}
