// The lineage graph's layout, kept free of `vscode` so that it runs under `node --test`.
//
// Columns are grouped into one box per model or source. Boxes sit in layers by their
// distance from the target, and data always flows left to right: upstream the target is
// the rightmost layer, downstream the leftmost.
import type { Endpoint, Lineage, LineageDirection, LineageTarget, Transform } from "./protocol";

export type NodeKind = "model" | "source";

export interface Point {
  x: number;
  y: number;
}

export interface LayoutColumn {
  name: string;
  /** Centre of the column's row, in graph coordinates. */
  y: number;
  isTarget: boolean;
}

export interface LayoutNode {
  id: string;
  kind: NodeKind;
  name: string;
  layer: number;
  /** Edges between this box and the target's, along the longest chain. */
  distance: number;
  isTarget: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  columns: LayoutColumn[];
}

export interface LayoutEdge {
  from: { node: string; column: string };
  to: { node: string; column: string };
  transform: Transform;
  dashed: boolean;
  /** A cubic Bézier curve: start, two control points, end. */
  start: Point;
  c1: Point;
  c2: Point;
  end: Point;
  label: Point;
}

export interface Layout {
  direction: LineageDirection;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  width: number;
  height: number;
  /** Height of each box's name band, for the renderer. */
  headerHeight: number;
}

export interface LayoutOptions {
  /** Width of one character of the (monospace) font the view draws with. */
  charWidth: number;
  headerHeight: number;
  rowHeight: number;
  minNodeWidth: number;
  layerGap: number;
  nodeGap: number;
  margin: number;
}

export const defaultLayoutOptions: LayoutOptions = {
  charWidth: 7.2,
  headerHeight: 26,
  rowHeight: 20,
  minNodeWidth: 140,
  layerGap: 120,
  nodeGap: 28,
  margin: 20,
};

type Named = Endpoint | LineageTarget;

export function endpointKind(e: Named): NodeKind {
  return "source" in e ? "source" : "model";
}

export function endpointName(e: Named): string {
  return "source" in e ? e.source : e.model;
}

/** Models and sources live in separate namespaces, so both go into the id. */
export function nodeId(e: Named): string {
  return `${endpointKind(e)}:${endpointName(e)}`;
}

interface Box {
  id: string;
  kind: NodeKind;
  name: string;
  columns: string[];
}

interface Link {
  from: string;
  fromColumn: string;
  to: string;
  toColumn: string;
  transform: Transform;
}

function collect(lineage: Lineage): { boxes: Map<string, Box>; links: Link[] } {
  const boxes = new Map<string, Box>();
  const touch = (e: Named, column: string | undefined): string => {
    const id = nodeId(e);
    let box = boxes.get(id);
    if (!box) {
      box = { id, kind: endpointKind(e), name: endpointName(e), columns: [] };
      boxes.set(id, box);
    }
    if (column !== undefined && !box.columns.includes(column)) box.columns.push(column);
    return id;
  };
  touch(lineage.target, lineage.target.column);
  const seen = new Set<string>();
  const links: Link[] = [];
  for (const edge of lineage.edges) {
    const from = touch(edge.from, edge.from.column);
    const to = touch(edge.to, edge.to.column);
    const key = JSON.stringify([from, edge.from.column, to, edge.to.column, edge.transform]);
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ from, fromColumn: edge.from.column, to, toColumn: edge.to.column, transform: edge.transform });
  }
  return { boxes, links };
}

/**
 * Every box's distance from the target: the longest chain of edges between the two, so
 * that every edge points from one layer toward the next and none runs inside a layer
 * (a box feeding the target both directly and through another model sits behind that
 * model). An edge that closes a cycle is not followed, so cycles end. Boxes that lead to
 * no target (the server should send none) get a distance through edges of either
 * direction, and a disconnected rest goes one layer past the farthest, so every box is
 * drawn.
 */
