// Entry point: wires the client, the project tracker, the status item and the commands.
import * as vscode from "vscode";
import { RockyClient } from "./client";
import { registerRestartServer } from "./commands/restartServer";
import { registerRunModel } from "./commands/runModel";
import { registerShowCompiledSql } from "./commands/showCompiledSql";
import { registerShowLineage } from "./commands/showLineage";
import { registerShowOutput } from "./commands/showOutput";
import { CompiledSqlProvider } from "./compiledSqlProvider";
import { LineageView } from "./lineageView";
import { ProjectRoots } from "./projects";
import { StatusItem } from "./status";

let client: RockyClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const projects = new ProjectRoots();
  const rocky = new RockyClient(() => projects.list());
  client = rocky;
  const compiled = new CompiledSqlProvider(rocky);
  const lineage = new LineageView(rocky);
  context.subscriptions.push(
    projects,
    rocky,
    new StatusItem(rocky),
    compiled,
    lineage,
    registerRestartServer(rocky),
    registerShowOutput(rocky),
    registerShowCompiledSql(compiled),
    registerShowLineage(lineage, compiled),
    registerRunModel(compiled),
  );

  // `.sql` files activate the extension in any workspace; the server starts only for a
  // Rocky project, or for a `.rocky` file (the server looks for its project itself).
  const wanted = () =>
    projects.list().length > 0 ||
    vscode.workspace.textDocuments.some((d) => d.uri.scheme === "file" && d.languageId === "rocky");
  // A failed start waits for the user (restart command or a settings change) instead of
  // failing again on every file opened.
  const ensureStarted = () => {
    if (rocky.status === "stopped" && wanted()) void rocky.start();
  };

  context.subscriptions.push(
    projects.onDidChange(() => {
      // The document selector names each project's folder: a new client picks up the change.
      if (rocky.status === "running" || rocky.status === "starting") void rocky.restart();
      else ensureStarted();
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (!projects.addFromDocument(doc)) ensureStarted();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration("rocky.server.path") && !e.affectsConfiguration("rocky.dialect")) return;
      if (rocky.status !== "stopped" || wanted()) void rocky.restart();
    }),
  );

  await projects.scan();
  ensureStarted();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
