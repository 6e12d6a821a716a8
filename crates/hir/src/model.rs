//! Per-model queries: syntax and IR, references, name resolution, signature, diagnostics.

use std::sync::Arc;

use syntax::{
    Parse, TextRange,
    ast::{self, AstNode},
};

use crate::{
    Db,
    body::{Body, NameSpan, lower_source_file},
    config,
    dag::model_dag,
    diagnostics::{Code, Diagnostic, Related, did_you_mean},
    input::{FileKind, SourceFile},
    name::Name,
    project::{project_config, project_model},
    resolve::{Binding, Resolved, TableEnv, TableLookup, TableRef, resolve_body, table_refs},
    scan::{possible_upstreams, single_pass},
    signature::Signature,
    sources::source_catalog,
};

/// The text the SQL parser sees: the file with a frontmatter block blanked out (same byte
/// length, so every range is a range of the file).
pub fn sql_text(text: &str) -> std::borrow::Cow<'_, str> {
    // A byte-order mark (editors on Windows write one) is blanked like the frontmatter.
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        return std::borrow::Cow::Owned(format!("   {}", sql_text(rest)));
    }
    match config::split_frontmatter(text) {
        Some(fm) => {
            let end = usize::from(fm.body_start).min(text.len());
            let mut s = String::with_capacity(text.len());
            s.extend(
                text[..end]
                    .chars()
                    .map(|c| if c == '\n' { "\n".to_string() } else { " ".repeat(c.len_utf8()) }),
            );
            s.push_str(&text[end..]);
            std::borrow::Cow::Owned(s)
        }
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// The syntax tree of a model file, for editor features (LRU-evicted between edits).
/// Invalidated by the file's text and the project's dialect.
///
/// For a `.rocky` model it is the tree of the generated SQL ([`model_sql`]), whose
/// offsets are not the file's: editor features on `.rocky` read [`parse_pipeline`].
#[salsa::tracked(returns(ref), lru = 128)]
pub fn parse(db: &dyn Db, file: SourceFile) -> Parse<ast::SourceFile> {
    let dialect = project_config(db).config.dialect();
    syntax::sql::parse(model_sql(db, file), dialect)
}

/// The pipeline tree of a `.rocky` model, for editor features (LRU-evicted between
/// edits). Invalidated by the file's text.
#[salsa::tracked(returns(ref), lru = 128)]
pub fn parse_pipeline(db: &dyn Db, file: SourceFile) -> Parse<ast::PipelineFile> {
    syntax::pipeline::parse(&sql_text(file.text(db)))
}

/// The SQL that runs for a model: its text (frontmatter blanked) or, for a `.rocky`
/// model, the SQL its pipeline lowers to. Invalidated by the file's text and the dialect.
#[salsa::tracked(returns(ref))]
pub fn model_sql(db: &dyn Db, file: SourceFile) -> Arc<str> {
    let text = sql_text(file.text(db));
    if file.kind(db) == FileKind::DslModel {
        let dialect = project_config(db).config.dialect();
        let parse = syntax::pipeline::parse(&text);
        crate::pipeline::lower(&parse.syntax_node(), dialect).sql.into()
    } else {
        text.into()
    }
}

/// A model's IR and syntax errors, memoized: what name resolution reads when the models
/// cannot be resolved in one pass ([`crate::scan::single_pass`]), and what finds their
/// references then. Parses afresh into a flat tree rather than through [`parse`], so a
/// batch compile never holds every tree at once and pays for no rowan cursors.
/// Invalidated by the file's text and the dialect.
#[derive(Debug, PartialEq, Eq)]
pub struct ModelSyntax {
    pub body: Body,
    pub errors: Vec<syntax::SyntaxError>,
    /// A `.rocky` pipeline's shape mistakes (E101), found while lowering it.
    pub pipeline_errors: Vec<syntax::SyntaxError>,
}

#[salsa::tracked(returns(ref))]
pub fn model_syntax(db: &dyn Db, file: SourceFile) -> Arc<ModelSyntax> {
    Arc::new(lower_model(db, file))
}

/// Parses and lowers a model (not memoized).
fn lower_model(db: &dyn Db, file: SourceFile) -> ModelSyntax {
    lower_text(db, file, file.text(db))
}

/// Parses and lowers `text` as the model `file` (its kind and the project's dialect).
fn lower_text(db: &dyn Db, file: SourceFile, text: &str) -> ModelSyntax {
    let dialect = project_config(db).config.dialect();
    let text = sql_text(text);
    match file.kind(db) {
        FileKind::SqlModel => {
            let tree = syntax::sql::parse_flat_without_trivia(&text, dialect);
            let body = ast::SourceFile::cast(tree.root())
                .map(|t| lower_source_file(&t, dialect))
                .unwrap_or_default();
            ModelSyntax { body, errors: tree.errors().to_vec(), pipeline_errors: Vec::new() }
        }
        FileKind::DslModel => lower_pipeline(&text, dialect),
        _ => ModelSyntax { body: Body::default(), errors: Vec::new(), pipeline_errors: Vec::new() },
    }
}

/// A `.rocky` model: the pipeline lowered to SQL, the SQL lowered to the IR, and the IR's
/// ranges mapped back into the pipeline text.
fn lower_pipeline(text: &str, dialect: syntax::Dialect) -> ModelSyntax {
    let parse = syntax::pipeline::parse(text);
    let lowered = crate::pipeline::lower(&parse.syntax_node(), dialect);
    let tree = syntax::sql::parse_flat_without_trivia(&lowered.sql, dialect);
    let mut body = ast::SourceFile::cast(tree.root())
        .map(|t| lower_source_file(&t, dialect))
        .unwrap_or_default();
    body.map_ranges(&|r| lowered.map.to_dsl(r));
    let mut errors = parse.errors().to_vec();
    if errors.is_empty() && lowered.errors.is_empty() {
        // SQL that fails to parse from a clean pipeline: a function call SQL reads
        // differently (`cast(x)`), shown where the pipeline wrote it.
        errors.extend(tree.errors().iter().map(|e| {
            syntax::SyntaxError::new(
                format!("in the generated SQL: {}", e.message),
                lowered.map.to_dsl(e.range),
            )
        }));
    }
    ModelSyntax { body, errors, pipeline_errors: lowered.errors }
}

/// The table names a model reads (CTEs excluded), sorted, without positions: backdates
/// when an edit keeps them (a comment, a new WHERE), so the DAG is not rebuilt.
#[salsa::tracked(returns(ref))]
pub fn model_refs(db: &dyn Db, file: SourceFile) -> Arc<[Vec<Name>]> {
    let mut names: Vec<Vec<Name>> =
        model_table_refs(db, file).iter().map(|r| r.path.clone()).collect();
    names.sort();
    names.dedup();
    names.into()
}

/// The table references of a model with their positions (for D011 and E170). Unlike
/// [`model_refs`] it changes whenever the text before a reference moves, so only the
/// model's own diagnostics (and, inside a cycle, its cycle partners') read it. In one-pass
/// resolution they come from the resolution's own parse; otherwise from the memoized IR
/// (resolution then needs the DAG, so it cannot be where the DAG's references come from).
#[salsa::tracked(returns(ref))]
pub fn model_table_refs(db: &dyn Db, file: SourceFile) -> Arc<[TableRef]> {
    if single_pass(db) {
        Arc::clone(&resolve_model(db, file).table_refs)
    } else {
        table_refs(&model_syntax(db, file).body).into()
    }
}

/// Name resolution of one model. Reads upstream models only through
/// [`model_signature`] (the firewall): an upstream edit that keeps its columns does not
/// re-run this.
#[salsa::tracked(returns(ref))]
pub fn resolve_model(db: &dyn Db, file: SourceFile) -> Arc<Resolved> {
    let single = single_pass(db);
    // One pass: parse here and drop the IR when done; a batch compile then never holds
    // every model's IR at once.
    let own;
    let syn: &ModelSyntax = if single {
        own = lower_model(db, file);
        &own
    } else {
        model_syntax(db, file)
    };
    let env = ProjectEnv { db, file, single };
    let dialect = project_config(db).config.dialect();
    let mut res = resolve_body(&syn.body, &sql_text(file.text(db)), &env, dialect);
    res.syntax_errors.clone_from(&syn.errors);
    if file.kind(db) == FileKind::DslModel {
        // The `*`s are the lowering's, not the author's: nothing to expand.
        res.diagnostics.retain(|d| d.code != Code::I001);
        for e in &syn.pipeline_errors {
            res.diagnostics.push(Diagnostic::new(Code::E101, None, e.range, e.message.clone()));
        }
    }
    if single {
        res.table_refs = table_refs(&syn.body).into();
    }
    // An unclosed frontmatter block swallows the file: V013 says so, no cascade here.
    let unclosed = config::split_frontmatter(file.text(db)).is_some_and(|fm| fm.close.is_none());
    if syn.body.root.is_none()
        && file.kind(db) == FileKind::SqlModel
        && syn.errors.is_empty()
        && !unclosed
    {
        res.diagnostics.push(Diagnostic::new(
            Code::E100,
            None,
            TextRange::default(),
            "the model has no SELECT statement".to_string(),
        ));
    }
    for &extra in &syn.body.extra_statements {
        res.diagnostics.push(
            Diagnostic::new(
                Code::E100,
                None,
                extra,
                "a model is one query; this statement is extra",
            )
            .with_help("move it into its own model, or into data/seed.sql"),
        );
    }
    // Where the text does not parse, the recovered tree misplaces names (`SELECT o. FROM t`
    // reads `FROM` as a field): column-level findings there would be guesses.
    if !syn.errors.is_empty() {
        res.diagnostics.retain(|d| {
            !matches!(d.code, Code::E120 | Code::E121 | Code::E122 | Code::E125 | Code::E126)
        });
    }
    for d in &mut res.diagnostics {
        d.file.get_or_insert(file);
    }
    Arc::new(res)
}

/// A model's IR and its name resolution with what every name means
/// ([`Resolved::record`]): what editor features and lineage read. Not on the batch path.
/// Reads upstream models only through [`model_signature`]; invalidated by the file's text.
#[derive(Debug, PartialEq, Eq)]
pub struct ModelAnalysis {
    pub syntax: Arc<ModelSyntax>,
    pub resolved: Resolved,
    pub record: Arc<crate::resolve::Record>,
}

impl ModelAnalysis {
    pub fn record(&self) -> &crate::resolve::Record {
        &self.record
    }
}

#[salsa::tracked(returns(ref), lru = 256)]
pub fn model_analysis(db: &dyn Db, file: SourceFile) -> Arc<ModelAnalysis> {
    // Two passes memoize every model's IR already.
    let syntax = if single_pass(db) {
        Arc::new(lower_model(db, file))
    } else {
        Arc::clone(model_syntax(db, file))
    };
    Arc::new(analyze(db, file, file.text(db), syntax))
}

/// [`model_analysis`] of another text for `file` (not memoized): completion analyses the
/// text with a name inserted at the cursor, so `SELECT o. FROM t AS o` still has its FROM.
pub fn analyze_text(db: &dyn Db, file: SourceFile, text: &str) -> ModelAnalysis {
    analyze(db, file, text, Arc::new(lower_text(db, file, text)))
}

/// Resolves `syntax` (the IR of `text`) as the model `file`, recording every name.
fn analyze(db: &dyn Db, file: SourceFile, text: &str, syntax: Arc<ModelSyntax>) -> ModelAnalysis {
    let env = ProjectEnv { db, file, single: single_pass(db) };
    let dialect = project_config(db).config.dialect();
    let (resolved, record) =
        crate::resolve::resolve_body_recorded(&syntax.body, &sql_text(text), &env, dialect);
    ModelAnalysis { syntax, resolved, record: Arc::new(record) }
}

/// The output columns of a model. Backdates when an edit keeps them.
#[salsa::tracked(returns(ref))]
pub fn model_signature(db: &dyn Db, file: SourceFile) -> Arc<Signature> {
    Arc::clone(&resolve_model(db, file).signature)
}

/// Every diagnostic of one model file: syntax, names, DAG (E170, D011).
#[salsa::tracked(returns(ref))]
pub fn model_diagnostics(db: &dyn Db, file: SourceFile) -> Vec<Diagnostic> {
    let res = resolve_model(db, file);
    let mut out: Vec<Diagnostic> = res
        .syntax_errors
        .iter()
        .map(|e| Diagnostic::new(Code::E100, Some(file), e.range, e.message.clone()))
        .collect();
    out.extend(res.diagnostics.iter().cloned());
    let pm = project_model(db);
    if let Some(&idx) = pm.by_file.get(&file) {
        let refs = model_table_refs(db, file);
        // Only a model in a cycle reads other models' reference positions (to show each
        // step); those models are its upstreams and downstreams at once.
        let refs_of = |i: usize| Arc::clone(model_table_refs(db, pm.models[i].file));
        if single_pass(db) {
            // The possible reads are acyclic: the one cycle a model can be in is reading
            // itself. Answered without the DAG, whose verification after an edit walks
            // every model of the project (the editor asks this on every keystroke).
            let model = &pm.models[idx];
            let own = Name::folded(&model.name);
            let reads_itself = refs.iter().any(|r| pm.model_for_path(&r.path) == Some(idx))
                || model.config.depends_on.iter().any(|d| Name::folded(d.as_str()) == own);
            if reads_itself {
                out.push(crate::dag::cycle_path_diagnostic(pm, &[idx, idx], idx, &refs_of));
            }
        } else {
            out.extend(crate::dag::cycle_diagnostic(pm, model_dag(db), idx, &refs_of));
        }
        out.extend(depends_on_check(db, file, refs));
    }
    // An error (here: syntax, names, a cycle) already explains why columns are unknown.
    if out.iter().any(|d| d.severity == crate::Severity::Error) {
        out.retain(|d| !matches!(d.code, Code::W002 | Code::I002));
    }
    out.sort_by_key(|d| (d.range.start(), d.range.end(), d.code));
    out
}

/// D011: a sidecar's explicit `depends_on` misses a model the SQL reads; E123 for a
/// `depends_on` entry naming no model.
fn depends_on_check(db: &dyn Db, file: SourceFile, refs: &[TableRef]) -> Vec<Diagnostic> {
    let pm = project_model(db);
    let Some(model) = pm.model(file) else { return Vec::new() };
    let declared = &model.config.depends_on;
    if declared.is_empty() {
        return Vec::new();
    }
    let config_file = model.sidecar.unwrap_or(file);
    // Folded once: each read model is looked for among them.
    let declared_names: Vec<Name> = declared.iter().map(|d| Name::folded(d.as_str())).collect();
    let mut out = Vec::new();
    for (d, name) in declared.iter().zip(&declared_names) {
        if !pm.by_name.contains_key(name) {
            let help = did_you_mean(d.as_str(), pm.models.iter().map(|m| m.name.as_str()));
            let mut diag = Diagnostic::new(
                Code::E123,
                Some(config_file),
                d.range,
                format!("`depends_on` names an unknown model `{}`", d.as_str()),
            );
            diag.help = help;
            out.push(diag);
        }
    }
    let mut seen = Vec::new();
    for r in refs {
        let Some(up) = pm.model_for_path(&r.path) else { continue };
        if seen.contains(&up) {
            continue;
        }
        seen.push(up);
        let range = r.range;
        let up_name = &pm.models[up].name;
        if !declared_names.contains(&Name::folded(up_name)) {
            let mut diag = Diagnostic::new(
                Code::D011,
                Some(file),
                range,
                format!(
                    "`depends_on` of `{}` does not list `{up_name}`, which the SQL reads",
                    model.name
                ),
            )
            .with_help(format!(
                "add \"{up_name}\" to `depends_on`, or remove `depends_on` to infer it"
            ));
            if let Some(first) = declared.first() {
                diag = diag.with_related(Related {
                    file: config_file,
                    range: first.range,
                    message: "`depends_on` is set here".into(),
                });
            }
            out.push(diag);
        }
    }
    out
}

/// How model SQL names things (FORMAT.md §4), answered from the project.
struct ProjectEnv<'a> {
    db: &'a dyn Db,
    file: SourceFile,
    /// One-pass resolution: the only possible cycle is a model reading itself.
    single: bool,
}

