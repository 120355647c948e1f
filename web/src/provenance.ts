// Where every number comes from: each element that shows a figure is registered here with its source,
// and one tooltip shows that source on hover and on keyboard focus. SYNTHETIC figures get a badge, and
// the banner at the top is shown while any are on the page.
import type { Figure, Source } from "./data.ts";
import { h, srOnly } from "./dom.ts";
import { t, type LabelKey } from "./i18n.ts";

interface Provenance {
  label: string;
  source: Source | null;
}

const registry = new WeakMap<Element, Provenance>();
const TIP_ID = "provenance-tip";

/** Registers what an element shows and where it comes from; marks SYNTHETIC ones for the banner. */
export function attachSource(element: Element, figure: Figure | null, label: string): void {
  registry.set(element, { label, source: figure?.source ?? null });
  element.setAttribute("data-kind", figure?.source?.kind ?? "NONE");
}

export const isSynthetic = (figure: Figure | null | undefined) => figure?.source?.kind === "SYNTHETIC";

/** The SYN badge: visible text for sighted users, the full word for screen readers. */
export function syntheticBadge(): HTMLElement {
  return h(
    "span",
    { class: "badge-syn", title: t("syntheticBadgeLong") },
    h("span", { "aria-hidden": "true" }, t("syntheticBadge")),
    srOnly(` (${t("syntheticBadgeLong")})`),
  );
}

/** The shown text of a figure followed by the badge when it is synthetic. */
export function figureText(text: string, figure: Figure | null): (Node | string)[] {
  return isSynthetic(figure) ? [text, " ", syntheticBadge()] : [text];
}

let tip: HTMLElement | null = null;
let shownFor: Element | null = null;

function findRegistered(target: EventTarget | null): Element | null {
  let node = target instanceof Element ? target : null;
  while (node) {
    if (registry.has(node)) return node;
    node = node.parentElement;
  }
  return null;
}

function content(provenance: Provenance): HTMLElement[] {
  const source = provenance.source;
  if (!source) return [h("p", { class: "tip-label" }, provenance.label), h("p", {}, t("noSource"))];
  const row = (key: LabelKey, value: string | null | undefined) =>
    value ? [h("dt", {}, t(key)), h("dd", {}, value)] : [];
  const kind = t(`kind${source.kind}` as LabelKey);
  return [
    h("p", { class: "tip-label" }, provenance.label),
    h(
      "dl",
      {},
      ...row("provPublisher", source.publisher),
      ...row("provDocument", source.document),
      ...row("provDate", source.date),
      h("dt", {}, t("provKind")),
      h("dd", {}, source.kind === "SYNTHETIC" ? [kind, " ", syntheticBadge()] : kind),
      ...row("provLicense", source.license),
      ...row("provNote", source.note),
    ),
  ];
}

function show(element: Element, at: { x: number; y: number } | null): void {
  const provenance = registry.get(element);
  if (!tip || !provenance) return;
  if (shownFor && shownFor !== element) shownFor.removeAttribute("aria-describedby");
  shownFor = element;
  tip.replaceChildren(...content(provenance));
  tip.hidden = false;
  element.setAttribute("aria-describedby", TIP_ID);
  const box = element.getBoundingClientRect();
  const anchor = at ?? { x: box.left + Math.min(box.width, 40), y: box.bottom };
  const { width, height } = tip.getBoundingClientRect();
  const gap = 12;
  let left = anchor.x + gap;
  let top = anchor.y + gap;
  if (left + width > window.innerWidth - 8) left = Math.max(8, anchor.x - width - gap);
  if (top + height > window.innerHeight - 8) top = Math.max(8, (at ? anchor.y : box.top) - height - gap);
  tip.style.left = `${left}px`;
  tip.style.top = `${top}px`;
}

export function hideProvenance(): void {
  if (!tip) return;
  tip.hidden = true;
  shownFor?.removeAttribute("aria-describedby");
  shownFor = null;
}

/** Creates the tooltip and listens for hover and focus anywhere on the page. */
export function initProvenance(root: HTMLElement): void {
  tip = h("div", { id: TIP_ID, role: "tooltip", class: "tip", hidden: true });
  root.append(tip);
  document.addEventListener("pointermove", (event) => {
    const element = findRegistered(event.target);
    if (element) show(element, { x: event.clientX, y: event.clientY });
    else if (shownFor && shownFor !== document.activeElement) hideProvenance();
  });
  document.addEventListener("focusin", (event) => {
    const element = findRegistered(event.target);
    if (element) show(element, null);
    else hideProvenance();
  });
  document.addEventListener("focusout", () => hideProvenance());
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hideProvenance();
  });
  // focusing an element scrolls it into view: a focused element keeps its tooltip, moved along
  window.addEventListener(
    "scroll",
    () => {
      if (shownFor && shownFor === document.activeElement) show(shownFor, null);
      else hideProvenance();
    },
    { passive: true },
  );
}

/** Shows the banner while the page holds any synthetic figure. */
export function updateSyntheticBanner(banner: HTMLElement, main: HTMLElement): void {
  banner.hidden = main.querySelector('[data-kind="SYNTHETIC"]') === null;
}
