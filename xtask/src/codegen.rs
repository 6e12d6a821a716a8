//! `cargo xtask codegen [--check]`: generates the typed AST
//! (`crates/syntax/src/ast/generated/nodes.rs`) from `crates/syntax/rocky.ungram`.
//!
//! Names map by convention: a node `CreateTableStmt` is the kind `CREATE_TABLE_STMT`; a
//! token `'select'` is the keyword `SELECT_KW`, `'('` the punctuation with that text,
//! `'ident'` the token kind `IDENT`. Kinds are read from `syntax_kind.rs`, and every node
//! kind there must have a rule (except `BARE_NODES`), so the grammar cannot fall behind.
//!
//! A rule whose alternatives are all nodes is an enum (`Expr = Literal | BinExpr | ..`);
//! any other rule is a struct with one accessor per child:
//! - `ChildNode` → `child_node()`, `ChildNode*` (or a child that can occur twice) →
//!   `child_nodes()`, `Type` → `ty()`;
//! - `label:Child` → `label()`; when other children could be cast to the same type, the
//!   label is found by position (`children().nth(n)`), and the generator checks that the
//!   position is the same in every derivation of the rule;
//! - `'tok'` → `tok_token()`, `label:('+' | '-')` → `label_token()` (first token of any).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use anyhow::{Context, bail, ensure};
use ungrammar::{Grammar, Rule};

use crate::project_root;

const GRAMMAR: &str = "crates/syntax/rocky.ungram";
const KINDS: &str = "crates/syntax/src/syntax_kind.rs";
const OUTPUT: &str = "crates/syntax/src/ast/generated/nodes.rs";

/// Node kinds that may lack a rule; they get a struct without accessors.
const BARE_NODES: &[&str] = &[];

pub(crate) fn run(check: bool) -> anyhow::Result<()> {
    let root = project_root();
    let generated = generate(&root)?;
    let path = root.join(OUTPUT);
    let current = std::fs::read_to_string(&path).unwrap_or_default().replace("\r\n", "\n");
    if current == generated {
        if !check {
            println!("{OUTPUT} is up to date");
        }
        return Ok(());
    }
    if check {
        bail!("{OUTPUT} is out of date with {GRAMMAR} (or {KINDS}); run `cargo xtask codegen`");
    }
    std::fs::write(&path, generated).with_context(|| format!("writing {OUTPUT}"))?;
    println!("wrote {OUTPUT}");
    Ok(())
}

/// The formatted contents of `OUTPUT`.
fn generate(root: &Path) -> anyhow::Result<String> {
    let grammar_text = std::fs::read_to_string(root.join(GRAMMAR))
        .with_context(|| format!("reading {GRAMMAR}"))?;
    let kinds_text =
        std::fs::read_to_string(root.join(KINDS)).with_context(|| format!("reading {KINDS}"))?;
    let kinds =
        parse_kinds(&kinds_text).with_context(|| format!("reading the kinds of {KINDS}"))?;
    let grammar: Grammar = grammar_text.parse().map_err(|e| anyhow::anyhow!("{GRAMMAR}: {e}"))?;
    let docs = rule_docs(&grammar_text);
    let ast = lower(&grammar, &kinds, &docs).with_context(|| format!("in {GRAMMAR}"))?;
    let code = render(&ast);
    rustfmt(root, &code)
}

// ---- kinds ------------------------------------------------------------------------------

#[derive(Debug)]
struct Kinds {
    /// Token spelling in the grammar (`select`, `(`, `ident`) → kind (`SELECT_KW`, ...).
    tokens: BTreeMap<String, String>,
    /// Node kinds in declaration order.
    nodes: Vec<String>,
}

