//! The language server under 20,000 random edits (inserts, deletes, pastes of other files)
//! with requests in flight: it never crashes or hangs, and after the last edit its
//! diagnostics equal those of a fresh `rocky check` of the same text.

#![allow(clippy::unwrap_used, clippy::disallowed_methods)]

mod lsp_client;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use lsp_client::{Client, copy_project};
use serde_json::{Value, json};

const EDITS: usize = 20_000;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SNIPPETS: &[&str] = &[
    " ",
    "\n",
    "(",
    ")",
    ",",
    ".",
    "'",
    "\"",
    "*",
    "+",
    " = ",
    ";",
    "--",
    "SELECT ",
    "FROM ",
    "WHERE ",
    "GROUP BY ",
    "JOIN ",
    " ON ",
    "AS ",
    "sum(",
    "count(*)",
    "CASE WHEN ",
    " END",
    "order_key",
    "net_amount",
    "stg_orders",
    "x",
    "1",
    "'é😀'",
    "\r\n",
    "WITH c AS (",
    "@var(",
];

/// An LSP position (UTF-16) of a byte offset.
fn position(text: &str, at: usize) -> Value {
    let before = &text[..at];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let col: usize = text[start..at].chars().map(char::len_utf16).sum();
    json!({ "line": line, "character": col })
}

fn char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `(file, code, line, column in characters)` of every diagnostic, 1-based like the CLI.
type Key = (String, String, u64, u64);

#[test]
fn random_edits_end_where_rocky_check_ends() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test_data/projects/analytics");
    let tmp =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("lsp-stress-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let live = tmp.join("live");
    copy_project(&src, &live);
    let files = [
        "models/staging/stg_orders.sql",
        "models/intermediate/int_order_lines.sql",
        "models/intermediate/int_order_totals.sql",
        "models/marts/mart_clerk_performance.sql",
        "models/marts/mart_cohort_retention.sql",
    ];
    let mut texts: Vec<String> =
        files.iter().map(|f| std::fs::read_to_string(live.join(f)).unwrap()).collect();
    let pastes: Vec<String> = texts.clone();
    let mut c = Client::start(&live, &["utf-16"]);
    for (f, t) in files.iter().zip(&texts) {
        c.open(f, t);
    }
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let mut versions = vec![0i32; files.len()];
    let mut pending: Vec<i64> = Vec::new();
    for i in 0..EDITS {
        let d = rng.below(files.len());
        let text = &mut texts[d];
        let (start, end, insert) = match rng.below(10) {
            0..=4 => {
                let at = char_boundary(text, rng.below(text.len() + 1));
                (at, at, SNIPPETS[rng.below(SNIPPETS.len())].to_string())
            }
            5..=7 if !text.is_empty() => {
                let a = char_boundary(text, rng.below(text.len()));
                let b = char_boundary(text, (a + 1 + rng.below(20)).min(text.len()));
                (a, b, String::new())
            }
            _ => {
                let p = &pastes[rng.below(pastes.len())];
                let a = char_boundary(p, rng.below(p.len()));
                let b = char_boundary(p, (a + rng.below(200)).min(p.len()));
                let at = char_boundary(text, rng.below(text.len() + 1));
                (at, at, p[a..b].to_string())
            }
        };
        let range = json!({ "start": position(text, start), "end": position(text, end) });
        text.replace_range(start..end, &insert);
        versions[d] += 1;
        c.change(files[d], versions[d], json!([{ "range": range, "text": insert }]));
        // Requests fly between the edits; some get cancelled by the next edit.
        if i % 25 == 0 {
            let at = char_boundary(text, rng.below(text.len() + 1));
            let method = [
                "textDocument/hover",
                "textDocument/completion",
                "textDocument/definition",
                "textDocument/semanticTokens/full",
                "textDocument/codeAction",
                "textDocument/inlayHint",
                "textDocument/references",
                "textDocument/signatureHelp",
                "textDocument/documentSymbol",
                "textDocument/foldingRange",
            ][rng.below(10)];
            let pos = position(text, at);
            let uri = c.uri(files[d]);
            let mut params = json!({
                "textDocument": { "uri": uri },
                "position": pos,
                "range": { "start": pos, "end": pos },
            });
            match method {
                "textDocument/codeAction" => params["context"] = json!({ "diagnostics": [] }),
                "textDocument/references" => {
                    params["context"] = json!({ "includeDeclaration": true })
                }
                _ => {}
            }
            pending.push(c.send_request(method, params));
        }
        if pending.len() >= 40 {
            for id in pending.drain(..) {
                check_answer(c.response(id));
            }
            c.notifications.clear();
        }
    }
    for id in pending.drain(..) {
        check_answer(c.response(id));
    }
    // The server's view after the last edit (requests are answered after earlier edits).
    let ws = c.request("workspace/diagnostic", json!({ "previousResultIds": [] }));
    let mut server: BTreeSet<Key> = BTreeSet::new();
    for item in ws["items"].as_array().unwrap() {
        let rel = item["uri"]
            .as_str()
            .unwrap()
            .strip_prefix(&c.uri(""))
            .unwrap()
            .trim_start_matches('/')
            .to_string();
        let text = match files.iter().position(|f| *f == rel) {
            Some(i) => texts[i].clone(),
            None => std::fs::read_to_string(live.join(&rel)).unwrap(),
        };
        for d in item["items"].as_array().unwrap() {
            let start = &d["range"]["start"];
            let line = start["line"].as_u64().unwrap();
            let units = start["character"].as_u64().unwrap();
            let line_text = text.split('\n').nth(line as usize).unwrap_or("");
            let (mut seen, mut chars) = (0u64, 0u64);
            for ch in line_text.chars() {
                if seen >= units {
                    break;
                }
                seen += ch.len_utf16() as u64;
                chars += 1;
            }
            server.insert((
                rel.clone(),
                d["code"].as_str().unwrap().to_string(),
                line + 1,
                chars + 1,
            ));
        }
    }
    c.shutdown();

    // The same texts on disk, checked from scratch by the batch driver.
    let fresh = tmp.join("fresh");
    copy_project(&live, &fresh);
    for (f, t) in files.iter().zip(&texts) {
        std::fs::write(fresh.join(f), t).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_rocky"))
        .args(["check", "-o", "json", "--project"])
        .arg(&fresh)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let mut batch: BTreeSet<Key> = BTreeSet::new();
    for d in report["diagnostics"].as_array().unwrap() {
        let file = d["file"].as_str().unwrap_or("rocky.toml").to_string();
        let (line, col) = match d["range"].as_object() {
            Some(r) => {
                (r["start"]["line"].as_u64().unwrap(), r["start"]["column"].as_u64().unwrap())
            }
            None => (1, 1),
        };
        batch.insert((file, d["code"].as_str().unwrap().to_string(), line, col));
    }
    assert!(!batch.is_empty(), "20,000 random edits leave some error");
    assert_eq!(server, batch, "the server and `rocky check` disagree after the last edit");
}

/// A result, or `ContentModified` for a request an edit overtook; never another error.
fn check_answer(v: Value) {
    if let Some(err) = v.get("error") {
        assert_eq!(err["code"], -32801, "a request failed: {err}");
    }
}
