//! Source schemas, so leaf models are typed: the catalog snapshot `rocky discover` writes,
//! the `CREATE TABLE` statements of `data/seed.sql` (read statically, never run), and
//! tables declared by a `manual` adapter in `rocky.toml`. Unknown tables stay unknown.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use syntax::{
    TreeNode, TreeToken,
    ast::{self, AstNode},
};

use crate::{
    Db,
    body::{NameSpan, lower_query},
    catalog_snapshot,
    config::{AdapterKind, ProjectConfig},
    diagnostics::Diagnostic,
    input::{FileKind, SourceFile, Workspace},
    name::Name,
    project::{project_config, set_file},
    resolve::{Binding, TableEnv, TableLookup, resolve_body},
    signature::{Column, Signature},
    ty::Ty,
};

/// The schema DuckDB puts unqualified tables in.
const DEFAULT_SCHEMA: &str = "main";

/// Every source table whose columns we know, by `schema.table` and
/// `catalog.schema.table` (case-folded).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SourceCatalog {
    tables: FxHashMap<String, (String, Arc<Signature>)>,
    /// Schemas (`schema` and `catalog.schema`) we know completely: a missing table in one
    /// of them is an error, elsewhere it may be a table we were not told about.
    schemas: FxHashSet<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl SourceCatalog {
    /// The table `path` names (1 part: in the default schema).
    pub fn table(&self, path: &[Name]) -> Option<(&str, &Arc<Signature>)> {
        let key = match path {
            [t] => format!("{DEFAULT_SCHEMA}.{t}"),
            _ => path.iter().map(Name::as_str).collect::<Vec<_>>().join("."),
        };
        self.tables.get(&key.to_lowercase()).map(|(n, s)| (n.as_str(), s))
    }

    /// Every table by its shortest name (`schema.table`; each is also known as
    /// `catalog.schema.table` when it has a catalog), sorted.
    pub fn table_names(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .tables
            .iter()
            .filter(|(k, _)| k.matches('.').count() == 1)
            .map(|(_, (n, _))| n.as_str())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether the schema part of `path` (all parts but the last) is known completely.
    pub fn knows_schema(&self, path: &[Name]) -> bool {
        let key = match path {
            [_] => DEFAULT_SCHEMA.to_string(),
            [rest @ .., _] => rest.iter().map(Name::as_str).collect::<Vec<_>>().join("."),
            [] => return false,
        };
        self.schemas.contains(&key.to_lowercase())
    }

    /// Table names of the schema of `path`, for did-you-mean.
    pub fn tables_like(&self, path: &[Name]) -> Vec<String> {
        let prefix = match path {
            [_] => format!("{DEFAULT_SCHEMA}."),
            [rest @ .., _] => {
                format!("{}.", rest.iter().map(Name::as_str).collect::<Vec<_>>().join("."))
            }
            [] => return Vec::new(),
        };
        let prefix = prefix.to_lowercase();
        let mut out: Vec<String> = self
            .tables
            .keys()
            .filter_map(|k| k.strip_prefix(&prefix))
            .filter(|rest| !rest.contains('.'))
            .map(str::to_string)
            .collect();
        out.sort();
        out
    }

    /// `CREATE OR REPLACE`, a view, an `ALTER`: the last statement about a table wins.
    fn redefine(&mut self, catalog: Option<&str>, schema: &str, table: &str, sig: Signature) {
        let key = format!("{schema}.{table}").to_lowercase();
        self.tables.remove(&key);
        if let Some(c) = catalog {
            self.tables.remove(&format!("{c}.{key}").to_lowercase());
        }
        self.insert(catalog, schema, table, sig);
    }

    fn insert(&mut self, catalog: Option<&str>, schema: &str, table: &str, sig: Signature) {
        let sig = Arc::new(sig);
        let display = format!("{schema}.{table}");
        let short = display.to_lowercase();
        self.schemas.insert(schema.to_lowercase());
        self.tables.entry(short).or_insert_with(|| (display.clone(), Arc::clone(&sig)));
        if let Some(c) = catalog {
            self.schemas.insert(format!("{c}.{schema}").to_lowercase());
            let full = format!("{c}.{schema}.{table}");
            self.tables.entry(full.to_lowercase()).or_insert((full, sig));
        }
    }
}

/// The source catalog. Invalidated by the snapshot file, `data/seed.sql` and `rocky.toml`.
#[salsa::tracked(returns(ref))]
pub fn source_catalog(db: &dyn Db) -> SourceCatalog {
    let ws = Workspace::get(db);
    let config = &project_config(db).config;
    let default_catalog = config.default_catalog();
    // Declared in config first: the user's word wins over what was discovered.
    let mut cat = manual_catalog(config);
    for &f in ws.files(db).iter() {
        match f.kind(db) {
            FileKind::CatalogSnapshot => {
                let (snap, mut diags) = catalog_snapshot::parse(f.text(db));
                set_file(&mut diags, f);
                cat.diagnostics.extend(diags);
                for t in &snap.tables {
                    cat.insert(Some(&t.catalog), &t.schema, &t.table, snapshot_signature(t));
                }
            }
            FileKind::Seed => {
                for op in seed_ops(db, f).iter() {
                    op.apply(default_catalog.as_deref(), &mut cat);
                }
            }
            _ => {}
        }
    }
    if let Some(seeded) = &ws.options(db).seed_catalog {
        for t in &seeded.tables {
            cat.redefine(default_catalog.as_deref(), &t.schema, &t.table, snapshot_signature(t));
        }
    }
    cat
}

/// What one statement of the seed does to the catalog. The seed's are kept between runs
/// as its facts (`crate::facts`), so a warm run neither parses nor types the seed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum SeedOp {
    /// `CREATE SCHEMA`: a schema known completely from here on.
    Schema(String),
    /// A table or view (re)defined: the last statement about a table wins.
    Table { schema: String, table: String, signature: Signature },
}

