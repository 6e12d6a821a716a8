// What the commands share: finding the model the user means and reporting failures.
import * as vscode from "vscode";
import { NotRunningError } from "../client";
import type { CompiledSqlProvider } from "../compiledSqlProvider";
import { COMPILED_SCHEME } from "../compiledSqlProvider";

/**
 * The file of the active editor, or the model behind it when the editor shows compiled
 * SQL, so that a command works from either side.
 */
export function activeModelEditor(provider: CompiledSqlProvider): { editor: vscode.TextEditor; uri: vscode.Uri } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage("Rocky: open a model (.sql or .rocky) first.");
    return undefined;
  }
  const uri = editor.document.uri;
  if (uri.scheme === COMPILED_SCHEME) {
    const source = provider.sourceOf(uri);
    return source ? { editor, uri: source } : undefined;
  }
  if (uri.scheme !== "file") {
    void vscode.window.showInformationMessage("Rocky: this editor does not show a file of a Rocky project.");
    return undefined;
  }
  return { editor, uri };
}

export function reportRequestError(what: string, error: unknown): void {
  if (error instanceof NotRunningError) {
    void vscode.window
      .showWarningMessage("Rocky: the language server is not running.", "Restart Server")
      .then((action) => action && vscode.commands.executeCommand("rocky.restartServer"));
    return;
  }
  const reason = error instanceof Error ? error.message : String(error);
  void vscode.window.showErrorMessage(`Rocky: ${what} failed: ${reason}`);
}
