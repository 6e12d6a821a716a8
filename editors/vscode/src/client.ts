// The `rocky lsp` client's life: start, stop, restart, and what the rest of the extension
// sees of it (a status and a way to send requests).
import * as vscode from "vscode";
import type {
  CloseHandlerResult,
  DocumentSelector,
  ErrorHandler,
  LanguageClientOptions,
  RequestType,
  ServerOptions,
} from "vscode-languageclient/node";
import { CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, State } from "vscode-languageclient/node";
import { sqlPattern } from "./projectPaths";
import { resolveExecutable } from "./serverPath";

export type ClientStatus = "stopped" | "starting" | "running" | "failed";

export class NotRunningError extends Error {
  constructor() {
    super("the Rocky language server is not running");
  }
}

/**
 * `.rocky` files anywhere (the server finds their project), `.sql` files only inside a
 * project so that other SQL in the workspace is left to other tools, and model sidecars.
 */
export function documentSelector(roots: readonly string[]): DocumentSelector {
  return [
    { scheme: "file", language: "rocky" },
    ...roots.map((root) => ({ scheme: "file", language: "sql", pattern: sqlPattern(root) })),
    { scheme: "file", pattern: "**/models/**/*.toml" },
  ];
}

export function configuredServerPath(): string {
  return vscode.workspace.getConfiguration("rocky").get<string>("server.path", "rocky").trim() || "rocky";
}

/** The absolute path of the configured binary, or undefined when it is not there. */
export function resolveServerPath(): string | undefined {
  return resolveExecutable(configuredServerPath(), { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath });
}

export class RockyClient implements vscode.Disposable {
  // One channel for every client this extension starts, so a restart keeps the old log.
  readonly outputChannel = vscode.window.createOutputChannel("Rocky Language Server");
  private client: LanguageClient | undefined;
  private current: ClientStatus = "stopped";
  private stopping = false;
  // Start and stop run one after the other, so that a restart never races a start.
  private queue: Promise<void> = Promise.resolve();
  private readonly emitter = new vscode.EventEmitter<ClientStatus>();
  readonly onDidChangeStatus = this.emitter.event;

  constructor(private readonly roots: () => string[]) {}

  get status(): ClientStatus {
    return this.current;
  }

  start(): Promise<void> {
    // Said at once, so that callers checking the status before the queue runs do not
    // start a second time.
    if (this.current === "stopped") this.setStatus("starting");
    return this.enqueue(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.doStop();
      await this.doStart();
    });
  }

  async sendRequest<P, R>(type: RequestType<P, R, void>, params: P, token?: vscode.CancellationToken): Promise<R> {
    // A command run while the server starts waits for it rather than failing.
    if (this.current === "starting") await this.queue;
    const client = this.client;
    if (!client || this.current !== "running") throw new NotRunningError();
    return client.sendRequest(type, params, token);
  }

  asUri(uri: vscode.Uri): string {
    return this.client?.code2ProtocolConverter.asUri(uri) ?? uri.toString();
  }

  dispose(): void {
    void this.stop();
    this.emitter.dispose();
    this.outputChannel.dispose();
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const next = this.queue.then(job, job);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private setStatus(status: ClientStatus): void {
    if (this.current === status) return;
    this.current = status;
    this.emitter.fire(status);
  }

  private async doStart(): Promise<void> {
    if (this.client) return;
    const configured = configuredServerPath();
    const command = resolveServerPath();
    if (command === undefined) {
      this.setStatus("failed");
      this.outputChannel.appendLine(`Cannot find the Rocky language server binary "${configured}".`);
      void reportStartFailure(
        `Rocky: cannot find the language server "${configured}" (looked on PATH and relative to the workspace). ` +
          "Install rocky or set rocky.server.path.",
      );
      return;
    }
    const config = vscode.workspace.getConfiguration("rocky");
    let ran = false;
    const serverOptions: ServerOptions = { command, args: ["lsp"] };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(this.roots()),
      initializationOptions: { dialect: config.get<string>("dialect", "") },
      outputChannel: this.outputChannel,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // A server that cannot initialize will not do better on a retry; the user restarts.
      initializationFailedHandler: () => false,
      errorHandler: crashHandler(() => ran),
    };
    const client = new LanguageClient("rocky", "Rocky Language Server", serverOptions, clientOptions);
    client.onDidChangeState((e) => {
      if (this.client !== client) return;
      if (e.newState === State.Running) {
        ran = true;
        this.setStatus("running");
      }
      else if (e.newState === State.Starting) this.setStatus("starting");
      else if (!this.stopping) this.setStatus("failed");
    });
    this.client = client;
    this.setStatus("starting");
    try {
      await client.start();
      this.setStatus("running");
    } catch (error) {
      this.client = undefined;
      this.setStatus("failed");
      const reason = error instanceof Error ? error.message : String(error);
      this.outputChannel.appendLine(`Starting "${command} lsp" failed: ${reason}`);
      void reportStartFailure(`Rocky: the language server "${command} lsp" could not be started: ${reason}`);
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    if (!client) {
      this.setStatus("stopped");
      return;
    }
    this.stopping = true;
    try {
      await client.dispose(2000);
    } catch (error) {
      // A server that already died cannot be asked to shut down; nothing is left to stop.
      this.outputChannel.appendLine(`Stopping the server: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.client = undefined;
      this.stopping = false;
      this.setStatus("stopped");
    }
  }
}

async function reportStartFailure(message: string): Promise<void> {
  const action = await vscode.window.showErrorMessage(message, "Open Settings");
  if (action === "Open Settings") {
    await vscode.commands.executeCommand("workbench.action.openSettings", "rocky.server.path");
  }
}

/**
 * Restarts a server that crashes while running, up to 4 times in 3 minutes, but not
 * one that dies while starting: restarting that one only repeats the failure (and the
 * start's own failure is reported with the way to fix it).
 */
function crashHandler(ran: () => boolean): ErrorHandler {
  const crashes: number[] = [];
  return {
    // While starting, `closed` follows and tells the story; stopping here would race the start.
    error: (_error, _message, count) =>
      !ran()
        ? { action: ErrorAction.Continue, handled: true }
        : { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown },
    closed: (): CloseHandlerResult => {
      if (!ran()) {
        return { action: CloseAction.DoNotRestart, message: "The Rocky language server exited while starting.", handled: true };
      }
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && now - crashes[0] > 3 * 60 * 1000) crashes.shift();
      if (crashes.length <= 4) return { action: CloseAction.Restart };
      return {
        action: CloseAction.DoNotRestart,
        message:
          'The Rocky language server crashed 5 times in the last 3 minutes and will not be restarted. See its output, then run "Rocky: Restart Language Server".',
      };
    },
  };
}
