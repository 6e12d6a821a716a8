import * as vscode from "vscode";
import type { RockyClient } from "../client";

export function registerRestartServer(client: RockyClient): vscode.Disposable {
  return vscode.commands.registerCommand("rocky.restartServer", () => client.restart());
}
