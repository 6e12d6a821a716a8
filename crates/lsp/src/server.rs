//! The `LanguageServer` implementation: lifecycle, text sync, file watching, and the
//! dispatch of every request to `handlers` on a blocking thread.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use ide::{Cancellable, FileId, hir::input::FileStatus};
use tower_lsp_server::{
    Client, LanguageServer,
    jsonrpc::{Error, ErrorCode, Result},
    ls_types::*,
};

use crate::{
    ext, handlers,
    line_index::Encoding,
    state::{self, State, load_project, path_uri, relative, uri_path},
    to_proto::{self, Conv},
};

pub(crate) struct Server {
    client: Client,
    state: Arc<Mutex<State>>,
    bind: Option<ide::BindSql>,
}

impl Server {
    pub(crate) fn new(client: Client, bind: Option<ide::BindSql>) -> Server {
        Server { client, state: Arc::default(), bind }
    }

    pub(crate) async fn compiled_sql(
        &self,
        params: ext::CompiledSqlParams,
    ) -> Result<Option<ext::CompiledSqlResult>> {
        let bind = self.bind;
        self.request(&params.text_document.uri, None, move |conv, file| {
            ext::compiled_sql(conv, file, bind)
        })
        .await
    }

    pub(crate) async fn lineage(
        &self,
        params: ext::LineageParams,
    ) -> Result<Option<serde_json::Value>> {
        let uri = params.text_document.uri.clone();
        self.request(&uri, None, move |conv, file| ext::lineage(conv, file, &params)).await
    }

