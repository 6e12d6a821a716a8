// Resolving the configured `rocky` binary ourselves (rather than letting spawn fail) gives
// the user a message that names what was looked for, and lets `rocky.runModel` hand the
// terminal the same absolute path the language server runs.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export interface ResolveOptions {
  /** Folder a relative path is taken from (the first workspace folder). */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  isExecutable?: (file: string) => boolean;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform !== "win32") fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function resolveExecutable(command: string, options: ResolveOptions = {}): string | undefined {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const isExecutable = options.isExecutable ?? isExecutableFile;
  const p = platform === "win32" ? path.win32 : path.posix;
  let cmd = command.trim();
  if (cmd === "") return undefined;
  if (cmd === "~" || cmd.startsWith("~/") || cmd.startsWith("~\\")) cmd = p.join(os.homedir(), cmd.slice(1));
  const extensions =
    platform === "win32"
      ? ["", ...(env.PATHEXT ?? env.Pathext ?? ".COM;.EXE;.BAT;.CMD").split(";").filter(Boolean)]
      : [""];
  const withExtension = (file: string) => extensions.map((e) => file + e).find(isExecutable);
  const hasSeparator = platform === "win32" ? /[\\/]/.test(cmd) : cmd.includes("/");
  if (hasSeparator || p.isAbsolute(cmd)) {
    return withExtension(p.resolve(options.cwd ?? process.cwd(), cmd));
  }
  const dirs = (env.PATH ?? env.Path ?? "").split(platform === "win32" ? ";" : ":").filter(Boolean);
  for (const dir of dirs) {
    const found = withExtension(p.join(dir, cmd));
    if (found) return found;
  }
  return undefined;
}
