// Rocky's own LSP requests, beyond the standard protocol. Shapes mirror the server's
// `crates/lsp/src/ext.rs`; the lineage answer is `rocky lineage --format json` (CLI.md)
// without `version` and `command`.
import { RequestType } from "vscode-languageclient/node";

export interface TextDocumentParams {
  textDocument: { uri: string };
}

export interface CompiledSql {
  /** The project folder (the one holding rocky.toml). */
  root: string;
  model: string;
  sql: string;
}

export type LineageDirection = "upstream" | "downstream";

export type Transform = "direct" | "cast" | "aggregation" | "expression" | "window" | "filter";

export type Endpoint = { model: string; column: string } | { source: string; column: string };

export type LineageTarget = { model: string; column?: string } | { source: string; column?: string };

export interface LineageEdge {
  from: Endpoint;
  to: Endpoint;
  transform: Transform;
}

export interface Lineage {
  target: LineageTarget;
  direction: LineageDirection;
  edges: LineageEdge[];
}

export interface LineageParams extends TextDocumentParams {
  position: { line: number; character: number };
  direction: LineageDirection;
  includeFilters: boolean;
}

export interface ProjectStatus {
  root: string;
  models: number;
  errors: number;
  warnings: number;
}

export interface Status {
  projects: ProjectStatus[];
}

/** `null` when the document is not a model. */
export const compiledSqlRequest = new RequestType<TextDocumentParams, CompiledSql | null, void>(
  "rocky/compiledSql",
);

/** `null` when the cursor is on no model column, source column or model name. */
export const lineageRequest = new RequestType<LineageParams, Lineage | null, void>("rocky/lineage");

export const statusRequest = new RequestType<Record<string, never>, Status, void>("rocky/status");
