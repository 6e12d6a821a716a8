// The status bar item: the client's state, then the projects' model and problem counts.
import * as vscode from "vscode";
import type { ClientStatus, RockyClient } from "./client";
import { statusRequest } from "./protocol";
import { statusText } from "./statusText";

const REFRESH_DELAY_MS = 500;
const WATCHED = /\.(sql|rocky|toml)$/i;

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("rocky.status", vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  // Answers can arrive out of order; only the latest request's answer is shown.
  private generation = 0;
  private started = false;

  constructor(private readonly client: RockyClient) {
    this.item.name = "Rocky";
    this.item.command = "rocky.showOutput";
    this.subscriptions.push(
      this.item,
      client.onDidChangeStatus((s) => this.onStatus(s)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => WATCHED.test(u.path))) this.schedule();
      }),
    );
    this.onStatus(client.status);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }

  private onStatus(status: ClientStatus): void {
    this.generation++;
    switch (status) {
      case "starting":
        this.started = true;
        this.show("$(sync~spin) Rocky: starting", "The Rocky language server is starting");
        break;
      case "running":
        this.show("$(database) Rocky", "The Rocky language server is running");
        void this.refresh();
        break;
      case "stopped":
      case "failed":
        // Before the first start this workspace may hold no Rocky project: stay hidden.
        if (!this.started) return;
        this.show("$(error) Rocky: stopped", "The Rocky language server is not running. Click to show its output.");
        break;
    }
  }

  private schedule(): void {
    if (this.client.status !== "running") return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    try {
      const status = await this.client.sendRequest(statusRequest, {});
      if (generation !== this.generation || this.client.status !== "running") return;
      const { text, tooltip } = statusText(status);
      this.show(text, tooltip);
    } catch (error) {
      if (generation !== this.generation || this.client.status !== "running") return;
      this.client.outputChannel.appendLine(
        `rocky/status failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private show(text: string, tooltip: string): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.show();
  }
}
