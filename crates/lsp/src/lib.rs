//! The language server edge: LSP and JSON-RPC over stdio, converting to and from `ide`.
//!
//! Text-sync notifications are applied under a short lock before any `.await`; every
//! request runs on a blocking thread with an `Analysis` snapshot, and an edit cancels the
//! requests in flight (they answer `ContentModified`).

mod docs;
mod handlers;
mod line_index;
mod server;
mod state;
mod to_proto;

pub use ide;

/// Serves the language server on stdin/stdout until the client exits.
pub fn run() -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let (stdin, stdout) = (tokio::io::stdin(), tokio::io::stdout());
        let (service, socket) = tower_lsp_server::LspService::new(server::Server::new);
        tower_lsp_server::Server::new(stdin, stdout, socket).serve(service).await;
    });
    Ok(())
}
