//! The table of diagnostic codes, written once per server version to a file the code
//! descriptions of diagnostics link to (no network, no invented web page).

use std::sync::OnceLock;

use ide::hir::Code;
use tower_lsp_server::ls_types::Uri;

static PAGE: OnceLock<Option<Uri>> = OnceLock::new();

/// `file://.../rocky-<version>/diagnostics.md`, written on first use.
pub(crate) fn diagnostics_page() -> Option<&'static Uri> {
    PAGE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("rocky-{}", env!("CARGO_PKG_VERSION")));
        let path = dir.join("diagnostics.md");
        if !path.is_file() {
            std::fs::create_dir_all(&dir).ok()?;
            // Written aside and moved, so two servers starting at once never read half a page.
            let tmp = dir.join(format!("diagnostics.{}.md", std::process::id()));
            std::fs::write(&tmp, markdown()).ok()?;
            std::fs::rename(&tmp, &path).ok()?;
        }
        Uri::from_file_path(&path)
    })
    .as_ref()
}

fn markdown() -> String {
    let mut s =
        String::from("# Rocky diagnostic codes\n\n| code | severity | meaning |\n|---|---|---|\n");
    for code in Code::ALL {
        s.push_str(&format!(
            "| <a id=\"{}\"></a>{} | {} | {} |\n",
            code.as_str().to_lowercase(),
            code.as_str(),
            code.default_severity().as_str(),
            code.summary()
        ));
    }
    s
}