/// Reads the lists of the `syntax_kinds! { .. }` invocation.
fn parse_kinds(text: &str) -> anyhow::Result<Kinds> {
    let start = text.find("\nsyntax_kinds! {").context("no `syntax_kinds! {` invocation")?;
    let mut tokens = BTreeMap::new();
    let mut nodes = Vec::new();
    let mut section = None;
    for line in text[start..].lines().skip(2) {
        let line = line.trim();
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        if let Some(name) = line.strip_suffix(": {") {
            section = Some(name.to_string());
            continue;
        }
        if line == "}" {
            if section.take().is_none() {
                break;
            }
            continue;
        }
        let entry = line.trim_end_matches(',');
        let (spelling, kind) = match section.as_deref() {
            Some("punct") => {
                // `['('] L_PAREN = "(",`
                let (lhs, text) =
                    entry.rsplit_once(" = ").with_context(|| format!("bad punct line `{line}`"))?;
                let kind = lhs.split_whitespace().last().unwrap_or_default();
                (text.trim_matches('"').to_string(), kind.to_string())
            }
            Some("keywords") => {
                let (kw, kind) = entry
                    .split_once(" => ")
                    .with_context(|| format!("bad keyword line `{line}`"))?;
                (kw.to_string(), kind.to_string())
            }
            Some("tokens") => (entry.to_ascii_lowercase(), entry.to_string()),
            Some("nodes") => {
                nodes.push(entry.to_string());
                continue;
            }
            _ => bail!("unexpected line `{line}`"),
        };
        ensure!(is_kind_name(&kind), "bad kind name `{kind}` in line `{line}`");
        if let Some(old) = tokens.insert(spelling.clone(), kind.clone()) {
            bail!("`{spelling}` names both {old} and {kind}");
        }
    }
    ensure!(!tokens.is_empty() && !nodes.is_empty(), "found no tokens or no nodes");
    for node in &nodes {
        ensure!(is_kind_name(node), "bad node kind name `{node}`");
    }
    Ok(Kinds { tokens, nodes })
}

fn is_kind_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

// ---- the model ----------------------------------------------------------------------------

#[derive(Debug)]
struct Ast {
    nodes: Vec<NodeSrc>,
    enums: Vec<EnumSrc>,
}

#[derive(Debug)]
struct NodeSrc {
    name: String,
    kind: String,
    doc: Doc,
    fields: Vec<Field>,
}

#[derive(Debug)]
struct EnumSrc {
    name: String,
    doc: Doc,
    /// Variant names; a variant is a node or another enum.
    variants: Vec<String>,
    /// Node kinds of each variant (one for a node variant, several for an enum variant).
    variant_kinds: Vec<BTreeSet<String>>,
}

#[derive(Debug, Default, Clone)]
struct Doc {
    comment: Vec<String>,
    rule: Vec<String>,
}

#[derive(Debug)]
enum Field {
    Token { method: String, kinds: Vec<String> },
    Node { method: String, ty: String, access: Access },
}

#[derive(Debug, PartialEq)]
enum Access {
    /// The first child of the type.
    First,
    /// The `n`-th child castable to the type.
    Nth(usize),
    /// All children of the type.
    Many,
}

/// A count of children in one derivation; `Many` stands for "one or more, unknown".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cnt {
    N(usize),
    Many,
}

fn add(a: &BTreeSet<Cnt>, b: &BTreeSet<Cnt>) -> BTreeSet<Cnt> {
    let mut res = BTreeSet::new();
    for x in a {
        for y in b {
            res.insert(match (x, y) {
                (Cnt::N(x), Cnt::N(y)) => Cnt::N(x + y),
                _ => Cnt::Many,
            });
        }
    }
    res
}

fn exactly(n: usize) -> BTreeSet<Cnt> {
    BTreeSet::from([Cnt::N(n)])
}

// ---- lowering ---------------------------------------------------------------------------

/// One child mentioned in a rule.
struct Occurrence {
    label: Option<String>,
    what: Occ,
    in_rep: bool,
}

enum Occ {
    Node(String),
    Tokens(Vec<String>),
}

struct Lowering<'a> {
    grammar: &'a Grammar,
    kinds: &'a Kinds,
    /// Enum name → variants.
    enums: BTreeMap<String, Vec<String>>,
    node_names: BTreeSet<String>,
}

