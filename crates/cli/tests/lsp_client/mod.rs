//! A small LSP client for the end-to-end tests: starts the real `rocky lsp` binary and
//! speaks JSON-RPC over its stdio, answering the server's own requests.

#![allow(dead_code, clippy::unwrap_used, clippy::disallowed_methods)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    /// Notifications read while waiting for a response.
    pub notifications: VecDeque<Value>,
    pub root: PathBuf,
}

/// How long any one answer may take before the test calls the server hung.
pub const TIMEOUT: Duration = Duration::from_secs(60);

impl Client {
    /// Starts `rocky lsp` and initializes it on the project at `root`.
    pub fn start(root: &Path, encodings: &[&str]) -> Client {
        Client::start_with(root, encodings, Value::Null)
    }

    /// Starts `rocky lsp` with `initializationOptions` (the editors' settings).
    pub fn start_with(root: &Path, encodings: &[&str], options: Value) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rocky"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start rocky lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; len.expect("Content-Length")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let msg: Value = serde_json::from_slice(&body).expect("JSON from the server");
                if tx.send(msg).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            messages: rx,
            next_id: 1,
            notifications: VecDeque::new(),
            root: root.to_path_buf(),
        };
        let root_uri = client.uri("");
        let init = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "workspaceFolders": [{ "uri": root_uri, "name": "project" }],
                "initializationOptions": options,
                "capabilities": {
                    "general": { "positionEncodings": encodings },
                    "workspace": {
                        "didChangeWatchedFiles": { "dynamicRegistration": true },
                        "workspaceEdit": { "documentChanges": true, "resourceOperations": ["rename"] }
                    },
                    "textDocument": { "publishDiagnostics": { "relatedInformation": true } }
                }
            }),
        );
        assert!(init.get("capabilities").is_some(), "initialize answered {init}");
        client.notify("initialized", json!({}));
        client
    }

    pub fn uri(&self, rel: &str) -> String {
        let path = if rel.is_empty() { self.root.clone() } else { self.root.join(rel) };
        format!("file://{}", path.display())
    }

    fn send(&mut self, msg: &Value) {
        let body = serde_json::to_string(msg).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len())
            .expect("write to the server");
        self.stdin.flush().expect("flush");
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request without waiting; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        id
    }

    /// The next message, answering server-to-client requests on the way.
    fn next_message(&mut self, deadline: Instant) -> Value {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg =
                self.messages.recv_timeout(left).expect("the server answered in time (no hang)");
            if msg.get("method").is_some() && msg.get("id").is_some() {
                // `client/registerCapability` and the like.
                let id = msg["id"].clone();
                self.send(&json!({ "jsonrpc": "2.0", "id": id, "result": null }));
                continue;
            }
            return msg;
        }
    }

    /// Waits for the response to request `id` (its `result`, or `{"error": ..}`).
    pub fn response(&mut self, id: i64) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let msg = self.next_message(deadline);
            if msg.get("id").and_then(Value::as_i64) == Some(id) {
                if let Some(err) = msg.get("error") {
                    return json!({ "error": err });
                }
                return msg["result"].clone();
            }
            if msg.get("method").is_some() {
                self.notifications.push_back(msg);
            }
        }
    }

    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.response(id)
    }

    pub fn open(&mut self, rel: &str, text: &str) {
        let uri = self.uri(rel);
        let language = if rel.ends_with(".rocky") { "rocky" } else { "sql" };
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": language, "version": 0, "text": text } }),
        );
    }

    pub fn change(&mut self, rel: &str, version: i32, changes: Value) {
        let uri = self.uri(rel);
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": changes }),
        );
    }

    /// Waits for diagnostics of `rel` that `accept` takes (older ones are skipped).
    pub fn diagnostics_where(
        &mut self,
        rel: &str,
        accept: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        let uri = self.uri(rel);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let pos = self.notifications.iter().position(|n| {
                n["method"] == "textDocument/publishDiagnostics"
                    && n["params"]["uri"] == uri.as_str()
            });
            if let Some(pos) = pos {
                let n = self.notifications.remove(pos).unwrap();
                let diags = n["params"]["diagnostics"].as_array().cloned().unwrap_or_default();
                if accept(&diags) {
                    return diags;
                }
                continue;
            }
            let msg = self.next_message(deadline);
            if msg.get("method").is_some() {
                self.notifications.push_back(msg);
            }
        }
    }

    pub fn shutdown(mut self) {
        let res = self.request("shutdown", Value::Null);
        assert!(res.get("error").is_none(), "shutdown: {res}");
        self.notify("exit", Value::Null);
        let status = wait_with_timeout(&mut self.child, TIMEOUT);
        assert!(status.success(), "rocky lsp exited with {status}");
    }
}

fn wait_with_timeout(child: &mut Child, timeout: Duration) -> std::process::ExitStatus {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(s) = child.try_wait().expect("wait") {
            return s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("rocky lsp did not exit after `exit`");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Copies a project folder (the tests edit files in it).
pub fn copy_project(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dst = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_project(&entry.path(), &dst);
        } else {
            std::fs::copy(entry.path(), &dst).unwrap();
        }
    }
}

/// Where `needle` is in `text`, as an LSP position (UTF-16), `nth` occurrence, plus `delta`
/// characters.
pub fn position_of(text: &str, needle: &str, nth: usize, delta: usize) -> Value {
    let at =
        text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("`{needle}` in the text")).0;
    let before = &text[..at];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col: usize = text[line_start..at].chars().map(char::len_utf16).sum::<usize>() + delta;
    json!({ "line": line, "character": col })
}

/// Applies LSP text edits (UTF-16 positions) to a text.
pub fn apply_edits(text: &str, edits: &[Value]) -> String {
    let offset = |pos: &Value| -> usize {
        let line = pos["line"].as_u64().unwrap() as usize;
        let ch = pos["character"].as_u64().unwrap() as usize;
        let mut start = 0;
        for _ in 0..line {
            start += text[start..].find('\n').map_or(text.len() - start, |i| i + 1);
        }
        let mut units = 0;
        let mut at = start;
        for c in text[start..].chars() {
            if units >= ch || c == '\n' {
                break;
            }
            units += c.len_utf16();
            at += c.len_utf8();
        }
        at
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    let mut out = text.to_string();
    for (s, e, t) in spans {
        out.replace_range(s..e, &t);
    }
    out
}
