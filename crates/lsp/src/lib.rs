//! The language server edge: LSP and JSON-RPC over stdio, converting to and from `ide`.
//!
//! Text-sync notifications are applied under a short lock before any `.await`; every
//! request runs on a blocking thread with an `Analysis` snapshot, and an edit cancels the
//! requests in flight (they answer `ContentModified`).

mod docs;
mod ext;
mod handlers;
mod line_index;
mod server;
mod state;
mod to_proto;

pub use ide;

/// Serves the language server on stdin/stdout until the client exits. `bind` shows a
/// model's compiled SQL with its references bound to tables, when the binary has the
/// warehouse layer.
pub fn run(bind: Option<ide::BindSql>) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let (stdin, stdout) = (tokio::io::stdin(), tokio::io::stdout());
        let (service, socket) =
            tower_lsp_server::LspService::build(|client| server::Server::new(client, bind))
                .custom_method("rocky/compiledSql", server::Server::compiled_sql)
                .custom_method("rocky/lineage", server::Server::lineage)
                .custom_method("rocky/status", server::Server::status)
                .finish();
        tower_lsp_server::Server::new(stdin, stdout, socket).serve(service).await;
    });
    Ok(())
}