fn lower(grammar: &Grammar, kinds: &Kinds, docs: &BTreeMap<String, Doc>) -> anyhow::Result<Ast> {
    let mut enums = BTreeMap::new();
    let mut node_names = BTreeSet::new();
    for node in grammar.iter() {
        let data = &grammar[node];
        match &data.rule {
            Rule::Alt(alts) if alts.iter().all(|r| matches!(r, Rule::Node(_))) => {
                let variants = alts
                    .iter()
                    .filter_map(|r| match r {
                        Rule::Node(n) => Some(grammar[*n].name.clone()),
                        _ => None,
                    })
                    .collect();
                enums.insert(data.name.clone(), variants);
            }
            _ => {
                node_names.insert(data.name.clone());
            }
        }
    }
    let cx = Lowering { grammar, kinds, enums, node_names };

    // Every node kind has a rule and every rule names a node kind.
    let mut ast = Ast { nodes: Vec::new(), enums: Vec::new() };
    let declared: BTreeSet<&str> = kinds.nodes.iter().map(String::as_str).collect();
    for name in &cx.node_names {
        let kind = to_upper_snake(name);
        ensure!(
            declared.contains(kind.as_str()),
            "`{name}` has no node kind `{kind}` in {KINDS} (or is referenced but has no rule)"
        );
    }
    for name in cx.enums.keys() {
        ensure!(
            !declared.contains(to_upper_snake(name).as_str()),
            "`{name}` is an enum but `{}` is a node kind: give it a rule with children",
            to_upper_snake(name)
        );
    }
    for kind in &kinds.nodes {
        let name = to_camel(kind);
        if cx.node_names.contains(&name) {
            continue;
        }
        ensure!(
            BARE_NODES.contains(&kind.as_str()),
            "node kind `{kind}` ({KINDS}) has no rule `{name} = ..` in {GRAMMAR}"
        );
        let doc = Doc {
            comment: vec![format!("No rule in {GRAMMAR} yet: a node without accessors.")],
            rule: Vec::new(),
        };
        ast.nodes.push(NodeSrc { name, kind: kind.clone(), doc, fields: Vec::new() });
    }

    for node in grammar.iter() {
        let data = &grammar[node];
        let doc = docs.get(&data.name).cloned().unwrap_or_default();
        if let Some(variants) = cx.enums.get(&data.name) {
            let mut seen = BTreeSet::new();
            let mut variant_kinds = Vec::new();
            for variant in variants {
                let ks = cx.kinds_of(variant, &mut Vec::new())?;
                for k in &ks {
                    ensure!(
                        seen.insert(k.clone()),
                        "`{}`: the kind {k} is reachable through two variants",
                        data.name
                    );
                }
                variant_kinds.push(ks);
            }
            ast.enums.push(EnumSrc {
                name: data.name.clone(),
                doc,
                variants: variants.clone(),
                variant_kinds,
            });
        } else {
            let fields =
                cx.fields(&data.rule).with_context(|| format!("in the rule of `{}`", data.name))?;
            ast.nodes.push(NodeSrc {
                name: data.name.clone(),
                kind: to_upper_snake(&data.name),
                doc,
                fields,
            });
        }
    }
    ast.nodes.sort_by_key(|n| kinds.nodes.iter().position(|k| *k == n.kind));
    Ok(ast)
}

