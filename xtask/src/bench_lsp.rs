//! `cargo xtask bench lsp [--models N]`: the language server on a generated project, whole
//! protocol round trips through the release binary over stdio: initialize → first
//! diagnostics of an opened mid-DAG model; 100 one-character edits → their diagnostics
//! (p50, p95); edits that change an output column → diagnostics of every direct consumer;
//! hover and completion latency; server RSS after opening 100 files.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::{Value, json};

use crate::bench::generated_project;

const EDITS: usize = 100;
const QUERIES: usize = 100;

pub(crate) fn run(args: &[&str]) -> anyhow::Result<()> {
    let models = match args {
        [] => 10_000,
        ["--models", n] => {
            n.parse().with_context(|| format!("--models takes a number, not `{n}`"))?
        }
        _ => bail!("usage: cargo xtask bench lsp [--models N]"),
    };
    let rocky = crate::bench::release_rocky()?;
    let root = generated_project(models)?.join("rocky");
    let sql = model_files(&root)?;
    let (model, consumers) = mid_dag_model(&root, &sql)?;
    println!(
        "project: {} ({} models); model {model}, {} direct consumers",
        root.display(),
        sql.len(),
        consumers.len()
    );

    let started = Instant::now();
    let mut s = Session::start(&rocky, &root)?;
    let text = std::fs::read_to_string(root.join(&model))?;
    s.open(&model, &text)?;
    s.wait_publish(&[&model], 0)?;
    let first = started.elapsed();
    println!("initialize → first diagnostics of {model}: {:.0} ms", ms(first));

    // One-character edits: a space appended and removed, alternately (columns unchanged).
    let end = end_position(&text);
    let mut version = 0;
    let mut edit_times = Vec::new();
    for i in 0..EDITS {
        version += 1;
        let change = if i % 2 == 0 {
            json!([{ "range": { "start": end, "end": end }, "text": " " }])
        } else {
            let after = json!({ "line": end["line"], "character": end["character"].as_u64().unwrap_or(0) + 1 });
            json!([{ "range": { "start": end, "end": after }, "text": "" }])
        };
        let t = Instant::now();
        s.change(&model, version, change)?;
        s.wait_publish(&[&model], version)?;
        edit_times.push(ms(t.elapsed()));
    }
    report("one-character edit → its diagnostics", &mut edit_times);

    // An edit that renames the model's first output column, and back: every open consumer
    // gets its diagnostics again.
    for c in &consumers {
        let t = std::fs::read_to_string(root.join(c))?;
        s.open(c, &t)?;
    }
    let consumer_refs: Vec<&str> = consumers.iter().map(String::as_str).collect();
    s.wait_publish(&consumer_refs, 0)?;
    let (line, col) = first_item(&text).context("the model's first select item")?;
    let mut column_times = Vec::new();
    for i in 0..20 {
        version += 1;
        let at = json!({ "line": line, "character": col });
        let change = if i % 2 == 0 {
            json!([{ "range": { "start": at, "end": at }, "text": "x" }])
        } else {
            json!([{ "range": { "start": at, "end": { "line": line, "character": col + 1 } }, "text": "" }])
        };
        let t = Instant::now();
        s.change(&model, version, change)?;
        let mut all: Vec<&str> = consumer_refs.clone();
        all.push(&model);
        s.wait_publish(&all, version)?;
        column_times.push(ms(t.elapsed()));
    }
    report(
        &format!("output-column edit → diagnostics of {} consumers", consumers.len()),
        &mut column_times,
    );

    // Hover on a column reference and completion in the select list.
    let (hl, hc) = first_item(&text).context("a select item")?;
    let mut hovers = Vec::new();
    let mut completions = Vec::new();
    for _ in 0..QUERIES {
        let pos = json!({ "line": hl, "character": hc + 1 });
        let t = Instant::now();
        let h = s.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": s.uri(&model) }, "position": pos }),
        )?;
        hovers.push(ms(t.elapsed()));
        if h.get("contents").is_none() {
            bail!("no hover at {pos}: {h}");
        }
        let t = Instant::now();
        let c = s.request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": s.uri(&model) }, "position": pos }),
        )?;
        completions.push(ms(t.elapsed()));
        if c["items"].as_array().is_none_or(Vec::is_empty) {
            bail!("no completion at {pos}: {c}");
        }
    }
    report("hover", &mut hovers);
    report("completion", &mut completions);

    // Memory with 100 files open.
    let mut opened: Vec<String> = vec![model.clone()];
    opened.extend(consumers.iter().cloned());
    let more: Vec<String> = sql
        .iter()
        .filter(|f| !opened.contains(f))
        .take(100usize.saturating_sub(opened.len()))
        .cloned()
        .collect();
    for f in more {
        let t = std::fs::read_to_string(root.join(&f))?;
        s.open(&f, &t)?;
        opened.push(f);
    }
    let refs: Vec<&str> = opened.iter().map(String::as_str).collect();
    s.wait_publish(&refs, 0)?;
    let status = std::fs::read_to_string(format!("/proc/{}/status", s.child.id()))?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches(" kB").parse::<f64>().ok())
    };
    println!(
        "RSS with {} files open: {:.0} MB (peak {:.0} MB)",
        opened.len(),
        field("VmRSS:").unwrap_or(0.0) / 1024.0,
        field("VmHWM:").unwrap_or(0.0) / 1024.0
    );
    s.shutdown()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn report(what: &str, times: &mut [f64]) {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "{what}: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms ({} runs)",
        at(0.5),
        at(0.95),
        at(1.0),
        times.len()
    );
}

