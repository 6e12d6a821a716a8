// Quoting for a command line typed into a VS Code terminal, whose shell we do not start
// ourselves: each shell family has its own rules.
export type ShellKind = "posix" | "fish" | "powershell" | "cmd";

export function shellKind(shellPath: string | undefined, platform: NodeJS.Platform = process.platform): ShellKind {
  const name = (shellPath ?? "").split(/[\\/]/).pop()?.toLowerCase().replace(/\.exe$/, "") ?? "";
  if (name === "pwsh" || name === "powershell") return "powershell";
  if (name === "cmd") return "cmd";
  if (name === "fish") return "fish";
  if (name === "") return platform === "win32" ? "powershell" : "posix";
  return "posix";
}

export function quoteArg(arg: string, kind: ShellKind): string {
  switch (kind) {
    case "posix":
      return /^[A-Za-z0-9_/.,:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
    case "fish":
      return /^[A-Za-z0-9_/.,:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/[\\']/g, (c) => `\\${c}`)}'`;
    case "powershell":
      return /^[A-Za-z0-9_\\/.:=+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "''")}'`;
    case "cmd":
      return /^[A-Za-z0-9_\\/.:=+-]+$/.test(arg) ? arg : `"${arg.replace(/"/g, '""')}"`;
  }
}

export function commandLine(args: string[], kind: ShellKind): string {
  const line = args.map((a) => quoteArg(a, kind)).join(" ");
  // PowerShell reads a quoted first word as a string, not a command, without the call operator.
  return kind === "powershell" && line.startsWith("'") ? `& ${line}` : line;
}