impl Lowering<'_> {
    /// The node kinds a node or enum name stands for.
    fn kinds_of(&self, name: &str, stack: &mut Vec<String>) -> anyhow::Result<BTreeSet<String>> {
        if self.node_names.contains(name) {
            return Ok(BTreeSet::from([to_upper_snake(name)]));
        }
        let Some(variants) = self.enums.get(name) else {
            bail!("`{name}` has no rule");
        };
        ensure!(!stack.iter().any(|s| s == name), "enum `{name}` contains itself");
        stack.push(name.to_string());
        let mut res = BTreeSet::new();
        for v in variants {
            res.extend(self.kinds_of(v, stack)?);
        }
        stack.pop();
        Ok(res)
    }

    fn token_kind(&self, spelling: &str) -> anyhow::Result<String> {
        self.kinds.tokens.get(spelling).cloned().with_context(|| {
            format!("token `'{spelling}'` is no keyword, punctuation or token kind of {KINDS}")
        })
    }

    fn collect(&self, rule: &Rule, in_rep: bool, out: &mut Vec<Occurrence>) -> anyhow::Result<()> {
        match rule {
            Rule::Labeled { label, rule } => {
                let (inner, rep) = match &**rule {
                    Rule::Opt(r) => (&**r, false),
                    Rule::Rep(r) => (&**r, true),
                    r => (r, false),
                };
                let what = match inner {
                    Rule::Node(n) => Occ::Node(self.grammar[*n].name.clone()),
                    Rule::Token(_) | Rule::Alt(_) if !rep => {
                        let alts = match inner {
                            Rule::Alt(alts) => alts.iter().collect(),
                            r => vec![r],
                        };
                        let mut kinds = Vec::new();
                        for alt in alts {
                            let Rule::Token(t) = alt else {
                                bail!(
                                    "label `{label}` must name a node, `Node*` or tokens `('a' | 'b')`"
                                );
                            };
                            kinds.push(self.token_kind(&self.grammar[*t].name)?);
                        }
                        Occ::Tokens(kinds)
                    }
                    _ => bail!("label `{label}` must name a node, `Node*` or tokens `('a' | 'b')`"),
                };
                out.push(Occurrence { label: Some(label.clone()), what, in_rep: in_rep || rep });
            }
            Rule::Node(n) => {
                out.push(Occurrence {
                    label: None,
                    what: Occ::Node(self.grammar[*n].name.clone()),
                    in_rep,
                });
            }
            Rule::Token(t) => {
                let kind = self.token_kind(&self.grammar[*t].name)?;
                out.push(Occurrence { label: None, what: Occ::Tokens(vec![kind]), in_rep });
            }
            Rule::Seq(rules) | Rule::Alt(rules) => {
                for r in rules {
                    self.collect(r, in_rep, out)?;
                }
            }
            Rule::Opt(r) => self.collect(r, in_rep, out)?,
            Rule::Rep(r) => self.collect(r, true, out)?,
        }
        Ok(())
    }

    /// How many children matching `pred` one derivation of `rule` can have, counting
    /// labelled children only when `labelled`.
    fn counts(&self, rule: &Rule, pred: &dyn Fn(&str) -> bool, labelled: bool) -> BTreeSet<Cnt> {
        match rule {
            Rule::Node(n) => exactly(usize::from(pred(&self.grammar[*n].name))),
            Rule::Token(_) => exactly(0),
            Rule::Labeled { .. } if !labelled => exactly(0),
            Rule::Labeled { rule, .. } => self.counts(rule, pred, labelled),
            Rule::Seq(rules) => {
                rules.iter().fold(exactly(0), |acc, r| add(&acc, &self.counts(r, pred, labelled)))
            }
            Rule::Alt(rules) => rules.iter().flat_map(|r| self.counts(r, pred, labelled)).collect(),
            Rule::Opt(r) => {
                let mut res = self.counts(r, pred, labelled);
                res.insert(Cnt::N(0));
                res
            }
            Rule::Rep(r) => {
                if self.counts(r, pred, labelled) == exactly(0) {
                    exactly(0)
                } else {
                    BTreeSet::from([Cnt::N(0), Cnt::Many])
                }
            }
        }
    }

    /// How many children matching `pred` can come before the child labelled `label`.
    fn before(
        &self,
        rule: &Rule,
        label: &str,
        pred: &dyn Fn(&str) -> bool,
    ) -> Option<BTreeSet<Cnt>> {
        match rule {
            Rule::Labeled { label: l, .. } => (l == label).then(|| exactly(0)),
            Rule::Node(_) | Rule::Token(_) => None,
            Rule::Seq(rules) => {
                let mut acc = exactly(0);
                let mut res: Option<BTreeSet<Cnt>> = None;
                for r in rules {
                    if let Some(b) = self.before(r, label, pred) {
                        res.get_or_insert_default().extend(add(&acc, &b));
                    }
                    acc = add(&acc, &self.counts(r, pred, true));
                }
                res
            }
            Rule::Alt(rules) => {
                let found: Vec<_> =
                    rules.iter().filter_map(|r| self.before(r, label, pred)).collect();
                (!found.is_empty()).then(|| found.into_iter().flatten().collect())
            }
            Rule::Opt(r) => self.before(r, label, pred),
            Rule::Rep(r) => self
                .before(r, label, pred)
                .map(|b| add(&b, &BTreeSet::from([Cnt::N(0), Cnt::Many]))),
        }
    }

    fn fields(&self, rule: &Rule) -> anyhow::Result<Vec<Field>> {
        let mut occs = Vec::new();
        self.collect(rule, false, &mut occs)?;
        let mut fields = Vec::new();
        let mut labels = BTreeSet::new();
        let mut done_tokens = BTreeSet::new();
        let mut done_nodes = BTreeSet::new();
        let mut labelled_nodes = BTreeMap::new();
        for (i, occ) in occs.iter().enumerate() {
            match (&occ.what, &occ.label) {
                (Occ::Tokens(kinds), Some(label)) => {
                    ensure!(labels.insert(label.clone()), "label `{label}` is used twice");
                    fields.push(Field::Token {
                        method: format!("{label}_token"),
                        kinds: kinds.clone(),
                    });
                }
                (Occ::Tokens(kinds), None) => {
                    let [kind] = kinds.as_slice() else {
                        unreachable!("unlabelled tokens come one by one")
                    };
                    if !done_tokens.insert(kind.clone()) {
                        continue;
                    }
                    // List separators are not worth an accessor (label one that is).
                    if kind == "COMMA" {
                        continue;
                    }
                    fields.push(Field::Token { method: token_method(kind), kinds: kinds.clone() });
                }
                (Occ::Node(ty), Some(label)) => {
                    // The same label may name a child in several alternatives.
                    if let Some(seen) = labelled_nodes.get(label) {
                        ensure!(seen == ty, "label `{label}` names both `{seen}` and `{ty}`");
                        continue;
                    }
                    ensure!(labels.insert(label.clone()), "label `{label}` is used twice");
                    labelled_nodes.insert(label.clone(), ty.clone());
                    let access = if occ.in_rep {
                        let own = self.kinds_of(ty, &mut Vec::new())?;
                        for (j, o) in occs.iter().enumerate() {
                            if let Occ::Node(other) = &o.what {
                                ensure!(
                                    j == i
                                        || self.kinds_of(other, &mut Vec::new())?.is_disjoint(&own),
                                    "`{label}:{ty}*` would also yield the `{other}` child"
                                );
                            }
                        }
                        Access::Many
                    } else {
                        self.positional(rule, &occs, i, ty, label)?
                    };
                    fields.push(Field::Node { method: label.clone(), ty: ty.clone(), access });
                }
                (Occ::Node(ty), None) => {
                    if !done_nodes.insert(ty.clone()) {
                        continue;
                    }
                    let own = self.kinds_of(ty, &mut Vec::new())?;
                    for o in &occs {
                        if let (Occ::Node(other), Some(label)) = (&o.what, &o.label) {
                            ensure!(
                                self.kinds_of(other, &mut Vec::new())?.is_disjoint(&own),
                                "`{ty}` is unlabelled but `{label}:{other}` overlaps it; label both"
                            );
                        }
                    }
                    let same = |t: &str| t == ty;
                    let many = occs.iter().any(|o| {
                        o.label.is_none() && o.in_rep && matches!(&o.what, Occ::Node(t) if t == ty)
                    }) || self
                        .counts(rule, &same, false)
                        .iter()
                        .any(|c| *c != Cnt::N(0) && *c != Cnt::N(1));
                    let snake = to_lower_snake(ty);
                    let (method, access) = if many {
                        (pluralize(&snake), Access::Many)
                    } else {
                        (if snake == "type" { "ty".to_string() } else { snake }, Access::First)
                    };
                    fields.push(Field::Node { method, ty: ty.clone(), access });
                }
            }
        }
        let mut methods = BTreeSet::new();
        for f in &fields {
            let m = match f {
                Field::Token { method, .. } | Field::Node { method, .. } => method,
            };
            ensure!(
                !RUST_KEYWORDS.contains(&m.as_str()),
                "accessor `{m}` is a Rust keyword; use a label"
            );
            ensure!(
                methods.insert(m.clone()),
                "two children would get the accessor `{m}`; use labels"
            );
        }
        Ok(fields)
    }

    /// How to find the child `label:ty`: the first child of its type when nothing else in
    /// the rule casts to that type, otherwise by a position that every derivation agrees on.
    fn positional(
        &self,
        rule: &Rule,
        occs: &[Occurrence],
        this: usize,
        ty: &str,
        label: &str,
    ) -> anyhow::Result<Access> {
        let own = self.kinds_of(ty, &mut Vec::new())?;
        let mut overlapping = false;
        for (j, o) in occs.iter().enumerate() {
            let Occ::Node(other) = &o.what else { continue };
            if j == this {
                continue;
            }
            let theirs = self.kinds_of(other, &mut Vec::new())?;
            if theirs.is_disjoint(&own) {
                continue;
            }
            ensure!(
                theirs.is_subset(&own),
                "`{label}:{ty}` cannot be found by position: `{other}` is partly but not wholly a `{ty}`"
            );
            overlapping = true;
        }
        if !overlapping {
            return Ok(Access::First);
        }
        let pred = |t: &str| self.kinds_of(t, &mut Vec::new()).is_ok_and(|ks| ks.is_subset(&own));
        match self.before(rule, label, &pred) {
            Some(set) if set.len() == 1 => match set.first() {
                Some(Cnt::N(0)) => Ok(Access::Nth(0)),
                Some(Cnt::N(n)) => Ok(Access::Nth(*n)),
                _ => bail!("`{label}:{ty}` comes after a repeated `{ty}`; its position is unknown"),
            },
            _ => bail!(
                "`{label}:{ty}` does not have the same position among the `{ty}` children in every derivation"
            ),
        }
    }
}

