// Read-only documents holding a model's compiled SQL, kept current while their source is
// edited.
import * as vscode from "vscode";
import type { RockyClient } from "./client";
import type { CompiledSql } from "./protocol";
import { compiledSqlRequest } from "./protocol";

export const COMPILED_SCHEME = "rocky-compiled";
const REFRESH_DELAY_MS = 400;

interface Shown {
  source: vscode.Uri;
  sql: string;
}

export function compiledUri(result: CompiledSql): vscode.Uri {
  // The root goes in the query: two projects may hold models of the same name.
  return vscode.Uri.from({
    scheme: COMPILED_SCHEME,
    path: `/${result.model}.sql`,
    query: new URLSearchParams({ root: result.root }).toString(),
  });
}

export class CompiledSqlProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly shown = new Map<string, Shown>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: RockyClient) {
    this.subscriptions.push(
      vscode.workspace.registerTextDocumentContentProvider(COMPILED_SCHEME, this),
      vscode.workspace.onDidChangeTextDocument((e) => this.sourceChanged(e.document.uri)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme === COMPILED_SCHEME) this.shown.delete(doc.uri.toString());
      }),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.shown.get(uri.toString())?.sql ?? '-- Run "Rocky: Show Compiled SQL" on the model to see its SQL.\n';
  }

  /** The model file behind a compiled-SQL document, so commands work from either. */
  sourceOf(uri: vscode.Uri): vscode.Uri | undefined {
    return this.shown.get(uri.toString())?.source;
  }

  request(source: vscode.Uri): Promise<CompiledSql | null> {
    return this.client.sendRequest(compiledSqlRequest, { textDocument: { uri: this.client.asUri(source) } });
  }

  /** Records (or updates) the compiled SQL of `source` and returns its document's URI. */
  put(source: vscode.Uri, result: CompiledSql): vscode.Uri {
    const uri = compiledUri(result);
    this.shown.set(uri.toString(), { source, sql: result.sql });
    this.emitter.fire(uri);
    return uri;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }

  private sourceChanged(source: vscode.Uri): void {
    if (source.scheme === COMPILED_SCHEME) return;
    const key = source.toString();
    if (![...this.shown.values()].some((s) => s.source.toString() === key)) return;
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.refresh(source);
      }, REFRESH_DELAY_MS),
    );
  }

  private async refresh(source: vscode.Uri): Promise<void> {
    const key = source.toString();
    let sql: string | undefined;
    try {
      const result = await this.request(source);
      sql = result ? result.sql : "-- This file is no longer a model.\n";
    } catch {
      // The server is busy or gone (an edit cancels requests in flight); the next edit retries.
      return;
    }
    for (const [uri, shown] of this.shown) {
      if (shown.source.toString() !== key || shown.sql === sql) continue;
      shown.sql = sql;
      this.emitter.fire(vscode.Uri.parse(uri));
    }
  }
}
