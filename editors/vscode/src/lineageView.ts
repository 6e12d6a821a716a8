// The lineage webview: one panel, re-rendered on each answer of `rocky/lineage`.
import { randomBytes } from "node:crypto";
import * as vscode from "vscode";
import type { RockyClient } from "./client";
import { parsePageMessage, renderPage } from "./lineageHtml";
import { endpointName, layoutLineage } from "./lineageLayout";
import { escapeGlob, projectRootOf } from "./projectPaths";
import type { Lineage, LineageDirection } from "./protocol";
import { lineageRequest } from "./protocol";

interface Query {
  uri: vscode.Uri;
  position: vscode.Position;
  direction: LineageDirection;
  includeFilters: boolean;
}

export function lineageTitle(lineage: Lineage): string {
  const t = lineage.target;
  return `Lineage: ${endpointName(t)}${t.column !== undefined ? `.${t.column}` : ""}`;
}

export class LineageView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private query: Query | undefined;

  constructor(private readonly client: RockyClient) {}

  /** Shows the lineage at `position`; false (and no panel) when nothing is there. */
  async show(uri: vscode.Uri, position: vscode.Position): Promise<boolean> {
    // The toggles carry over from the last graph: users tend to keep one way of looking.
    const query: Query = {
      uri,
      position,
      direction: this.query?.direction ?? "upstream",
      includeFilters: this.query?.includeFilters ?? false,
    };
    const lineage = await this.fetch(query);
    if (!lineage) return false;
    this.query = query;
    this.render(lineage);
    return true;
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private fetch(q: Query): Promise<Lineage | null> {
    return this.client.sendRequest(lineageRequest, {
      textDocument: { uri: this.client.asUri(q.uri) },
      position: { line: q.position.line, character: q.position.character },
      direction: q.direction,
      includeFilters: q.includeFilters,
    });
  }

  private ensurePanel(): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const panel = vscode.window.createWebviewPanel(
      "rocky.lineage",
      "Lineage",
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [] },
    );
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    panel.webview.onDidReceiveMessage((data) => void this.onMessage(data));
    this.panel = panel;
    return panel;
  }

  private render(lineage: Lineage | undefined, message?: string): void {
    const q = this.query;
    if (!q) return;
    const panel = this.ensurePanel();
    const title = lineage ? lineageTitle(lineage) : panel.title;
    panel.title = title;
    const nonce = randomBytes(16).toString("hex");
    const state = { title, direction: q.direction, includeFilters: q.includeFilters, message };
    panel.webview.html = renderPage(lineage ? layoutLineage(lineage) : undefined, state, nonce);
    panel.reveal(undefined, true);
  }

  private async onMessage(data: unknown): Promise<void> {
    const m = parsePageMessage(data);
    const q = this.query;
    if (!m || !q) return;
    if (m.type === "openModel") return this.openModel(m.model, q.uri);
    if (m.type === "direction") q.direction = m.direction;
    else q.includeFilters = m.value;
    try {
      const lineage = await this.fetch(q);
      if (lineage) this.render(lineage);
      else this.render(undefined, "The server finds no lineage here any more (was the file edited?).");
    } catch (error) {
      this.render(undefined, `rocky/lineage failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async openModel(model: string, from: vscode.Uri): Promise<void> {
    const root = from.scheme === "file" ? projectRootOf(from.fsPath) : undefined;
    const glob = `models/**/${escapeGlob(model)}.{sql,rocky}`;
    const pattern = root !== undefined ? new vscode.RelativePattern(root, glob) : `**/${glob}`;
    const [file] = await vscode.workspace.findFiles(pattern, "**/node_modules/**", 1);
    if (!file) {
      void vscode.window.showInformationMessage(`Rocky: no file found for model "${model}".`);
      return;
    }
    await vscode.window.showTextDocument(file, { viewColumn: vscode.ViewColumn.One });
  }
}