const RUST_KEYWORDS: &[&str] = &[
    "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else", "enum",
    "extern", "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod",
    "move", "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true",
    "try", "type", "unsafe", "use", "where", "while", "yield",
];

// ---- names --------------------------------------------------------------------------------

fn to_upper_snake(camel: &str) -> String {
    let mut res = String::new();
    for (i, c) in camel.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            res.push('_');
        }
        res.push(c.to_ascii_uppercase());
    }
    res
}

fn to_lower_snake(camel: &str) -> String {
    to_upper_snake(camel).to_ascii_lowercase()
}

fn to_camel(upper_snake: &str) -> String {
    upper_snake
        .split('_')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(c) => c.to_ascii_uppercase().to_string() + &cs.as_str().to_ascii_lowercase(),
                None => String::new(),
            }
        })
        .collect()
}

fn pluralize(snake: &str) -> String {
    if snake.ends_with("ss") || snake.ends_with("as") || snake.ends_with('x') {
        format!("{snake}es")
    } else if snake.ends_with('s') {
        snake.to_string()
    } else if let Some(stem) =
        snake.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        format!("{stem}ies")
    } else {
        format!("{snake}s")
    }
}

/// `SELECT_KW` → `select_token`, `L_PAREN` → `l_paren_token`.
fn token_method(kind: &str) -> String {
    let name = kind.strip_suffix("_KW").unwrap_or(kind);
    format!("{}_token", name.to_ascii_lowercase())
}

