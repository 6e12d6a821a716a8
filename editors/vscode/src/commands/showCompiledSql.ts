import * as vscode from "vscode";
import type { CompiledSqlProvider } from "../compiledSqlProvider";
import { activeModel } from "./common";

export function registerShowCompiledSql(provider: CompiledSqlProvider): vscode.Disposable {
  return vscode.commands.registerCommand("rocky.showCompiledSql", async () => {
    const found = await activeModel(provider, "compiling the model");
    if (!found) return;
    const { uri, result } = found;
    const compiled = provider.put(uri, result);
    const doc = await vscode.workspace.openTextDocument(compiled);
    await vscode.languages.setTextDocumentLanguage(doc, "sql");
    await vscode.window.showTextDocument(doc, {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
      preview: true,
    });
  });
}
