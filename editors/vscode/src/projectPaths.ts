// Where Rocky projects are, from file paths alone: no `vscode` import, so it is unit-tested.
import * as fs from "node:fs";
import * as path from "node:path";

export const PROJECT_FILE = "rocky.toml";

/** The nearest folder at or above `file`'s folder that holds rocky.toml, as the server picks it. */
export function projectRootOf(file: string, exists: (p: string) => boolean = fs.existsSync): string | undefined {
  let dir = path.dirname(file);
  for (;;) {
    if (exists(path.join(dir, PROJECT_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * A literal path as a VS Code glob. VS Code's globs have no escape character, so each
 * special character becomes a one-character class (']' alone is literal already).
 */
export function escapeGlob(literal: string): string {
  return literal.replace(/[*?[{}]/g, (c) => `[${c}]`);
}

/** The document-filter pattern for the SQL files of the project in `folder`. */
export function sqlPattern(folder: string): string {
  const slashed = folder.replace(/\\/g, "/").replace(/\/+$/, "");
  return `${escapeGlob(slashed)}/**/*.sql`;
}