    /// `params`: `{}` (or `null`); nothing is read from them.
    pub(crate) async fn status(&self, _params: serde_json::Value) -> Result<ext::StatusResult> {
        let snapshots: Vec<(PathBuf, ide::Analysis)> = self
            .state()
            .projects
            .iter()
            .map(|(root, p)| (root.clone(), p.host.analysis()))
            .collect();
        let computed = tokio::task::spawn_blocking(move || -> Cancellable<ext::StatusResult> {
            let mut projects = Vec::new();
            for (root, analysis) in snapshots {
                let s = analysis.project_status()?;
                projects.push(ext::ProjectStatus {
                    root: root.display().to_string(),
                    models: s.models,
                    errors: s.errors,
                    warnings: s.warnings,
                });
            }
            Ok(ext::StatusResult { projects })
        })
        .await;
        answer(computed)
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A handler that panicked while holding the lock left the state as it was between
        // two whole updates: keep serving.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Loads the project at `root` unless it is loaded (the disk reads happen off the
    /// async threads), and re-applies the open documents of it over what disk says.
    async fn ensure_project(&self, root: PathBuf, reload: bool) {
        if !reload && self.state().projects.contains_key(&root) {
            return;
        }
        let dir = root.clone();
        let options = self.state().options.clone();
        let loaded = tokio::task::spawn_blocking(move || load_project(&dir, &options)).await;
        let project = match loaded {
            Ok(Ok(p)) => p,
            Ok(Err(e)) => {
                let msg = format!("rocky: cannot load the project at `{}`: {e:#}", root.display());
                self.client.show_message(MessageType::ERROR, msg).await;
                return;
            }
            Err(_) => return,
        };
        let mut st = self.state();
        let generation = st.projects.get(&root).map_or(0, |p| p.generation + 1);
        st.projects.insert(root.clone(), state::Project { generation, ..project });
        let open: Vec<(String, Arc<str>)> = st
            .docs
            .values()
            .filter(|d| d.root == root)
            .map(|d| (d.rel.clone(), Arc::from(d.rope.to_string())))
            .collect();
        for (rel, text) in open {
            st.set_file(&root, &rel, text, FileStatus::Present);
        }
    }

    /// Publishes the diagnostics of every open document of the project at `root`, unless
    /// another change supersedes them while they are computed.
    fn publish_diagnostics(&self, root: PathBuf) {
        let snapshot = {
            let st = self.state();
            let Some(p) = st.projects.get(&root) else { return };
            let files: Vec<(Uri, FileId, i32)> = st
                .docs
                .iter()
                .filter(|(_, d)| d.root == root)
                .filter_map(|(uri, d)| p.host.file(&d.rel).map(|f| (uri.clone(), f, d.version)))
                .collect();
            (p.host.analysis(), files, p.generation, st.encoding())
        };
        let (analysis, files, generation, encoding) = snapshot;
        let client = self.client.clone();
        let state = Arc::clone(&self.state);
        // The snapshot goes to a blocking thread now, not inside a task that a busy
        // runtime may not poll for a while: the next edit cancels snapshots and waits for
        // them to be dropped (under the state lock), which only running code can do.
        let dir = root.clone();
        let computed = tokio::task::spawn_blocking(move || -> Cancellable<Vec<_>> {
            let mut conv = Conv::new(&analysis, &dir, encoding);
            let mut out = Vec::new();
            for (uri, file, version) in files {
                out.push((uri, handlers::diagnostics(&mut conv, file)?, version));
            }
            Ok(out)
        });
        tokio::spawn(async move {
            let Ok(Ok(list)) = computed.await else { return };
            let current = {
                let st = state.lock().unwrap_or_else(|e| e.into_inner());
                st.projects.get(&root).map(|p| p.generation)
            };
            if current != Some(generation) {
                return;
            }
            for (uri, diags, version) in list {
                client.publish_diagnostics(uri, diags, Some(version)).await;
            }
        });
    }

    /// Runs `f` on a blocking thread with a snapshot of the project holding `uri`.
    async fn request<T, F>(&self, uri: &Uri, none: T, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Conv<'_>, FileId) -> Cancellable<T> + Send + 'static,
    {
        let ctx = {
            let st = self.state();
            st.file_of(uri).and_then(|(root, file)| {
                let p = st.projects.get(&root)?;
                Some((p.host.analysis(), root, file, st.encoding()))
            })
        };
        let Some((analysis, root, file, encoding)) = ctx else { return Ok(none) };
        let res = tokio::task::spawn_blocking(move || {
            let mut conv = Conv::new(&analysis, &root, encoding);
            f(&mut conv, file)
        })
        .await;
        answer(res)
    }
}

/// A blocking computation's answer: cancelled by an edit is `ContentModified`.
fn answer<T>(res: std::result::Result<Cancellable<T>, tokio::task::JoinError>) -> Result<T> {
    match res {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(_cancelled)) => Err(Error::new(ErrorCode::ContentModified)),
        Err(e) => {
            let mut err = Error::internal_error();
            err.message = format!("rocky: the request failed: {e}").into();
            Err(err)
        }
    }
}

fn refused(message: String) -> Error {
    Error { code: ErrorCode::InvalidRequest, message: message.into(), data: None }
}

impl LanguageServer for Server {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
        let encoding = if offered { Encoding::Utf8 } else { Encoding::Utf16 };
        let mut folders: Vec<PathBuf> =
            params.workspace_folders.iter().flatten().filter_map(|f| uri_path(&f.uri)).collect();
        #[allow(deprecated)]
        if folders.is_empty()
            && let Some(root) = params.root_uri.as_ref().and_then(uri_path)
        {
            folders.push(root);
        }
        let dialect = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("dialect"))
            .and_then(|d| d.as_str())
            .filter(|d| !d.is_empty());
        let dialect = match dialect.map(str::parse::<ide::hir::syntax::Dialect>) {
            None => None,
            Some(Ok(d)) => Some(d),
            Some(Err(e)) => {
                self.client.show_message(MessageType::WARNING, format!("rocky: {e}")).await;
                None
            }
        };
        {
            let mut st = self.state();
            st.encoding = Some(encoding);
            st.folders.clone_from(&folders);
            st.options.dialect = dialect;
        }
        for folder in folders {
            if folder.join("rocky.toml").is_file() {
                self.ensure_project(folder, false).await;
            }
        }
        let sync = TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            save: Some(TextDocumentSyncSaveOptions::Supported(true)),
            ..Default::default()
        };
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "rocky".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(match encoding {
                    Encoding::Utf8 => PositionEncodingKind::UTF8,
                    Encoding::Utf16 => PositionEncodingKind::UTF16,
                }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(sync)),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: Default::default(),
                })),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![".".into()]),
                    ..Default::default()
                }),
                signature_help_provider: Some(SignatureHelpOptions {
                    trigger_characters: Some(vec!["(".into(), ",".into()]),
                    retrigger_characters: None,
                    work_done_progress_options: Default::default(),
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::REFACTOR_REWRITE,
                        ]),
                        ..Default::default()
                    },
                )),
                inlay_hint_provider: Some(OneOf::Left(true)),
                semantic_tokens_provider: Some(
                    SemanticTokensServerCapabilities::SemanticTokensOptions(
                        SemanticTokensOptions {
                            legend: to_proto::legend(),
                            range: Some(true),
                            full: Some(SemanticTokensFullOptions::Bool(true)),
                            work_done_progress_options: Default::default(),
                        },
                    ),
                ),
                document_symbol_provider: Some(OneOf::Left(true)),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                document_formatting_provider: Some(OneOf::Left(true)),
                diagnostic_provider: Some(DiagnosticServerCapabilities::Options(
                    DiagnosticOptions {
                        identifier: Some("rocky".into()),
                        inter_file_dependencies: true,
                        workspace_diagnostics: true,
                        work_done_progress_options: Default::default(),
                    },
                )),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..Default::default()
            },
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Watch what the buffers do not cover: config, sidecars, contracts, seeds and
        // closed models. Clients without dynamic registration ignore this.
        let watchers = ["**/rocky.toml", "**/*.sql", "**/*.rocky", "**/*.toml", "**/*.json"]
            .into_iter()
            .map(|g| FileSystemWatcher { glob_pattern: GlobPattern::String(g.into()), kind: None })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "rocky-watch".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        };
        let _ = self.client.register_capability(vec![registration]).await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let Some(path) = uri_path(&doc.uri) else { return };
        let root = {
            let st = self.state();
            st.project_root_of(&path)
        };
        let root = root.or_else(|| path.parent().and_then(load::project_root_at));
        let Some(root) = root else { return };
        self.ensure_project(root.clone(), false).await;
        let Some(rel) = relative(&root, &path) else { return };
        self.state().open(doc.uri, root.clone(), rel, &doc.text, doc.version);
        self.publish_diagnostics(root);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let root = {
            let mut st = self.state();
            let uri = &params.text_document.uri;
            let changed = st.change(uri, params.text_document.version, params.content_changes);
            if !changed {
                return;
            }
            st.docs.get(uri).map(|d| d.root.clone())
        };
        if let Some(root) = root {
            self.publish_diagnostics(root);
        }
    }

    async fn did_save(&self, _: DidSaveTextDocumentParams) {}

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let closed = self.state().docs.remove(&uri);
        let Some(doc) = closed else { return };
        // A closed file is what the disk says again.
        let root = doc.root.clone();
        let rel = doc.rel.clone();
        let read = tokio::task::spawn_blocking({
            let root = root.clone();
            let rel = rel.clone();
            move || load::read(&root, &rel, ide::hir::input::FileKind::Other)
        })
        .await;
        if let Ok(Ok(fc)) = read {
            let status = if root.join(&rel).exists() { fc.status } else { FileStatus::Removed };
            self.state().set_file(&root, &rel, fc.text, status);
        }
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
        self.publish_diagnostics(root);
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let mut touched: Vec<PathBuf> = Vec::new();
        for event in params.changes {
            let Some(path) = uri_path(&event.uri) else { continue };
            let root = self.state().project_root_of(&path);
            let root = match root {
                Some(r) => r,
                None if path.file_name().is_some_and(|n| n == "rocky.toml") => {
                    match path.parent() {
                        // A new project appears inside a workspace folder.
                        Some(dir) if self.state().folders.iter().any(|f| dir.starts_with(f)) => {
                            dir.to_path_buf()
                        }
                        _ => continue,
                    }
                }
                None => continue,
            };
            let Some(rel) = relative(&root, &path) else { continue };
            if rel == "rocky.toml" {
                // The models folders may have moved: read the project again.
                self.ensure_project(root.clone(), true).await;
            } else if self.state().docs.values().any(|d| d.root == root && d.rel == rel) {
                // An open buffer is the truth for its file.
                continue;
            } else if event.typ == FileChangeType::DELETED {
                self.state().set_file(&root, &rel, Arc::from(""), FileStatus::Removed);
            } else {
                let (r, p) = (root.clone(), rel.clone());
                let read = tokio::task::spawn_blocking(move || {
                    load::read(&r, &p, ide::hir::input::FileKind::Other)
                })
                .await;
                if let Ok(Ok(fc)) = read {
                    self.state().set_file(&root, &rel, fc.text, fc.status);
                }
            }
            if !touched.contains(&root) {
                touched.push(root);
            }
        }
        for root in touched {
            self.publish_diagnostics(root);
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        for removed in &params.event.removed {
            if let Some(dir) = uri_path(&removed.uri) {
                let mut st = self.state();
                st.folders.retain(|f| *f != dir);
                st.projects.retain(|root, _| !root.starts_with(&dir));
                st.docs.retain(|_, d| !d.root.starts_with(&dir));
            }
        }
        for added in &params.event.added {
            if let Some(dir) = uri_path(&added.uri) {
                self.state().folders.push(dir.clone());
                if dir.join("rocky.toml").is_file() {
                    self.ensure_project(dir, false).await;
                }
            }
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        self.request(&p.text_document.uri, None, move |c, f| handlers::hover(c, f, p.position))
            .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        self.request(&p.text_document.uri, None, move |c, f| handlers::definition(c, f, p.position))
            .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        self.request(&p.text_document.uri, None, move |c, f| handlers::references(c, f, p.position))
            .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let pos = params.position;
        let res = self
            .request(&params.text_document.uri, Ok(None), move |c, f| {
                handlers::prepare_rename(c, f, pos)
            })
            .await?;
        res.map_err(refused)
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = params.text_document_position;
        let new_name = params.new_name;
        let res = self
            .request(&p.text_document.uri, Ok(None), move |c, f| {
                handlers::rename(c, f, p.position, &new_name)
            })
            .await?;
        res.map_err(refused)
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        self.request(&p.text_document.uri, None, move |c, f| handlers::completion(c, f, p.position))
            .await
    }

    async fn signature_help(&self, params: SignatureHelpParams) -> Result<Option<SignatureHelp>> {
        let p = params.text_document_position_params;
        self.request(&p.text_document.uri, None, move |c, f| {
            handlers::signature_help(c, f, p.position)
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let range = params.range;
        self.request(&params.text_document.uri, None, move |c, f| {
            handlers::code_actions(c, f, range)
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let range = params.range;
        self.request(&params.text_document.uri, None, move |c, f| {
            handlers::inlay_hints(c, f, range)
        })
        .await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        let data = self
            .request(&params.text_document.uri, Vec::new(), move |c, f| {
                handlers::semantic_tokens(c, f, None)
            })
            .await?;
        Ok(Some(SemanticTokensResult::Tokens(SemanticTokens { result_id: None, data })))
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        let range = params.range;
        let data = self
            .request(&params.text_document.uri, Vec::new(), move |c, f| {
                handlers::semantic_tokens(c, f, Some(range))
            })
            .await?;
        Ok(Some(SemanticTokensRangeResult::Tokens(SemanticTokens { result_id: None, data })))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.request(&params.text_document.uri, None, handlers::document_symbols).await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        self.request(&params.text_document.uri, None, handlers::formatting).await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.request(&params.text_document.uri, None, handlers::folding_ranges).await
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let items =
            self.request(&params.text_document.uri, Vec::new(), handlers::diagnostics).await?;
        Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
            RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            },
        )))
    }

    async fn workspace_diagnostic(
        &self,
        _: WorkspaceDiagnosticParams,
    ) -> Result<WorkspaceDiagnosticReportResult> {
        let snapshots: Vec<_> = {
            let st = self.state();
            let encoding = st.encoding();
            st.projects
                .iter()
                .map(|(root, p)| {
                    let files: Vec<(String, FileId)> =
                        p.host.files().map(|(path, f)| (path.to_string(), f)).collect();
                    (root.clone(), p.host.analysis(), files, encoding)
                })
                .collect()
        };
        let res = tokio::task::spawn_blocking(move || -> Cancellable<Vec<_>> {
            let mut items = Vec::new();
            for (root, analysis, files, encoding) in snapshots {
                let mut conv = Conv::new(&analysis, &root, encoding);
                for (path, file) in files {
                    let Some(uri) = path_uri(&root, &path) else { continue };
                    let diags = handlers::diagnostics(&mut conv, file)?;
                    if diags.is_empty() {
                        continue;
                    }
                    items.push(WorkspaceDocumentDiagnosticReport::Full(
                        WorkspaceFullDocumentDiagnosticReport {
                            uri,
                            version: None,
                            full_document_diagnostic_report: FullDocumentDiagnosticReport {
                                result_id: None,
                                items: diags,
                            },
                        },
                    ));
                }
            }
            Ok(items)
        })
        .await;
        match res {
            Ok(Ok(items)) => {
                Ok(WorkspaceDiagnosticReportResult::Report(WorkspaceDiagnosticReport { items }))
            }
            Ok(Err(_)) => Err(Error::new(ErrorCode::ContentModified)),
            Err(_) => Err(Error::internal_error()),
        }
    }
}