// ---- docs -----------------------------------------------------------------------------------

/// Each rule's text and the `//` comment lines right above it.
fn rule_docs(text: &str) -> BTreeMap<String, Doc> {
    let mut res = BTreeMap::new();
    let mut comment: Vec<String> = Vec::new();
    let mut current: Option<(String, Doc)> = None;
    for line in text.lines() {
        let starts_rule = line.split_once('=').map(|(lhs, _)| lhs.trim()).filter(|lhs| {
            !line.starts_with([' ', '\t', '/'])
                && !lhs.is_empty()
                && lhs.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
        if let Some(name) = starts_rule {
            if let Some((n, d)) = current.take() {
                res.insert(n, d);
            }
            let doc = Doc {
                comment: std::mem::take(&mut comment),
                rule: vec![line.trim_end().to_string()],
            };
            current = Some((name.to_string(), doc));
        } else if let Some(c) = line.strip_prefix("//") {
            if let Some((n, d)) = current.take() {
                res.insert(n, d);
            }
            comment.push(c.strip_prefix(' ').unwrap_or(c).to_string());
        } else if line.trim().is_empty() {
            if let Some((n, d)) = current.take() {
                res.insert(n, d);
            }
            comment.clear();
        } else if let Some((_, d)) = &mut current {
            d.rule.push(line.trim_end().to_string());
        }
    }
    if let Some((n, d)) = current.take() {
        res.insert(n, d);
    }
    res
}

// ---- rendering ------------------------------------------------------------------------------

fn render(ast: &Ast) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "//! Generated by `cargo xtask codegen` from {GRAMMAR}, do not edit by hand.\n\n\
         use std::fmt;\n\n\
         use crate::{{SyntaxKind::{{self, *}}, SyntaxNode, TreeNode, ast::{{AstChildren, AstNode, support}}}};\n\n"
    ));
    for node in &ast.nodes {
        render_node(&mut out, node);
    }
    for en in &ast.enums {
        render_enum(&mut out, en);
    }
    out
}

fn render_doc(out: &mut String, doc: &Doc) {
    for line in &doc.comment {
        let _ = writeln!(out, "/// {line}");
    }
    if !doc.rule.is_empty() {
        if !doc.comment.is_empty() {
            out.push_str("///\n");
        }
        out.push_str("/// ```text\n");
        for line in &doc.rule {
            let _ = writeln!(out, "/// {line}");
        }
        out.push_str("/// ```\n");
    }
}

