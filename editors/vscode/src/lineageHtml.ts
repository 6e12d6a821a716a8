// The lineage webview's page, kept free of `vscode` so that it runs under `node --test`.
//
// The page loads nothing: its only script and style are inline and carry the nonce the
// Content-Security-Policy allows, and the SVG uses presentation attributes and classes
// (an inline `style=` attribute would be refused by that policy).
import type { Layout, LayoutEdge, LayoutNode } from "./lineageLayout";
import type { LineageDirection } from "./protocol";

export interface PageState {
  title: string;
  direction: LineageDirection;
  includeFilters: boolean;
  /** Shown instead of the graph, e.g. when the cursor names nothing. */
  message?: string;
}

/** Messages the page posts back to the extension. */
export type PageMessage =
  | { type: "direction"; direction: LineageDirection }
  | { type: "includeFilters"; value: boolean }
  | { type: "openModel"; model: string };

export function parsePageMessage(data: unknown): PageMessage | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m.type === "direction" && (m.direction === "upstream" || m.direction === "downstream")) {
    return { type: "direction", direction: m.direction };
  }
  if (m.type === "includeFilters" && typeof m.value === "boolean") return { type: "includeFilters", value: m.value };
  if (m.type === "openModel" && typeof m.model === "string") return { type: "openModel", model: m.model };
  return undefined;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const n = (v: number) => (Math.round(v * 10) / 10).toString();

function renderNode(node: LayoutNode, headerHeight: number): string {
  const classes = ["node", node.kind, node.isTarget ? "target" : ""].filter(Boolean).join(" ");
  const open = node.kind === "model" ? ` data-model="${escapeXml(node.name)}" tabindex="0" role="button"` : "";
  const rows = node.columns
    .map(
      (c) =>
        `<text class="column${c.isTarget ? " target-column" : ""}" x="${n(node.x + 10)}" y="${n(c.y)}" dominant-baseline="middle">${escapeXml(c.name)}</text>`,
    )
    .join("");
  const tip = `${node.kind} ${node.name}${node.kind === "model" ? " (click to open)" : ""}`;
  return (
    `<g class="${classes}"${open}><title>${escapeXml(tip)}</title>` +
    `<rect class="box" x="${n(node.x)}" y="${n(node.y)}" width="${n(node.width)}" height="${n(node.height)}" rx="4"/>` +
    `<rect class="header" x="${n(node.x)}" y="${n(node.y)}" width="${n(node.width)}" height="${n(headerHeight)}" rx="4"/>` +
    `<text class="name" x="${n(node.x + 10)}" y="${n(node.y + headerHeight / 2)}" dominant-baseline="middle">${escapeXml(node.name)}</text>` +
    rows +
    `</g>`
  );
}

function renderEdge(edge: LayoutEdge): string {
  const d = `M${n(edge.start.x)},${n(edge.start.y)} C${n(edge.c1.x)},${n(edge.c1.y)} ${n(edge.c2.x)},${n(edge.c2.y)} ${n(edge.end.x)},${n(edge.end.y)}`;
  const tip = `${edge.from.node}.${edge.from.column} → ${edge.to.node}.${edge.to.column} (${edge.transform})`;
  return (
    `<g class="edge ${edge.transform}${edge.dashed ? " dashed" : ""}"><title>${escapeXml(tip)}</title>` +
    `<path d="${d}" marker-end="url(#arrow)"/>` +
    `<text class="label" x="${n(edge.label.x)}" y="${n(edge.label.y - 4)}" text-anchor="middle">${escapeXml(edge.transform)}</text>` +
    `</g>`
  );
}

export function renderSvg(layout: Layout): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(layout.width)}" height="${n(layout.height)}" viewBox="0 0 ${n(layout.width)} ${n(layout.height)}">` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>` +
    layout.edges.map(renderEdge).join("") +
    layout.nodes.map((node) => renderNode(node, layout.headerHeight)).join("") +
    `</svg>`
  );
}

const style = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 12px; }
header { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; padding: 8px 0; position: sticky; top: 0; background: var(--vscode-editor-background); }
h1 { font-size: 1.1em; margin: 0 12px 0 0; font-weight: 600; }
button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: none; padding: 3px 10px; cursor: pointer; }
button[aria-pressed="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
label { display: flex; gap: 4px; align-items: center; }
.message { opacity: 0.8; }
svg { font-family: var(--vscode-editor-font-family, monospace); font-size: 12px; }
.box { fill: var(--vscode-editor-background); stroke: var(--vscode-panel-border, #888); }
.header { fill: var(--vscode-sideBarSectionHeader-background, rgba(128,128,128,0.2)); stroke: var(--vscode-panel-border, #888); }
.source .header { fill: rgba(128,128,128,0.12); }
.target .box, .target .header { stroke: var(--vscode-focusBorder); stroke-width: 2; }
.name { font-weight: 600; fill: var(--vscode-foreground); }
.source .name { font-style: italic; }
.column { fill: var(--vscode-foreground); }
.target-column { font-weight: 600; fill: var(--vscode-textLink-foreground); }
.model { cursor: pointer; }
.model:hover .box, .model:focus .box { stroke: var(--vscode-focusBorder); }
.edge path { fill: none; stroke: var(--vscode-editorLineNumber-foreground, #888); stroke-width: 1.3; }
.edge:hover path { stroke: var(--vscode-focusBorder); stroke-width: 2; }
.edge.dashed path { stroke-dasharray: 5 4; }
.label { font-size: 10px; fill: var(--vscode-descriptionForeground); paint-order: stroke; stroke: var(--vscode-editor-background); stroke-width: 3px; }
marker path { fill: var(--vscode-editorLineNumber-foreground, #888); }
`;

// Buttons post what the user asked for; the extension answers with a new page.
const script = `
const vscode = acquireVsCodeApi();
for (const b of document.querySelectorAll("button[data-direction]")) {
  b.addEventListener("click", () => vscode.postMessage({ type: "direction", direction: b.dataset.direction }));
}
const filters = document.getElementById("filters");
filters.addEventListener("change", () => vscode.postMessage({ type: "includeFilters", value: filters.checked }));
for (const g of document.querySelectorAll("g[data-model]")) {
  const open = () => vscode.postMessage({ type: "openModel", model: g.dataset.model });
  g.addEventListener("click", open);
  g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") open(); });
}
`;

export function renderPage(layout: Layout | undefined, state: PageState, nonce: string): string {
  const pressed = (d: LineageDirection) => (state.direction === d ? "true" : "false");
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const body =
    state.message !== undefined || layout === undefined
      ? `<p class="message">${escapeXml(state.message ?? "No lineage.")}</p>`
      : layout.edges.length === 0
        ? `<p class="message">No ${state.direction} lineage.</p>${renderSvg(layout)}`
        : renderSvg(layout);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeXml(state.title)}</title>
<style nonce="${nonce}">${style}</style>
</head>
<body>
<header>
<h1>${escapeXml(state.title)}</h1>
<button data-direction="upstream" aria-pressed="${pressed("upstream")}">Upstream</button>
<button data-direction="downstream" aria-pressed="${pressed("downstream")}">Downstream</button>
<label><input type="checkbox" id="filters"${state.includeFilters ? " checked" : ""}> Include filters</label>
</header>
${body}
<script nonce="${nonce}">${script}</script>
</body>
</html>`;
}
