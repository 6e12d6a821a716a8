import * as vscode from "vscode";
import type { CompiledSqlProvider } from "../compiledSqlProvider";
import { COMPILED_SCHEME } from "../compiledSqlProvider";
import type { LineageView } from "../lineageView";
import { activeModelEditor, reportRequestError } from "./common";

export function registerShowLineage(view: LineageView, provider: CompiledSqlProvider): vscode.Disposable {
  return vscode.commands.registerCommand("rocky.showLineage", async () => {
    const active = activeModelEditor(provider);
    if (!active) return;
    if (active.editor.document.uri.scheme === COMPILED_SCHEME) {
      // A cursor in compiled SQL has no place in the model's own text.
      void vscode.window.showInformationMessage("Rocky: show lineage from the model's own file.");
      return;
    }
    try {
      const shown = await view.show(active.uri, active.editor.selection.active);
      if (!shown) {
        void vscode.window.showInformationMessage(
          "Rocky: no lineage here. Put the cursor on a model column, a source column or a model name.",
        );
      }
    } catch (error) {
      reportRequestError("lineage", error);
    }
  });
}