fn render_node(out: &mut String, node: &NodeSrc) {
    let NodeSrc { name, kind, doc, fields } = node;
    render_doc(out, doc);
    let _ = writeln!(
        out,
        "#[derive(Debug, Clone, PartialEq, Eq, Hash)]\npub struct {name}<N = SyntaxNode> {{ pub(crate) syntax: N }}\n"
    );
    if !fields.is_empty() {
        let _ = writeln!(out, "impl<N: TreeNode> {name}<N> {{");
        for field in fields {
            match field {
                Field::Node { method, ty, access } => {
                    let (ret, body) = match access {
                        Access::First => {
                            (format!("Option<{ty}<N>>"), "support::child(&self.syntax)".to_string())
                        }
                        Access::Nth(0) => (
                            format!("Option<{ty}<N>>"),
                            "support::children(&self.syntax).next()".to_string(),
                        ),
                        Access::Nth(n) => (
                            format!("Option<{ty}<N>>"),
                            format!("support::children(&self.syntax).nth({n})"),
                        ),
                        Access::Many => (
                            format!("AstChildren<{ty}<N>, N>"),
                            "support::children(&self.syntax)".to_string(),
                        ),
                    };
                    let _ = writeln!(out, "pub fn {method}(&self) -> {ret} {{ {body} }}");
                }
                Field::Token { method, kinds } => {
                    if method.starts_with("from_") || method.starts_with("into_") {
                        out.push_str("#[allow(clippy::wrong_self_convention)]\n");
                    }
                    let body = match kinds.as_slice() {
                        [kind] => format!("support::token(&self.syntax, {kind})"),
                        kinds => {
                            format!("support::token_in(&self.syntax, &[{}])", kinds.join(", "))
                        }
                    };
                    let _ =
                        writeln!(out, "pub fn {method}(&self) -> Option<N::Token> {{ {body} }}");
                }
            }
        }
        out.push_str("}\n\n");
    }
    let _ = writeln!(
        out,
        "impl<N: TreeNode> AstNode<N> for {name}<N> {{
            fn can_cast(kind: SyntaxKind) -> bool {{ kind == {kind} }}
            fn cast(syntax: N) -> Option<Self> {{
                if Self::can_cast(syntax.kind()) {{ Some(Self {{ syntax }}) }} else {{ None }}
            }}
            fn syntax(&self) -> &N {{ &self.syntax }}
        }}\n"
    );
    render_display(out, name);
}

fn render_enum(out: &mut String, en: &EnumSrc) {
    let EnumSrc { name, doc, variants, variant_kinds } = en;
    render_doc(out, doc);
    let _ = writeln!(
        out,
        "#[derive(Debug, Clone, PartialEq, Eq, Hash)]\npub enum {name}<N = SyntaxNode> {{"
    );
    for v in variants {
        let _ = writeln!(out, "{v}({v}<N>),");
    }
    out.push_str("}\n\n");

    let mut direct = Vec::new();
    let mut cast_arms = String::new();
    let mut can_cast_nested = String::new();
    for (v, ks) in variants.iter().zip(variant_kinds) {
        let is_node = ks.len() == 1 && ks.first().is_some_and(|k| *k == to_upper_snake(v));
        if is_node {
            let k = to_upper_snake(v);
            let _ = writeln!(cast_arms, "{k} => {name}::{v}({v} {{ syntax }}),");
            direct.push(k);
        } else {
            let _ = writeln!(
                cast_arms,
                "kind if {v}::<N>::can_cast(kind) => {name}::{v}({v}::cast(syntax)?),"
            );
            let _ = write!(can_cast_nested, " || {v}::<N>::can_cast(kind)");
        }
    }
    let cast_arms = cast_arms.trim_end();
    let can_cast = if direct.is_empty() {
        can_cast_nested.trim_start_matches(" || ").to_string()
    } else {
        format!("matches!(kind, {}){can_cast_nested}", direct.join(" | "))
    };
    let syntax_arms: String =
        variants.iter().map(|v| format!("{name}::{v}(it) => it.syntax(),")).collect();
    let _ = writeln!(
        out,
        "impl<N: TreeNode> AstNode<N> for {name}<N> {{
            fn can_cast(kind: SyntaxKind) -> bool {{ {can_cast} }}
            fn cast(syntax: N) -> Option<Self> {{
                let res = match syntax.kind() {{
                    {cast_arms}
                    _ => return None,
                }};
                Some(res)
            }}
            fn syntax(&self) -> &N {{
                match self {{
                    {syntax_arms}
                }}
            }}
        }}\n"
    );
    for v in variants {
        let _ = writeln!(
            out,
            "impl<N> From<{v}<N>> for {name}<N> {{ fn from(node: {v}<N>) -> {name}<N> {{ {name}::{v}(node) }} }}\n"
        );
    }
    render_display(out, name);
}

fn render_display(out: &mut String, name: &str) {
    let _ = writeln!(
        out,
        "impl fmt::Display for {name} {{
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{ fmt::Display::fmt(self.syntax(), f) }}
        }}\n"
    );
}

