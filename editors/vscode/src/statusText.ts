// The status bar's words for the projects' state; no `vscode` import, so it is unit-tested.
import type { Status } from "./protocol";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function statusText(status: Status): { text: string; tooltip: string } {
  const total = { models: 0, errors: 0, warnings: 0 };
  for (const p of status.projects) {
    total.models += p.models;
    total.errors += p.errors;
    total.warnings += p.warnings;
  }
  let text = `$(database) Rocky: ${count(total.models, "model", "models")}`;
  if (total.errors > 0) text += ` · ${count(total.errors, "error", "errors")}`;
  if (total.warnings > 0) text += ` · ${count(total.warnings, "warning", "warnings")}`;
  const lines = status.projects.map(
    (p) =>
      `${p.root}: ${count(p.models, "model", "models")}, ${count(p.errors, "error", "errors")}, ${count(p.warnings, "warning", "warnings")}`,
  );
  const tooltip = [lines.length > 0 ? lines.join("\n") : "No Rocky project open", "Click to show the server output"].join(
    "\n",
  );
  return { text, tooltip };
}