impl TableEnv for ProjectEnv<'_> {
    fn table(&self, path: &[NameSpan]) -> TableLookup {
        let db = self.db;
        let pm = project_model(db);
        let names: Vec<Name> = path.iter().map(|p| p.name).collect();
        let model = pm.model_for_path(&names);
        if let Some(i) = model {
            let up = pm.models[i].file;
            // Inside a cycle the upstream's columns would depend on our own: unknown. In
            // one pass, a read the scan did not foresee is not followed either: it could
            // close a cycle salsa cannot break (the fixtures check the scan foresees all).
            let in_cycle = match pm.by_file.get(&self.file) {
                Some(&me) if self.single => {
                    me == i || possible_upstreams(db, self.file).binary_search(&i).is_err()
                }
                Some(&me) => model_dag(db).same_cycle(me, i),
                None => false,
            };
            let sig = if in_cycle {
                Arc::new(Signature::unknown())
            } else {
                Arc::clone(model_signature(db, up))
            };
            return TableLookup::Found(Binding::Model(up), sig);
        }
        let cat = source_catalog(db);
        if let Some((name, sig)) = cat.table(&names) {
            return TableLookup::Found(Binding::Source(Arc::from(name)), Arc::clone(sig));
        }
        match names.as_slice() {
            // A bare name is a model reference (FORMAT.md §4), unless a known default-schema
            // table has it.
            [single] => {
                let mut cands: Vec<&str> = pm.models.iter().map(|m| m.name.as_str()).collect();
                let tables = cat.tables_like(&names);
                cands.extend(tables.iter().map(String::as_str));
                TableLookup::Unknown { help: did_you_mean(single.as_str(), cands) }
            }
            // A qualified name is a source or an external table; only where we know the
            // schema completely can we say it does not exist.
            _ if cat.knows_schema(&names) => {
                let tables = cat.tables_like(&names);
                let last = names.last().map(Name::as_str).unwrap_or("");
                TableLookup::Unknown { help: did_you_mean(last, tables.iter().map(String::as_str)) }
            }
            _ => TableLookup::External,
        }
    }
}