fn rustfmt(root: &Path, code: &str) -> anyhow::Result<String> {
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2024"])
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("running rustfmt (is it installed? `rustup component add rustfmt`)")?;
    let mut stdin = child.stdin.take().context("rustfmt's stdin")?;
    let input = code.to_string();
    // Write from another thread so a large output cannot deadlock on full pipes.
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().context("waiting for rustfmt")?;
    writer
        .join()
        .map_err(|_| anyhow::anyhow!("writing to rustfmt panicked"))?
        .context("writing to rustfmt")?;
    ensure!(
        output.status.success(),
        "rustfmt failed on the generated code:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).context("rustfmt printed invalid UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ast_is_fresh() {
        if let Err(err) = run(true) {
            panic!("{err:#}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(to_upper_snake("CreateTableStmt"), "CREATE_TABLE_STMT");
        assert_eq!(to_camel("CREATE_TABLE_STMT"), "CreateTableStmt");
        assert_eq!(to_lower_snake("Cte"), "cte");
        assert_eq!(pluralize("alias"), "aliases");
        assert_eq!(pluralize("row_values"), "row_values");
        assert_eq!(pluralize("query"), "queries");
        assert_eq!(pluralize("expr"), "exprs");
        assert_eq!(token_method("SELECT_KW"), "select_token");
        assert_eq!(token_method("L_PAREN"), "l_paren_token");
    }

    fn lower_text(grammar: &str) -> anyhow::Result<Ast> {
        let kinds = Kinds {
            tokens: [
                ("x", "X_KW"),
                ("+", "PLUS"),
                ("-", "MINUS"),
                (",", "COMMA"),
                ("ident", "IDENT"),
            ]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect(),
            nodes: ["BIN", "LIT", "SUB", "LIST"].into_iter().map(String::from).collect(),
        };
        let grammar: Grammar = grammar.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
        lower(&grammar, &kinds, &BTreeMap::new())
    }

    fn accessors(ast: &Ast, node: &str) -> Vec<String> {
        let node = ast.nodes.iter().find(|n| n.name == node).expect("node");
        node.fields
            .iter()
            .map(|f| match f {
                Field::Token { method, kinds } => format!("{method}: {}", kinds.join("|")),
                Field::Node { method, ty, access } => format!("{method}: {ty} {access:?}"),
            })
            .collect()
    }

    #[test]
    fn lowering() -> anyhow::Result<()> {
        let ast = lower_text(
            "E = Bin | Lit | Sub
             Bin = lhs:E op:('+' | '-') rhs:E
             Lit = 'ident'
             Sub = 'x'? first:Lit sep:',' second:Lit ','
             List = (E (',' E)*)?",
        )?;
        assert_eq!(
            accessors(&ast, "Bin"),
            ["lhs: E Nth(0)", "op_token: PLUS|MINUS", "rhs: E Nth(1)"]
        );
        assert_eq!(
            accessors(&ast, "Sub"),
            ["x_token: X_KW", "first: Lit Nth(0)", "sep_token: COMMA", "second: Lit Nth(1)"]
        );
        assert_eq!(accessors(&ast, "List"), ["es: E Many"]);
        assert_eq!(ast.enums[0].variants, ["Bin", "Lit", "Sub"]);
        Ok(())
    }

    #[test]
    fn ambiguous_positions_are_refused() {
        let err = lower_text(
            "E = Bin | Lit | Sub | List
             Bin = first:Lit? rhs:Lit
             Lit = 'ident'
             Sub = 'x'
             List = 'x'",
        );
        assert!(err.is_err_and(|e| format!("{e:#}").contains("position")));
        let err = lower_text("E = Bin | Lit  Bin = Lit rhs:Lit  Lit = 'x'  Sub = 'x'  List = 'x'");
        assert!(err.is_err_and(|e| format!("{e:#}").contains("label both")));
        let err = lower_text(
            "E = Bin | Lit  Bin = first:Lit rest:Lit*  Lit = 'x'  Sub = 'x'  List = 'x'",
        );
        assert!(err.is_err_and(|e| format!("{e:#}").contains("would also yield")));
        let err = lower_text("Bin = 'x' Lit = 'x' Sub = 'x' List = 'x' Extra = 'x'");
        assert!(err.is_err_and(|e| format!("{e:#}").contains("has no node kind `EXTRA`")));
        let err = lower_text("Bin = 'y' Lit = 'x' Sub = 'x' List = 'x'");
        assert!(err.is_err_and(|e| format!("{e:#}").contains("token `'y'`")));
    }
}
