import * as vscode from "vscode";
import type { CompiledSqlProvider } from "../compiledSqlProvider";
import type { CompiledSql } from "../protocol";
import { activeModelEditor, reportRequestError } from "./common";

export function registerShowCompiledSql(provider: CompiledSqlProvider): vscode.Disposable {
  return vscode.commands.registerCommand("rocky.showCompiledSql", async () => {
    const active = activeModelEditor(provider);
    if (!active) return;
    let result: CompiledSql | null;
    try {
      result = await provider.request(active.uri);
    } catch (error) {
      reportRequestError("compiling the model", error);
      return;
    }
    if (!result) {
      void vscode.window.showInformationMessage("Rocky: this file is not a model.");
      return;
    }
    const uri = provider.put(active.uri, result);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, "sql");
    await vscode.window.showTextDocument(doc, {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
      preview: true,
    });
  });
}
