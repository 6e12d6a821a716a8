import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { resolveExecutable } from "../src/serverPath";

describe("resolveExecutable", () => {
  const files = new Set(["/usr/bin/rocky", "/opt/rocky/bin/rocky", "/work/proj/target/debug/rocky"]);
  const isExecutable = (f: string) => files.has(f);

  it("looks bare names up on PATH, in order", () => {
    const env = { PATH: "/nowhere:/usr/bin:/opt/rocky/bin" };
    assert.equal(resolveExecutable("rocky", { env, platform: "linux", isExecutable }), "/usr/bin/rocky");
    assert.equal(resolveExecutable("missing", { env, platform: "linux", isExecutable }), undefined);
    assert.equal(resolveExecutable("  ", { env, platform: "linux", isExecutable }), undefined);
  });

  it("takes paths as given, relative ones from the workspace", () => {
    const opts = { env: { PATH: "" }, platform: "linux" as const, isExecutable, cwd: "/work/proj" };
    assert.equal(resolveExecutable("/opt/rocky/bin/rocky", opts), "/opt/rocky/bin/rocky");
    assert.equal(resolveExecutable("target/debug/rocky", opts), "/work/proj/target/debug/rocky");
    assert.equal(resolveExecutable("./target/debug/rocky", opts), "/work/proj/target/debug/rocky");
  });

  it("tries PATHEXT on Windows", () => {
    const win = new Set(["C:\\tools\\rocky.EXE"]);
    const found = resolveExecutable("rocky", {
      env: { Path: "C:\\nowhere;C:\\tools", PATHEXT: ".COM;.EXE" },
      platform: "win32",
      isExecutable: (f) => win.has(f),
    });
    assert.equal(found, "C:\\tools\\rocky.EXE");
  });
});
