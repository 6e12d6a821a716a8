import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { LayoutNode } from "../src/lineageLayout";
import { layoutLineage, nodeId } from "../src/lineageLayout";
import type { Lineage, LineageEdge, Transform } from "../src/protocol";

const m = (model: string, column: string) => ({ model, column });
const s = (source: string, column: string) => ({ source, column });
const e = (from: LineageEdge["from"], to: LineageEdge["to"], transform: Transform = "direct"): LineageEdge => ({
  from,
  to,
  transform,
});

function byId(nodes: LayoutNode[]): Map<string, LayoutNode> {
  return new Map(nodes.map((n) => [n.id, n]));
}

function overlaps(a: LayoutNode, b: LayoutNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

// The CLI.md example, one hop longer: raw source -> raw_orders -> customer_orders -> revenue_summary.
const upstream: Lineage = {
  target: { model: "revenue_summary", column: "total_revenue" },
  direction: "upstream",
  edges: [
    e(m("customer_orders", "total_revenue"), m("revenue_summary", "total_revenue")),
    e(m("raw_orders", "amount"), m("customer_orders", "total_revenue"), "aggregation"),
    e(s("raw__orders.orders", "amount"), m("raw_orders", "amount"), "cast"),
  ],
};

describe("layoutLineage", () => {
  it("lays an empty graph out as the target alone", () => {
    const layout = layoutLineage({ target: { model: "orders", column: "id" }, direction: "upstream", edges: [] });
    assert.equal(layout.edges.length, 0);
    assert.equal(layout.nodes.length, 1);
    const [node] = layout.nodes;
    assert.equal(node.id, "model:orders");
    assert.equal(node.isTarget, true);
    assert.equal(node.layer, 0);
    assert.deepEqual(
      node.columns.map((c) => [c.name, c.isTarget]),
      [["id", true]],
    );
    assert.ok(layout.width >= node.x + node.width);
    assert.ok(layout.height >= node.y + node.height);
  });

  it("draws a target without a column as an empty box", () => {
    const layout = layoutLineage({ target: { source: "raw.orders" }, direction: "downstream", edges: [] });
    assert.equal(layout.nodes.length, 1);
    assert.equal(layout.nodes[0].kind, "source");
    assert.equal(layout.nodes[0].columns.length, 0);
    assert.ok(layout.nodes[0].height > 0);
  });

  it("puts upstream layers left of the target, by distance", () => {
    const layout = layoutLineage(upstream);
    const nodes = byId(layout.nodes);
    assert.equal(nodes.get("model:revenue_summary")?.layer, 3);
    assert.equal(nodes.get("model:customer_orders")?.layer, 2);
    assert.equal(nodes.get("model:raw_orders")?.layer, 1);
    assert.equal(nodes.get("source:raw__orders.orders")?.layer, 0);
    assert.equal(nodes.get("source:raw__orders.orders")?.distance, 3);
    const xs = [...layout.nodes].sort((a, b) => a.layer - b.layer).map((n) => n.x);
    assert.deepEqual(
      xs,
      [...xs].sort((a, b) => a - b),
    );
    assert.ok(new Set(xs).size === xs.length, "each layer has its own x");
  });

  it("puts downstream layers right of the target", () => {
    const layout = layoutLineage({
      target: { model: "raw_orders", column: "amount" },
      direction: "downstream",
      edges: [
        e(m("raw_orders", "amount"), m("customer_orders", "total_revenue"), "aggregation"),
        e(m("customer_orders", "total_revenue"), m("revenue_summary", "total_revenue")),
      ],
    });
    const nodes = byId(layout.nodes);
    assert.equal(nodes.get("model:raw_orders")?.layer, 0);
    assert.equal(nodes.get("model:customer_orders")?.layer, 1);
    assert.equal(nodes.get("model:revenue_summary")?.layer, 2);
    for (const edge of layout.edges) assert.ok(edge.start.x < edge.end.x, "edges run left to right");
  });

  it("puts a box that feeds the target directly and through a model behind that model", () => {
    // a feeds t directly and through b: a sits behind b, so no edge runs inside a layer.
    const layout = layoutLineage({
      target: { model: "t", column: "x" },
      direction: "upstream",
      edges: [e(m("a", "x"), m("t", "x")), e(m("a", "x"), m("b", "x")), e(m("b", "x"), m("t", "x"))],
    });
    const nodes = byId(layout.nodes);
    assert.equal(nodes.get("model:t")?.distance, 0);
    assert.equal(nodes.get("model:b")?.distance, 1);
    assert.equal(nodes.get("model:a")?.distance, 2);
    for (const edge of layout.edges) assert.ok(edge.start.x < edge.end.x, "edges run left to right");
  });

  it("stacks the boxes of one layer without overlap", () => {
    const layout = layoutLineage({
      target: { model: "t", column: "x" },
      direction: "upstream",
      edges: ["a", "b", "c", "d"].map((name) => e(m(name, "x"), m("t", "x"))),
    });
    const layer = layout.nodes.filter((n) => n.distance === 1);
    assert.equal(layer.length, 4);
    assert.equal(new Set(layer.map((n) => n.x)).size, 1);
    for (const a of layer) for (const b of layer) if (a !== b) assert.ok(!overlaps(a, b), `${a.id} / ${b.id}`);
  });

  it("makes one box per model or source, with each column once, and drops repeated edges", () => {
    const layout = layoutLineage({
      target: { model: "t", column: "total" },
      direction: "upstream",
      edges: [
        e(m("orders", "amount"), m("t", "total"), "aggregation"),
        e(m("orders", "amount"), m("t", "total"), "aggregation"),
        e(m("orders", "discount"), m("t", "total"), "expression"),
        e(m("orders", "status"), m("t", "total"), "filter"),
        // A source and a model of the same name are different boxes.
        e(s("orders", "amount"), m("orders", "amount")),
      ],
    });
    assert.deepEqual(layout.nodes.map((n) => n.id).sort(), ["model:orders", "model:t", "source:orders"]);
    const orders = byId(layout.nodes).get("model:orders");
    assert.deepEqual(orders?.columns.map((c) => c.name).sort(), ["amount", "discount", "status"]);
    assert.equal(layout.edges.length, 4);
    assert.deepEqual(
      layout.edges.filter((x) => x.dashed).map((x) => x.transform),
      ["filter"],
    );
  });

  it("keeps the target column first in its box", () => {
    const layout = layoutLineage({
      target: { model: "t", column: "z" },
      direction: "downstream",
      edges: [e(m("t", "a"), m("u", "a")), e(m("t", "z"), m("u", "z"))],
    });
    const t = byId(layout.nodes).get("model:t");
    assert.deepEqual(t?.columns.map((c) => c.name), ["z", "a"]);
    assert.deepEqual(t?.columns.map((c) => c.isTarget), [true, false]);
  });

  it("ends every edge on its columns' rows", () => {
    const layout = layoutLineage(upstream);
    const nodes = byId(layout.nodes);
    for (const edge of layout.edges) {
      const from = nodes.get(edge.from.node)!;
      const to = nodes.get(edge.to.node)!;
      assert.equal(edge.start.x, from.x + from.width);
      assert.equal(edge.start.y, from.columns.find((c) => c.name === edge.from.column)?.y);
      assert.equal(edge.end.x, to.x);
      assert.equal(edge.end.y, to.columns.find((c) => c.name === edge.to.column)?.y);
      assert.ok(edge.label.x > edge.start.x && edge.label.x < edge.end.x);
    }
  });

  it("places a box reached only through a cycle", () => {
    // c -> b -> a -> t, and b <- a closes a cycle; the walk still finds every box.
    const layout = layoutLineage({
      target: { model: "t", column: "x" },
      direction: "upstream",
      edges: [e(m("b", "x"), m("a", "x")), e(m("a", "x"), m("b", "x")), e(m("a", "x"), m("t", "x")), e(m("c", "x"), m("b", "x"))],
    });
    const nodes = byId(layout.nodes);
    assert.equal(layout.nodes.length, 4);
    assert.equal(nodes.get("model:a")?.distance, 1);
    assert.equal(nodes.get("model:b")?.distance, 2);
    assert.equal(nodes.get("model:c")?.distance, 3);
  });

  it("keeps labels of a fan-in apart", () => {
    const layout = layoutLineage({
      target: { model: "t", column: "x" },
      direction: "upstream",
      edges: [
        e(m("a", "x"), m("t", "x"), "aggregation"),
        e(m("a", "x"), m("t", "x"), "filter"),
        e(m("a", "x"), m("t", "x"), "expression"),
      ],
    });
    const ys = layout.edges.map((x) => x.label.y);
    assert.equal(new Set(ys).size, 3);
  });

  it("terminates on cycles and places every box", () => {
    const layout = layoutLineage({
      target: { model: "a", column: "x" },
      direction: "upstream",
      edges: [e(m("b", "x"), m("a", "x")), e(m("a", "x"), m("b", "x")), e(m("c", "x"), m("b", "x")), e(m("a", "x"), m("a", "x"))],
    });
    const nodes = byId(layout.nodes);
    assert.equal(layout.nodes.length, 3);
    assert.equal(nodes.get("model:a")?.distance, 0);
    assert.equal(nodes.get("model:b")?.distance, 1);
    assert.equal(nodes.get("model:c")?.distance, 2);
    assert.equal(layout.edges.length, 4);
    for (const edge of layout.edges) {
      for (const v of [edge.start.x, edge.start.y, edge.end.x, edge.end.y, edge.label.x, edge.label.y]) {
        assert.ok(Number.isFinite(v));
      }
    }
  });

  it("still places boxes the walk cannot reach", () => {
    // Edges pointing the other way and an island: drawn all the same, farthest out.
    const layout = layoutLineage({
      target: { model: "t", column: "x" },
      direction: "upstream",
      edges: [e(m("a", "x"), m("t", "x")), e(m("t", "x"), m("d", "x")), e(m("p", "x"), m("q", "x"))],
    });
    const nodes = byId(layout.nodes);
    assert.equal(nodes.get("model:d")?.distance, 1);
    assert.equal(nodes.get("model:p")?.distance, 2);
    assert.equal(nodes.get("model:q")?.distance, 2);
    assert.equal(nodes.get("model:t")?.layer, 2);
    assert.ok(!overlaps(nodes.get("model:p")!, nodes.get("model:q")!));
  });

  it("widens a layer's boxes to fit the longest name", () => {
    const long = "a_really_long_column_name_that_needs_room";
    const layout = layoutLineage({
      target: { model: "t", column: long },
      direction: "upstream",
      edges: [e(m("short", "x"), m("t", long))],
    });
    const t = byId(layout.nodes).get("model:t")!;
    assert.ok(t.width >= long.length * 7);
  });

  it("names nodes by kind and name", () => {
    assert.equal(nodeId({ model: "orders", column: "id" }), "model:orders");
    assert.equal(nodeId({ source: "raw.orders" }), "source:raw.orders");
  });
});
