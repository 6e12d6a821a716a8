import assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import { escapeGlob, projectRootOf, sqlPattern } from "../src/projectPaths";

describe("projectPaths", () => {
  const root = path.join(path.sep, "work", "proj");
  const exists = (p: string) => p === path.join(root, "rocky.toml");

  it("finds the nearest folder holding rocky.toml", () => {
    assert.equal(projectRootOf(path.join(root, "models", "marts", "x.sql"), exists), root);
    assert.equal(projectRootOf(path.join(root, "x.sql"), exists), root);
    assert.equal(projectRootOf(path.join(path.sep, "elsewhere", "x.sql"), exists), undefined);
  });

  it("builds a literal glob for each project's SQL", () => {
    assert.equal(sqlPattern("/home/me/proj"), "/home/me/proj/**/*.sql");
    assert.equal(sqlPattern("C:\\data\\proj\\"), "C:/data/proj/**/*.sql");
    assert.equal(sqlPattern("/a/[x]{y}*?"), "/a/[[]x][{]y[}][*][?]/**/*.sql");
    assert.equal(escapeGlob("plain_name"), "plain_name");
  });
});
