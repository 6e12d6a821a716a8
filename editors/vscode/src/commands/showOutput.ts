import * as vscode from "vscode";
import type { RockyClient } from "../client";

export function registerShowOutput(client: RockyClient): vscode.Disposable {
  return vscode.commands.registerCommand("rocky.showOutput", () => client.outputChannel.show(true));
}
