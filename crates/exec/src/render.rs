//! A model's query as the warehouse runs it: every reference to another model bound to
//! that model's target table (the same binding `run` and `test` use, FORMAT.md §4),
//! ephemeral models inlined as CTEs, and `@start_date` / `@end_date` / `@var(..)`
//! substituted. Edits are made on the lossless syntax tree, so the user's SQL is otherwise
//! kept byte for byte (comments included).

use std::collections::BTreeMap;

use anyhow::{Context, bail};
use hir::{
    Db,
    config::Strategy,
    project::{Language, ProjectModel},
    syntax::{
        SyntaxKind, SyntaxNode, TextRange, TextSize,
        ast::{self, AstNode},
    },
};

use crate::quote;

/// The half-open window of a time-partitioned run, as SQL literals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub start: String,
    pub end: String,
}

impl Window {
    /// All of time: a time-partitioned model built whole (`rocky test`, drift's DESCRIBE).
    pub fn all_time() -> Window {
        Window { start: "DATE '0001-01-01'".into(), end: "DATE '9999-12-31'".into() }
    }

    /// `[start, end)` as literals of the grain (TIMESTAMP for hours, DATE otherwise).
    pub fn between(
        g: hir::config::Granularity,
        start: chrono::NaiveDateTime,
        end: chrono::NaiveDateTime,
    ) -> Window {
        Window {
            start: crate::partition::literal(g, start),
            end: crate::partition::literal(g, end),
        }
    }
}

/// Renders models of one project for one warehouse dialect.
pub struct Renderer<'a> {
    pub db: &'a dyn Db,
    pub pm: &'a ProjectModel,
    pub dialect: hir::syntax::Dialect,
    /// `--var name=value`.
    pub vars: &'a BTreeMap<String, String>,
    /// Shadow mode: every target (and so every reference between models) is the
    /// `<table>_rocky_shadow` beside the production table.
    pub shadow: bool,
}

/// Suffix of the tables a shadow run writes (`rocky run --shadow`).
pub const SHADOW_SUFFIX: &str = "_rocky_shadow";

/// Prefix of the CTE an ephemeral model becomes in its consumers (a name no user CTE is
/// expected to take; the model name follows).
const EPHEMERAL_CTE_PREFIX: &str = "__rocky_ephemeral_";