impl SeedOp {
    fn apply(&self, catalog: Option<&str>, cat: &mut SourceCatalog) {
        match self {
            SeedOp::Schema(schema) => {
                cat.schemas.insert(schema.to_lowercase());
                if let Some(c) = catalog {
                    cat.schemas.insert(format!("{c}.{schema}").to_lowercase());
                }
            }
            SeedOp::Table { schema, table, signature } => {
                cat.redefine(catalog, schema, table, signature.clone());
            }
        }
    }
}

/// What the statements of the seed `file` do, in order: from its kept facts when it has
/// them, else read from its text against the tables declared in config (a seed query may
/// read them). Invalidated by the seed and `rocky.toml`.
#[salsa::tracked(returns(ref))]
pub fn seed_ops(db: &dyn Db, file: SourceFile) -> Arc<[SeedOp]> {
    if let Some(ops) = file.facts(db).as_ref().and_then(|f| f.seed.as_ref()) {
        return Arc::clone(ops);
    }
    let config = &project_config(db).config;
    let mut cat = manual_catalog(config);
    seed_tables(file.text(db), config.default_catalog().as_deref(), &mut cat).into()
}

/// What the seed's statements are read against, besides its text: kept seed facts hold
/// only under the same (`crate::facts::context_of`).
pub fn seed_context(config: &ProjectConfig) -> String {
    let manual = manual_catalog(config);
    let mut tables: Vec<_> = manual.tables.iter().collect();
    tables.sort_unstable_by(|a, b| a.0.cmp(b.0));
    format!("{:?} {tables:?}", config.default_catalog())
}

/// The tables a `manual` adapter declares in `rocky.toml`.
fn manual_catalog(config: &ProjectConfig) -> SourceCatalog {
    let mut cat = SourceCatalog::default();
    for adapter in config.adapters.values() {
        if let AdapterKind::Manual { tables } = &adapter.kind {
            for t in tables {
                let columns = t
                    .columns
                    .iter()
                    .map(|c| Column {
                        name: Name::folded(&c.name),
                        ty: c.ty.as_deref().map_or(Ty::Unknown, Ty::from_sql),
                        nullable: c.nullable.unwrap_or(true),
                    })
                    .collect();
                // A table declared without columns is known to exist, its columns are not.
                let open = t.columns.is_empty();
                cat.insert(t.catalog.as_deref(), &t.schema, &t.table, Signature { columns, open });
            }
        }
    }
    cat
}

/// A discovered table's columns, typed by the names DuckDB's `information_schema` gives.
fn snapshot_signature(t: &catalog_snapshot::TableSchema) -> Signature {
    let columns = t
        .columns
        .iter()
        .map(|c| Column {
            name: Name::folded(&c.name),
            ty: Ty::from_sql(&c.ty),
            nullable: c.nullable,
        })
        .collect();
    Signature { columns, open: false }
}