function distances(targetId: string, ids: string[], links: Link[], direction: LineageDirection): Map<string, number> {
  // Upstream, data flows toward the target along each edge; downstream, away from it.
  const toward = new Map<string, string[]>();
  const either = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, v: string) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const l of links) {
    if (direction === "upstream") push(toward, l.from, l.to);
    else push(toward, l.to, l.from);
    push(either, l.from, l.to);
    push(either, l.to, l.from);
  }
  const dist = new Map<string, number>([[targetId, 0]]);
  const unreachable = new Set<string>();
  const onPath = new Set<string>();
  const visit = (id: string): number | undefined => {
    if (dist.has(id)) return dist.get(id);
    if (unreachable.has(id) || onPath.has(id)) return undefined;
    onPath.add(id);
    let best: number | undefined;
    for (const next of toward.get(id) ?? []) {
      const d = visit(next);
      if (d !== undefined && (best === undefined || d + 1 > best)) best = d + 1;
    }
    onPath.delete(id);
    if (best === undefined) {
      // Inside a cycle this may miss a way round; the fallback below still places the box.
      unreachable.add(id);
      return undefined;
    }
    dist.set(id, best);
    return best;
  };
  for (const id of ids) visit(id);
  if (dist.size < ids.length) {
    const queue = [...dist.keys()].sort((a, b) => (dist.get(a) ?? 0) - (dist.get(b) ?? 0));
    for (let i = 0; i < queue.length; i++) {
      const d = dist.get(queue[i]) ?? 0;
      for (const n of either.get(queue[i]) ?? []) {
        if (dist.has(n)) continue;
        dist.set(n, d + 1);
        queue.push(n);
      }
    }
  }
  const farthest = Math.max(0, ...dist.values());
  for (const id of ids) if (!dist.has(id)) dist.set(id, farthest + 1);
  return dist;
}

const mean = (xs: number[]): number | undefined =>
  xs.length === 0 ? undefined : xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Moves labels that would print over each other (edges of one column fanning in or out
 * share their middle) downwards until each stands clear.
 */
function separateLabels(edges: LayoutEdge[], charWidth: number): void {
  const lineHeight = 11;
  // Labels print smaller than column names.
  const halfWidth = (e: LayoutEdge) => (e.transform.length * charWidth * 0.85) / 2 + 2;
  const done: LayoutEdge[] = [];
  for (const edge of [...edges].sort((a, b) => a.label.x - b.label.x || a.label.y - b.label.y)) {
    for (let moved = true; moved; ) {
      moved = false;
      for (const other of done) {
        const clash =
          Math.abs(other.label.x - edge.label.x) < halfWidth(other) + halfWidth(edge) &&
          Math.abs(other.label.y - edge.label.y) < lineHeight;
        if (clash) {
          edge.label = { x: edge.label.x, y: other.label.y + lineHeight };
          moved = true;
        }
      }
    }
    done.push(edge);
  }
}