impl Renderer<'_> {
    /// The quoted `catalog.schema.table` model `m` writes.
    pub fn target(&self, m: usize) -> anyhow::Result<String> {
        let [c, s, t] = self.target_parts(m);
        Ok(quote::path(&[&c, &s, &t], self.dialect)?)
    }

    /// `[catalog, schema, table]` model `m` writes (the shadow table in shadow mode).
    pub fn target_parts(&self, m: usize) -> [String; 3] {
        let t = &self.pm.models[m].target;
        let table =
            if self.shadow { format!("{}{SHADOW_SUFFIX}", t.table) } else { t.table.clone() };
        [t.catalog.clone(), t.schema.clone(), table]
    }

    /// The query of model `m`, ready to run. `window` fills `@start_date` / `@end_date`;
    /// without one they are an error (only time-partitioned models have a window).
    pub fn select(&self, m: usize, window: Option<&Window>) -> anyhow::Result<String> {
        self.select_inner(m, window, 0)
    }

    fn select_inner(
        &self,
        m: usize,
        window: Option<&Window>,
        depth: usize,
    ) -> anyhow::Result<String> {
        let model = &self.pm.models[m];
        if depth > self.pm.models.len() {
            bail!("ephemeral models inline each other in a cycle through `{}`", model.name);
        }
        let db = self.db;
        let file = model.file;
        let parse = hir::model::parse(db, file);
        let root = parse.tree().context("the model does not parse")?;
        let mut stmts = root.stmts();
        let Some(first) = stmts.next() else { bail!("the model holds no query") };
        if stmts.next().is_some() {
            bail!("the model holds more than one statement; a model is one query");
        }
        let ast::Stmt::QueryStmt(stmt) = first else {
            bail!("the model is not a query: a model is one SELECT (or WITH .. SELECT)");
        };
        let query = stmt.query().context("the model holds no query")?;
        let qnode = query.syntax();
        let qrange = qnode.text_range();
        let text = hir::model::model_sql(db, file);

        let mut edits: Vec<(TextRange, String)> = Vec::new();
        let mut ephemerals: Vec<usize> = Vec::new();
        // A `.rocky` model's IR points into the pipeline text; the edits here are edits
        // of its generated SQL, so its references come from that SQL's own IR.
        let own_body;
        let body = if model.language == Language::Rocky {
            own_body = hir::body::lower_source_file(&root, self.dialect);
            &own_body
        } else {
            &hir::model::model_syntax(db, file).body
        };
        for r in hir::resolve::table_refs(body) {
            let Some(u) = self.pm.model_for_path(&r.path) else { continue };
            if !qrange.contains_range(r.range) {
                continue;
            }
            let upstream = &self.pm.models[u];
            let replacement =
                if upstream.config.effective_strategy() == Strategy::Ephemeral && u != m {
                    if !ephemerals.contains(&u) {
                        ephemerals.push(u);
                    }
                    quote::ident(&format!("{EPHEMERAL_CTE_PREFIX}{}", upstream.name), self.dialect)?
                } else {
                    self.target(u)?
                };
            // `FROM orders` keeps answering to `orders.col` once it names the target.
            let alias = match table_ref_at(qnode, r.range) {
                Some(t) if t.aliases().next().is_none() => {
                    let last = r.path.last().map(|n| n.as_str()).unwrap_or(upstream.name.as_str());
                    format!(" AS {}", quote::ident(last, self.dialect)?)
                }
                _ => String::new(),
            };
            edits.push((r.range, format!("{replacement}{alias}")));
        }
        for p in qnode.descendants().filter(|n| n.kind() == SyntaxKind::PLACEHOLDER) {
            if p.ancestors().skip(1).any(|a| a.kind() == SyntaxKind::PLACEHOLDER) {
                continue;
            }
            edits.push((p.text_range(), self.placeholder(&p, window)?));
        }
        if !ephemerals.is_empty() {
            let mut ctes = Vec::new();
            for &u in &ephemerals {
                let name = quote::ident(
                    &format!("{EPHEMERAL_CTE_PREFIX}{}", self.pm.models[u].name),
                    self.dialect,
                )?;
                let sql = self
                    .select_inner(u, window, depth + 1)
                    .with_context(|| format!("in ephemeral model `{}`", self.pm.models[u].name))?;
                ctes.push(format!("{name} AS (\n{sql}\n)"));
            }
            let ctes = ctes.join(",\n");
            match query.with_clause() {
                Some(w) => {
                    let after = w.recursive_token().or_else(|| w.with_token());
                    let at =
                        after.map_or(w.syntax().text_range().start(), |t| t.text_range().end());
                    edits.push((TextRange::empty(at), format!("\n{ctes},\n")));
                }
                None => edits.push((TextRange::empty(qrange.start()), format!("WITH {ctes}\n"))),
            }
        }
        edits.sort_by_key(|(r, _)| (r.start(), r.end()));
        let mut out = String::with_capacity(usize::from(qrange.len()) + 64);
        let mut at = qrange.start();
        for (range, replacement) in edits {
            out.push_str(slice(text, at, range.start()));
            out.push_str(&replacement);
            at = range.end().max(at);
        }
        out.push_str(slice(text, at, qrange.end()));
        Ok(out)
    }

    fn placeholder(&self, p: &SyntaxNode, window: Option<&Window>) -> anyhow::Result<String> {
        let name = p
            .first_token()
            .map(|t| t.text().trim_start_matches('@').to_ascii_lowercase())
            .unwrap_or_default();
        let args: Vec<SyntaxNode> = p
            .children()
            .find(|c| c.kind() == SyntaxKind::ARG_LIST)
            .map(|l| l.children().filter(|a| a.kind() == SyntaxKind::ARG).collect())
            .unwrap_or_default();
        match name.as_str() {
            "start_date" | "end_date" => {
                let Some(w) = window else {
                    bail!(
                        "`@{name}` is only set for time_interval and microbatch models, \
                         which run one time window at a time"
                    );
                };
                Ok(if name == "start_date" { w.start.clone() } else { w.end.clone() })
            }
            "var" => {
                let var = args
                    .first()
                    .map(|a| a.text().to_string().trim().trim_matches(['\'', '"']).to_owned())
                    .filter(|v| !v.is_empty())
                    .context("`@var(..)` needs a variable name")?;
                let in_from = p.parent().is_some_and(|n| n.kind() == SyntaxKind::TABLE_REF);
                match (self.vars.get(&var), args.get(1)) {
                    (Some(v), _) if in_from => Ok(quote::ident(v, self.dialect)?),
                    (Some(v), _) => Ok(quote::value(v)?),
                    (None, Some(default)) => Ok(default.text().to_string()),
                    (None, None) => bail!(
                        "E028: `@var({var})` has no value; pass `--var {var}=VALUE` or give a \
                         default, `@var({var}, VALUE)`"
                    ),
                }
            }
            other => {
                bail!("`@{other}(..)` is a text macro; macros are not expanded in this version")
            }
        }
    }
}

/// The FROM table item whose name is exactly `range`.
fn table_ref_at(root: &SyntaxNode, range: TextRange) -> Option<ast::TableRef> {
    let token = root.token_at_offset(range.start()).right_biased()?;
    token
        .parent_ancestors()
        .filter_map(ast::TableRef::cast)
        .find(|t| t.path().is_some_and(|p| p.syntax().text_range() == range))
}

fn slice(text: &str, from: TextSize, to: TextSize) -> &str {
    text.get(usize::from(from)..usize::from(to)).unwrap_or("")
}
