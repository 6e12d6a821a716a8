import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { escapeXml, parsePageMessage, renderPage } from "../src/lineageHtml";
import { layoutLineage } from "../src/lineageLayout";

describe("renderPage", () => {
  const layout = layoutLineage({
    target: { model: "t<1>", column: "x" },
    direction: "upstream",
    edges: [
      { from: { source: "raw.o", column: "a&b" }, to: { model: "t<1>", column: "x" }, transform: "filter" },
      { from: { model: "m", column: "y" }, to: { model: "t<1>", column: "x" }, transform: "window" },
    ],
  });
  const html = renderPage(layout, { title: "Lineage: t<1>.x", direction: "upstream", includeFilters: true }, "abc123");

  it("allows only its own nonce'd script and style", () => {
    assert.match(html, /default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123';/);
    assert.equal((html.match(/<script nonce="abc123">/g) ?? []).length, 1);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, "no network resource");
    assert.doesNotMatch(html, /\sstyle="/, "no inline style attribute");
    assert.doesNotMatch(html, /\son[a-z]+="/, "no inline event handler");
  });

  it("escapes names and marks filter edges dashed", () => {
    assert.ok(html.includes("t&#60;1&#62;"));
    assert.ok(!html.includes("t<1>"));
    assert.ok(html.includes("a&#38;b"));
    assert.match(html, /class="edge filter dashed"/);
    assert.match(html, /class="edge window"/);
    assert.match(html, />window<\/text>/);
  });

  it("makes model boxes clickable, not sources", () => {
    assert.match(html, /data-model="m"/);
    assert.doesNotMatch(html, /data-model="raw\.o"/);
  });

  it("shows the toggles' state", () => {
    assert.match(html, /data-direction="upstream" aria-pressed="true"/);
    assert.match(html, /data-direction="downstream" aria-pressed="false"/);
    assert.match(html, /id="filters" checked/);
  });

  it("shows a message instead of a graph", () => {
    const page = renderPage(undefined, { title: "L", direction: "downstream", includeFilters: false, message: "<none>" }, "n");
    assert.ok(page.includes("&#60;none&#62;"));
    assert.ok(!page.includes("<svg"));
  });
});

describe("parsePageMessage", () => {
  it("accepts the page's messages and nothing else", () => {
    assert.deepEqual(parsePageMessage({ type: "direction", direction: "downstream" }), {
      type: "direction",
      direction: "downstream",
    });
    assert.deepEqual(parsePageMessage({ type: "includeFilters", value: true }), { type: "includeFilters", value: true });
    assert.deepEqual(parsePageMessage({ type: "openModel", model: "m" }), { type: "openModel", model: "m" });
    assert.equal(parsePageMessage({ type: "direction", direction: "sideways" }), undefined);
    assert.equal(parsePageMessage({ type: "openModel", model: 3 }), undefined);
    assert.equal(parsePageMessage(null), undefined);
    assert.equal(parsePageMessage("openModel"), undefined);
  });

  it("escapes every markup character", () => {
    assert.equal(escapeXml(`<a href="x">'&'</a>`), "&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;");
  });
});