/// Reads the `CREATE TABLE` statements of a seed file: column definitions, or the columns
/// of `CREATE TABLE .. AS SELECT` resolved against the tables created before it (applied to
/// `cat` as they are read). Returns what each statement did.
fn seed_tables(text: &str, catalog: Option<&str>, cat: &mut SourceCatalog) -> Vec<SeedOp> {
    let mut ops = Vec::new();
    let mut record = |op: SeedOp, cat: &mut SourceCatalog| {
        op.apply(catalog, cat);
        ops.push(op);
    };
    let parse = syntax::sql::parse_flat_without_trivia(text, syntax::Dialect::DuckDb);
    let Some(file) = ast::SourceFile::cast(parse.root()) else { return ops };
    // Where the seed does not parse, what it declares is uncertain: its tables stay known by
    // name, with open column lists, so nothing false is reported from a half-read seed.
    let uncertain = !parse.errors().is_empty();
    for stmt in file.stmts() {
        match stmt {
            ast::Stmt::CreateSchemaStmt(s) => {
                if let Some(p) = s.path() {
                    let parts = p.texts();
                    if let Some(schema) = parts.last() {
                        record(SeedOp::Schema(schema.clone()), cat);
                    }
                }
            }
            ast::Stmt::CreateTableStmt(t) => {
                let Some(path) = t.path() else { continue };
                let Some((schema, table)) = schema_and_table(&path.texts()) else { continue };
                let sig = if uncertain {
                    Signature::unknown()
                } else if let Some(defs) = t.column_def_list() {
                    let columns = defs
                        .syntax()
                        .children()
                        .filter_map(ast::ColumnDef::cast)
                        .filter_map(|c| {
                            let name = c.name()?;
                            let not_null = column_is_not_null(&c);
                            Some(Column {
                                name: Name::in_dialect(
                                    &name.text(),
                                    name.is_quoted(),
                                    syntax::Dialect::DuckDb,
                                ),
                                ty: c.ty().map_or(Ty::Unknown, |t| {
                                    Ty::from_sql(&t.syntax().text_string())
                                }),
                                nullable: !not_null,
                            })
                        })
                        .collect();
                    Signature { columns, open: false }
                } else if let Some(q) = t.query() {
                    let body = lower_query(&q, syntax::Dialect::DuckDb);
                    Signature::clone(
                        &resolve_body(&body, text, &SeedEnv(cat), syntax::Dialect::DuckDb)
                            .signature,
                    )
                } else {
                    Signature::unknown()
                };
                record(SeedOp::Table { schema, table, signature: sig }, cat);
            }
            // Views and altered tables exist; their columns we do not derive here.
            ast::Stmt::CreateViewStmt(_) | ast::Stmt::OtherStmt(_) => {
                let Some(parts) = view_or_altered_table(&stmt) else { continue };
                let Some((schema, table)) = schema_and_table(&parts) else { continue };
                record(SeedOp::Table { schema, table, signature: Signature::unknown() }, cat);
            }
            _ => {}
        }
    }
    ops
}

/// `[schema.]table` of a seed statement's name (the default schema when unqualified).
fn schema_and_table(parts: &[String]) -> Option<(String, String)> {
    match parts {
        [t] => Some((DEFAULT_SCHEMA.to_string(), t.clone())),
        [.., s, t] => Some((s.clone(), t.clone())),
        [] => None,
    }
}

/// The name of `CREATE VIEW name` or `ALTER TABLE name ...` (kept as plain tokens by the
/// parser), unquoted parts.
fn view_or_altered_table<N: TreeNode>(stmt: &ast::Stmt<N>) -> Option<Vec<String>> {
    if let Some(path) = stmt.syntax().children().find_map(ast::Path::cast) {
        return Some(path.texts());
    }
    let tokens: Vec<N::Token> = stmt
        .syntax()
        .children_with_tokens()
        .filter_map(syntax::NodeOrToken::into_token)
        .filter(|t| !t.kind().is_trivia())
        .collect();
    let [alter, table, rest @ ..] = tokens.as_slice() else { return None };
    if !alter.text().eq_ignore_ascii_case("alter") || table.kind() != syntax::SyntaxKind::TABLE_KW {
        return None;
    }
    let mut parts = Vec::new();
    for (i, t) in rest.iter().enumerate() {
        match (i % 2, t.kind()) {
            (0, syntax::SyntaxKind::IDENT | syntax::SyntaxKind::QUOTED_IDENT) => {
                parts.push(ast::unquote(t));
            }
            (1, syntax::SyntaxKind::DOT) => {}
            _ => break,
        }
    }
    (!parts.is_empty()).then_some(parts)
}

/// `NOT NULL` or `PRIMARY KEY` among a column definition's constraints (tokens, so a
/// `DEFAULT 'NOT NULL'` string does not count).
fn column_is_not_null<N: TreeNode>(c: &ast::ColumnDef<N>) -> bool {
    fn words<N: TreeNode>(node: &N, out: &mut Vec<syntax::SyntaxKind>) {
        for child in node.children_with_tokens() {
            match child {
                syntax::NodeOrToken::Node(n) => words(&n, out),
                syntax::NodeOrToken::Token(t) if !t.kind().is_trivia() => out.push(t.kind()),
                syntax::NodeOrToken::Token(_) => {}
            }
        }
    }
    let mut words_of = Vec::new();
    words(c.syntax(), &mut words_of);
    let words = words_of;
    words.windows(2).any(|w| {
        matches!(
            (w[0], w[1]),
            (syntax::SyntaxKind::NOT_KW, syntax::SyntaxKind::NULL_KW)
                | (syntax::SyntaxKind::PRIMARY_KW, syntax::SyntaxKind::KEY_KW)
        )
    })
}

/// Seed queries read the tables created before them, and anything else as external.
struct SeedEnv<'a>(&'a SourceCatalog);

impl TableEnv for SeedEnv<'_> {
    fn table(&self, path: &[NameSpan]) -> TableLookup {
        let names: Vec<Name> = path.iter().map(|p| p.name).collect();
        match self.0.table(&names) {
            Some((n, sig)) => TableLookup::Found(Binding::Source(Arc::from(n)), Arc::clone(sig)),
            None => TableLookup::External,
        }
    }
}
