import * as vscode from "vscode";
import { configuredServerPath, resolveServerPath } from "../client";
import type { CompiledSqlProvider } from "../compiledSqlProvider";
import { commandLine, shellKind } from "../shellQuote";
import { activeModel } from "./common";

const TERMINAL_NAME = "Rocky run";

/** The "Rocky run" terminal of this project, reused while its shell lives. */
function terminalFor(root: string): vscode.Terminal {
  const existing = vscode.window.terminals.find((t) => {
    const options = t.creationOptions as vscode.TerminalOptions;
    const cwd = typeof options.cwd === "string" ? options.cwd : options.cwd?.fsPath;
    return t.name === TERMINAL_NAME && t.exitStatus === undefined && cwd === root;
  });
  return existing ?? vscode.window.createTerminal({ name: TERMINAL_NAME, cwd: root });
}

export function registerRunModel(provider: CompiledSqlProvider): vscode.Disposable {
  return vscode.commands.registerCommand("rocky.runModel", async () => {
    const found = await activeModel(provider, "finding the model");
    if (!found) return;
    const { uri, result } = found;
    const server = resolveServerPath();
    if (server === undefined) {
      void vscode.window.showErrorMessage(`Rocky: cannot find "${configuredServerPath()}" to run the model.`);
      return;
    }
    // `rocky run` reads the model from disk, not from the editor.
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc?.isDirty) await doc.save();
    const terminal = terminalFor(result.root);
    terminal.show();
    terminal.sendText(commandLine([server, "run", "--model", result.model], shellKind(vscode.env.shell)));
  });
}
