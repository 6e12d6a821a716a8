import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { statusText } from "../src/statusText";

describe("statusText", () => {
  it("counts models, and problems only when there are some", () => {
    assert.equal(statusText({ projects: [{ root: "/p", models: 12, errors: 0, warnings: 0 }] }).text, "$(database) Rocky: 12 models");
    assert.equal(
      statusText({
        projects: [
          { root: "/p", models: 3, errors: 1, warnings: 0 },
          { root: "/q", models: 2, errors: 1, warnings: 1 },
        ],
      }).text,
      "$(database) Rocky: 5 models · 2 errors · 1 warning",
    );
    assert.equal(statusText({ projects: [] }).text, "$(database) Rocky: 0 models");
  });

  it("lists each project in the tooltip", () => {
    const { tooltip } = statusText({ projects: [{ root: "/p", models: 1, errors: 0, warnings: 2 }] });
    assert.match(tooltip, /^\/p: 1 model, 0 errors, 2 warnings$/m);
  });
});