fn model_files(root: &Path) -> anyhow::Result<Vec<String>> {
    let mut out: Vec<String> = std::fs::read_dir(root.join("models"))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| n.ends_with(".sql"))
        .map(|n| format!("models/{n}"))
        .collect();
    out.sort();
    Ok(out)
}

/// An intermediate model in the middle of the list with the most direct consumers among
/// its neighbours, and those consumers (files naming it after FROM/JOIN).
fn mid_dag_model(root: &Path, sql: &[String]) -> anyhow::Result<(String, Vec<String>)> {
    let mut readers: HashMap<String, Vec<String>> = HashMap::new();
    for f in sql {
        let text = std::fs::read_to_string(root.join(f))?;
        for w in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if w.starts_with("int_") || w.starts_with("stg_") {
                let up = format!("models/{w}.sql");
                if up != *f {
                    let list = readers.entry(up).or_default();
                    if !list.contains(f) {
                        list.push(f.clone());
                    }
                }
            }
        }
    }
    let ints: Vec<&String> = sql.iter().filter(|f| f.starts_with("models/int_")).collect();
    let mid = ints.len() / 2;
    let window = &ints[mid.saturating_sub(50)..(mid + 50).min(ints.len())];
    let best = window
        .iter()
        .max_by_key(|f| readers.get(f.as_str()).map_or(0, Vec::len))
        .context("no intermediate models")?;
    let consumers = readers.get(best.as_str()).cloned().unwrap_or_default();
    Ok(((*best).clone(), consumers))
}

fn end_position(text: &str) -> Value {
    let line = text.matches('\n').count();
    let last = text.rsplit('\n').next().unwrap_or("");
    json!({ "line": line, "character": last.chars().map(char::len_utf16).sum::<usize>() })
}

/// Line and column of the first select item (the line after `SELECT`, first non-blank).
fn first_item(text: &str) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let i = lines.iter().position(|l| l.trim() == "SELECT")?;
    let l = lines.get(i + 1)?;
    Some((i + 1, l.len() - l.trim_start().len()))
}

struct Session {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
    root: PathBuf,
}

impl Session {
    fn start(rocky: &Path, root: &Path) -> anyhow::Result<Session> {
        let mut child = Command::new(rocky)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .context("starting rocky lsp")?;
        let stdin = child.stdin.take().context("stdin")?;
        let stdout = child.stdout.take().context("stdout")?;
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = 0usize;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0; len];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let Ok(v) = serde_json::from_slice::<Value>(&body) else { return };
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        let mut s = Session { child, stdin, rx, next_id: 1, root: root.to_path_buf() };
        let uri = s.uri("");
        s.request(
            "initialize",
            json!({ "processId": null, "rootUri": uri, "workspaceFolders": [{ "uri": uri, "name": "bench" }], "capabilities": {} }),
        )?;
        s.send(&json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }))?;
        Ok(s)
    }

    fn uri(&self, rel: &str) -> String {
        let p = if rel.is_empty() { self.root.clone() } else { self.root.join(rel) };
        format!("file://{}", p.display())
    }

    fn send(&mut self, msg: &Value) -> anyhow::Result<()> {
        let body = serde_json::to_string(msg)?;
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len())?;
        Ok(self.stdin.flush()?)
    }

    fn recv(&mut self) -> anyhow::Result<Value> {
        let msg = self
            .rx
            .recv_timeout(Duration::from_secs(120))
            .context("the server did not answer in 2 minutes")?;
        if msg.get("method").is_some() && msg.get("id").is_some() {
            let id = msg["id"].clone();
            self.send(&json!({ "jsonrpc": "2.0", "id": id, "result": null }))?;
        }
        Ok(msg)
    }

    fn request(&mut self, method: &str, params: Value) -> anyhow::Result<Value> {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }))?;
        loop {
            let msg = self.recv()?;
            if msg.get("id").and_then(Value::as_i64) == Some(id) && msg.get("method").is_none() {
                if let Some(e) = msg.get("error") {
                    bail!("{method} failed: {e}");
                }
                return Ok(msg["result"].clone());
            }
        }
    }

    fn open(&mut self, rel: &str, text: &str) -> anyhow::Result<()> {
        let uri = self.uri(rel);
        self.send(&json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": { "uri": uri, "languageId": "sql", "version": 0, "text": text } } }))
    }

    fn change(&mut self, rel: &str, version: i32, changes: Value) -> anyhow::Result<()> {
        let uri = self.uri(rel);
        self.send(&json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": { "uri": uri, "version": version }, "contentChanges": changes } }))
    }

    /// Waits until each of `files` has had diagnostics published at `version` or later
    /// (for consumers, any publish after the call counts: their own version is 0).
    fn wait_publish(&mut self, files: &[&str], version: i32) -> anyhow::Result<()> {
        let mut waiting: Vec<String> = files.iter().map(|f| self.uri(f)).collect();
        while !waiting.is_empty() {
            let msg = self.recv()?;
            if msg["method"] != "textDocument/publishDiagnostics" {
                continue;
            }
            let uri = msg["params"]["uri"].as_str().unwrap_or("");
            let v = msg["params"]["version"].as_i64().unwrap_or(-1);
            if v >= i64::from(version) || v == 0 {
                waiting.retain(|w| w != uri);
            }
        }
        Ok(())
    }

    fn shutdown(mut self) -> anyhow::Result<()> {
        self.request("shutdown", Value::Null)?;
        self.send(&json!({ "jsonrpc": "2.0", "method": "exit" }))?;
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.child.try_wait()?.is_some() {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.child.kill()?;
        bail!("rocky lsp did not exit")
    }
}
