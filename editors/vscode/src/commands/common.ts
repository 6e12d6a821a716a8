// What the commands share: finding the model the user means and reporting failures.
import * as vscode from "vscode";
import { NotRunningError } from "../client";
import type { CompiledSqlProvider } from "../compiledSqlProvider";
import { COMPILED_SCHEME } from "../compiledSqlProvider";
import type { CompiledSql } from "../protocol";

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

/**
 * The model of the active editor and its compiled SQL, or undefined after telling the user
 * why not (no model open, the request failed while `doing` it, the file is no model).
 */
export async function activeModel(
  provider: CompiledSqlProvider,
  doing: string,
): Promise<{ uri: vscode.Uri; result: CompiledSql } | undefined> {
  const active = activeModelEditor(provider);
  if (!active) return undefined;
  let result: CompiledSql | null;
  try {
    result = await provider.request(active.uri);
  } catch (error) {
    reportRequestError(doing, error);
    return undefined;
  }
  if (!result) {
    void vscode.window.showInformationMessage("Rocky: this file is not a model.");
    return undefined;
  }
  return { uri: active.uri, result };
}