export function layoutLineage(lineage: Lineage, options: Partial<LayoutOptions> = {}): Layout {
  const o: LayoutOptions = { ...defaultLayoutOptions, ...options };
  const { boxes, links } = collect(lineage);
  const targetId = nodeId(lineage.target);
  const dist = distances(targetId, [...boxes.keys()], links, lineage.direction);
  const maxDist = Math.max(0, ...dist.values());
  const layerOf = (d: number) => (lineage.direction === "upstream" ? maxDist - d : d);

  // Boxes are placed from the target outwards; each box and each of its columns is
  // ordered by the mean height of what it links to among the boxes already placed, which
  // keeps most edges short and uncrossed without a full crossing-minimisation pass.
  const placed = new Map<string, LayoutNode>();
  const columnY = (node: string, column: string): number | undefined =>
    placed.get(node)?.columns.find((c) => c.name === column)?.y;
  const neighbourYs = (id: string, column?: string): number[] => {
    const ys: number[] = [];
    for (const l of links) {
      let y: number | undefined;
      if (l.from === id && (column === undefined || l.fromColumn === column)) y = columnY(l.to, l.toColumn);
      else if (l.to === id && (column === undefined || l.toColumn === column)) y = columnY(l.from, l.fromColumn);
      if (y !== undefined) ys.push(y);
    }
    return ys;
  };
  const byDistance = new Map<number, Box[]>();
  for (const box of boxes.values()) {
    const d = dist.get(box.id) ?? 0;
    const list = byDistance.get(d);
    if (list) list.push(box);
    else byDistance.set(d, [box]);
  }
  const layerWidth = new Map<number, number>();
  for (const box of boxes.values()) {
    const layer = layerOf(dist.get(box.id) ?? 0);
    const chars = Math.max(box.name.length + 2, ...box.columns.map((c) => c.length));
    const width = Math.max(o.minNodeWidth, Math.ceil(chars * o.charWidth) + 24);
    layerWidth.set(layer, Math.max(layerWidth.get(layer) ?? 0, width));
  }
  const layerX = new Map<number, number>();
  let x = o.margin;
  for (let layer = 0; layer <= maxDist; layer++) {
    layerX.set(layer, x);
    x += (layerWidth.get(layer) ?? 0) + (layerWidth.has(layer) ? o.layerGap : 0);
  }
  const width = x - o.layerGap + o.margin;

  const layerHeights: number[] = [];
  for (let d = 0; d <= maxDist; d++) {
    const ranked = (byDistance.get(d) ?? []).map((box) => {
      const target = box.id === targetId ? lineage.target.column : undefined;
      const columns = box.columns
        .map((name, i) => ({ name, i, key: name === target ? -Infinity : mean(neighbourYs(box.id, name)) }))
        .sort((a, b) => (a.key ?? Infinity) - (b.key ?? Infinity) || a.i - b.i)
        .map((c) => c.name);
      return { box, columns, key: mean(neighbourYs(box.id)) };
    });
    ranked.sort(
      (a, b) =>
        (a.key ?? Infinity) - (b.key ?? Infinity) ||
        a.box.kind.localeCompare(b.box.kind) ||
        a.box.name.localeCompare(b.box.name),
    );
    const layer = layerOf(d);
    let y = o.margin;
    for (const { box, columns } of ranked) {
      const height = o.headerHeight + Math.max(1, columns.length) * o.rowHeight + 6;
      const node: LayoutNode = {
        id: box.id,
        kind: box.kind,
        name: box.name,
        layer,
        distance: d,
        isTarget: box.id === targetId,
        x: layerX.get(layer) ?? o.margin,
        y,
        width: layerWidth.get(layer) ?? o.minNodeWidth,
        height,
        columns: columns.map((name, i) => ({
          name,
          y: y + o.headerHeight + i * o.rowHeight + o.rowHeight / 2,
          isTarget: box.id === targetId && name === lineage.target.column,
        })),
      };
      placed.set(box.id, node);
      y += height + o.nodeGap;
    }
    layerHeights[d] = y - o.nodeGap - o.margin;
  }
  const height = Math.max(0, ...layerHeights) + 2 * o.margin;
  // Centre each layer vertically so short layers do not hang from the top edge.
  for (const node of placed.values()) {
    const shift = (height - 2 * o.margin - layerHeights[node.distance]) / 2;
    node.y += shift;
    for (const c of node.columns) c.y += shift;
  }

  const edges: LayoutEdge[] = links.map((l) => {
    const from = placed.get(l.from);
    const to = placed.get(l.to);
    const start = { x: (from?.x ?? 0) + (from?.width ?? 0), y: columnY(l.from, l.fromColumn) ?? 0 };
    const end = { x: to?.x ?? 0, y: columnY(l.to, l.toColumn) ?? 0 };
    const bend = Math.max(40, Math.abs(end.x - start.x) / 2);
    const c1 = { x: start.x + bend, y: start.y };
    const c2 = { x: end.x - bend, y: end.y };
    const label = {
      x: (start.x + 3 * c1.x + 3 * c2.x + end.x) / 8,
      y: (start.y + 3 * c1.y + 3 * c2.y + end.y) / 8,
    };
    return {
      from: { node: l.from, column: l.fromColumn },
      to: { node: l.to, column: l.toColumn },
      transform: l.transform,
      dashed: l.transform === "filter",
      start,
      c1,
      c2,
      end,
      label,
    };
  });

  separateLabels(edges, o.charWidth);
  const nodes = [...placed.values()].sort((a, b) => a.layer - b.layer || a.y - b.y);
  return { direction: lineage.direction, nodes, edges, width: Math.max(width, 2 * o.margin), height, headerHeight: o.headerHeight };
}
