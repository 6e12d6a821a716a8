// The Rocky projects the client serves: folders holding rocky.toml in the workspace, plus
// those above the SQL and `.rocky` files opened from elsewhere.
import * as path from "node:path";
import * as vscode from "vscode";
import { PROJECT_FILE, projectRootOf } from "./projectPaths";

export function isRockyCandidate(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme === "file" && (doc.languageId === "sql" || doc.languageId === "rocky");
}

export class ProjectRoots implements vscode.Disposable {
  private readonly roots = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when a project appears or disappears: the document selector changes with it. */
  readonly onDidChange = this.emitter.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${PROJECT_FILE}`, false, true, false);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      this.watcher,
      this.watcher.onDidCreate((uri) => this.update(() => this.roots.add(path.dirname(uri.fsPath)))),
      this.watcher.onDidDelete((uri) => this.update(() => this.roots.delete(path.dirname(uri.fsPath)))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scan()),
    );
  }

  list(): string[] {
    return [...this.roots].sort();
  }

  /** Finds every project anew (the workspace folders may have changed). */
  async scan(): Promise<void> {
    const found = await vscode.workspace.findFiles(`**/${PROJECT_FILE}`, "**/{node_modules,.git,target}/**");
    this.update(() => {
      this.roots.clear();
      for (const uri of found) this.roots.add(path.dirname(uri.fsPath));
      for (const doc of vscode.workspace.textDocuments) this.addRootOf(doc);
    });
  }

  /** Adds the project above `doc`, if any; true when it was new. */
  addFromDocument(doc: vscode.TextDocument): boolean {
    let added = false;
    this.update(() => {
      added = this.addRootOf(doc);
    });
    return added;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }

  private addRootOf(doc: vscode.TextDocument): boolean {
    if (!isRockyCandidate(doc)) return false;
    const root = projectRootOf(doc.uri.fsPath);
    if (root === undefined || this.roots.has(root)) return false;
    this.roots.add(root);
    return true;
  }

  private update(change: () => unknown): void {
    const before = this.list().join("\n");
    change();
    if (this.list().join("\n") !== before) this.emitter.fire();
  }
}
