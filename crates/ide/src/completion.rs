//! Completion: columns in scope (with types), table aliases, `alias.` columns, models,
//! sources and CTEs after `FROM`/`JOIN`, functions with snippets, keywords for the clause.

use hir::{
    Db, Name,
    builtins::{self, FnKind},
    model::{analyze_text, parse},
    project::{project_config, project_model},
    resolve::{RefKind, ScopeRecord},
    sources::source_catalog,
};
use syntax::{SyntaxKind, T, TextRange, TextSize, ast::AstNode};

use crate::{
    FilePosition,
    hover::signatures,
    navigation::{is_pipeline, model_of},
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionItem {
    pub label: String,
    pub kind: CompletionKind,
    /// A type, a target, a signature.
    pub detail: Option<String>,
    /// What to insert (a snippet with `$1` when `is_snippet`).
    pub insert: String,
    pub is_snippet: bool,
    /// The text the insertion replaces: the partial name before the cursor.
    pub replace: TextRange,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CompletionKind {
    Column,
    TableAlias,
    Cte,
    Model,
    Source,
    Function,
    Keyword,
}

/// What the completion inserts at the cursor before analysing.
const MARKER: &str = "rocky_completion_marker";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Clause {
    Start,
    Select,
    From,
    /// Right after `FROM`, `JOIN` or a comma in FROM: a table name comes.
    TableName,
    Condition,
    GroupBy,
    OrderBy,
}

pub(crate) fn completions(db: &dyn Db, pos: FilePosition) -> Vec<CompletionItem> {
    let file = pos.file;
    if model_of(db, file).is_none() {
        return Vec::new();
    }
    let text = file.text(db);
    let at = usize::from(pos.offset).min(text.len());
    if !text.is_char_boundary(at) {
        return Vec::new();
    }
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_')
        .last()
        .map_or(at, |(i, _)| i);
    let replace = TextRange::new(TextSize::from(start as u32), TextSize::from(at as u32));
    let prefix = text[start..at].to_lowercase();
    // The text with a name at the cursor, as if the user had typed it: a dangling `o.`
    // or `WHERE` would otherwise swallow the clause after it.
    let marked = format!("{}{MARKER}{}", &text[..at], &text[at..]);
    let a = analyze_text(db, file, &marked);
    let rec = a.record();
    let scopes: Vec<&ScopeRecord> = {
        let mut s: Vec<&ScopeRecord> =
            rec.scopes.iter().filter(|s| s.range.contains_inclusive(pos.offset)).collect();
        // Innermost first.
        s.sort_by_key(|s| s.range.len());
        s
    };
    let mut out = Vec::new();
    let item = |label: String, kind, detail: Option<String>| CompletionItem {
        insert: label.clone(),
        label,
        kind,
        detail,
        is_snippet: false,
        replace,
    };

    // `alias.` : that relation's columns; `schema.` : the schema's source tables.
    if text[..start].ends_with('.') {
        let q_end = start - 1;
        let q_start = text[..q_end]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '"')
            .last()
            .map_or(q_end, |(i, _)| i);
        let qualifier = Name::folded(text[q_start..q_end].trim_matches('"'));
        if let Some(rel) =
            scopes.iter().flat_map(|s| s.rels.iter()).find(|r| r.qualifier == Some(qualifier))
        {
            for c in &rel.signature.columns {
                out.push(item(c.name.to_string(), CompletionKind::Column, Some(c.ty.to_string())));
            }
        } else {
            let schema = format!("{}.", qualifier.as_str());
            for t in source_catalog(db).table_names() {
                if let Some(rest) = t.to_lowercase().strip_prefix(&schema)
                    && !rest.contains('.')
                {
                    out.push(item(rest.to_string(), CompletionKind::Source, Some(t.to_string())));
                }
            }
        }
        return filter(out, &prefix);
    }

    let pipeline = is_pipeline(db, file);
    let clause = if pipeline {
        pipeline_clause_at(db, file, TextSize::from(start as u32))
    } else {
        clause_at(db, file, TextSize::from(start as u32))
    };
    if clause == Clause::TableName {
        let pm = project_model(db);
        for m in &pm.models {
            if m.file != file {
                out.push(item(m.name.clone(), CompletionKind::Model, Some(m.target.display())));
            }
        }
        for t in source_catalog(db).table_names() {
            out.push(item(t.to_string(), CompletionKind::Source, Some("source".into())));
        }
        for (_, q) in a.syntax.body.queries.iter() {
            for c in q.ctes.iter() {
                if c.name.range.end() <= pos.offset {
                    out.push(item(
                        c.name.name.to_string(),
                        CompletionKind::Cte,
                        Some("CTE".into()),
                    ));
                }
            }
        }
        return filter(out, &prefix);
    }

    if clause != Clause::Start {
        for scope in &scopes {
            for rel in &scope.rels {
                if let Some(q) = rel.qualifier {
                    out.push(item(q.to_string(), CompletionKind::TableAlias, None));
                }
                for c in &rel.signature.columns {
                    let null = if c.nullable { "" } else { " not null" };
                    out.push(item(
                        c.name.to_string(),
                        CompletionKind::Column,
                        Some(format!("{}{null}", c.ty)),
                    ));
                }
            }
        }
        // Select aliases where later clauses may use them.
        if matches!(clause, Clause::OrderBy | Clause::GroupBy | Clause::Condition) {
            for r in &rec.refs {
                if let RefKind::Alias { column, .. } = &r.kind {
                    out.push(item(
                        column.name.to_string(),
                        CompletionKind::Column,
                        Some(column.ty.to_string()),
                    ));
                }
            }
        }
        if !prefix.is_empty() {
            let dialect = project_config(db).config.dialect();
            for f in builtins::catalog(dialect).functions() {
                if !f.name.starts_with(prefix.as_str())
                    || f.name.chars().any(|c| !c.is_alphanumeric() && c != '_')
                {
                    continue;
                }
                let takes_args =
                    f.overloads.iter().any(|o| !o.params.is_empty() || o.varargs.is_some());
                let kind = match f.kind {
                    FnKind::Aggregate => "aggregate",
                    FnKind::Window => "window",
                    _ => "function",
                };
                let detail = signatures(f).into_iter().next().unwrap_or_else(|| kind.into());
                let mut it = item(f.name.to_string(), CompletionKind::Function, Some(detail));
                it.insert =
                    if takes_args { format!("{}($1)$0", f.name) } else { format!("{}()", f.name) };
                it.is_snippet = takes_args;
                out.push(it);
            }
        }
    }
    let words = if pipeline { pipeline_keywords(clause) } else { keywords(clause).to_vec() };
    for kw in words {
        out.push(item(kw.to_string(), CompletionKind::Keyword, None));
    }
    filter(out, &prefix)
}

/// The step the cursor is in, read as the SQL clause it fills: after `from`/`join` a
/// table comes; `where` and `on` are conditions; `group`, `derive`, `select` and `keep`
/// list columns and expressions; `sort` orders.
fn pipeline_clause_at(db: &dyn Db, file: crate::FileId, offset: TextSize) -> Clause {
    use SyntaxKind::*;
    let root = hir::model::parse_pipeline(db, file).syntax_node();
    clause_before(&root, offset, |kind, first| match kind {
        FROM_KW | JOIN_KW if first.is_none() => Some(Clause::TableName),
        FROM_KW | JOIN_KW => Some(Clause::From),
        WHERE_KW | ON_KW => Some(Clause::Condition),
        GROUP_KW | DERIVE_KW | SELECT_KW | KEEP_KW => Some(Clause::Select),
        SORT_KW => Some(Clause::OrderBy),
        TAKE_KW | DISTINCT_KW | REPLICATE_KW | LET_KW => Some(Clause::Start),
        _ => None,
    })
}

/// Walks back from `offset` over the tokens outside brackets opened before it, asking
/// `decide` (with the first token before the cursor) which clause each one starts.
fn clause_before(
    root: &syntax::SyntaxNode,
    offset: TextSize,
    decide: impl Fn(SyntaxKind, Option<SyntaxKind>) -> Option<Clause>,
) -> Clause {
    let mut depth = 0u32;
    let mut first: Option<SyntaxKind> = None;
    let mut token = root.token_at_offset(offset).left_biased();
    while let Some(t) = token {
        let kind = t.kind();
        if !kind.is_trivia() && t.text_range().end() <= offset {
            match kind {
                T![')'] | T!['}'] => depth += 1,
                T!['('] | T!['{'] => depth = depth.saturating_sub(1),
                _ if depth > 0 => {}
                _ => {
                    if let Some(clause) = decide(kind, first) {
                        return clause;
                    }
                }
            }
            first.get_or_insert(kind);
        }
        token = t.prev_token();
    }
    Clause::Start
}

/// Step keywords (a new step may start after any complete one), then the clause's own.
fn pipeline_keywords(clause: Clause) -> Vec<&'static str> {
    let mut words = vec![
        "from",
        "where",
        "group",
        "derive",
        "select",
        "join",
        "left join",
        "right join",
        "full join",
        "cross join",
        "sort",
        "take",
        "distinct",
        "replicate",
        "let",
    ];
    words.extend_from_slice(match clause {
        Clause::Start | Clause::TableName | Clause::GroupBy => &[],
        Clause::From => &["as", "on", "keep"],
        Clause::Condition => &["and", "or", "not", "in", "is null", "is not null", "match"],
        Clause::Select => &["match", "over", "partition", "rows", "range"],
        Clause::OrderBy => &["asc", "desc"],
    });
    if clause == Clause::TableName {
        words.clear();
    }
    words
}

fn filter(mut items: Vec<CompletionItem>, prefix: &str) -> Vec<CompletionItem> {
    items.retain(|i| i.label.to_lowercase().starts_with(prefix));
    items.sort_by(|a, b| (a.kind, &a.label).cmp(&(b.kind, &b.label)));
    items.dedup_by(|a, b| a.label == b.label && a.kind == b.kind);
    items
}

/// The clause the cursor is in: the last clause keyword before it at the same parenthesis
/// level or outside (a function's arguments belong to the clause around the call), and
/// whether a table name comes right there (after `FROM`, `JOIN`, or a comma in FROM).
fn clause_at(db: &dyn Db, file: crate::FileId, offset: TextSize) -> Clause {
    let parse = parse(db, file);
    let Some(root) = parse.tree().map(|t| t.syntax().clone()) else { return Clause::Start };
    clause_before(&root, offset, |kind, first| match kind {
        T![select] => Some(Clause::Select),
        T![from] | T![join] if matches!(first, None | Some(T![,])) => Some(Clause::TableName),
        T![from] | T![join] => Some(Clause::From),
        T![where] | T![on] | T![having] | T![qualify] => Some(Clause::Condition),
        T![group] => Some(Clause::GroupBy),
        T![order] => Some(Clause::OrderBy),
        _ => None,
    })
}

fn keywords(clause: Clause) -> &'static [&'static str] {
    match clause {
        Clause::Start => &["SELECT", "WITH", "FROM"],
        Clause::Select => &[
            "FROM",
            "AS",
            "DISTINCT",
            "CASE",
            "WHEN",
            "THEN",
            "ELSE",
            "END",
            "CAST",
            "OVER",
            "PARTITION BY",
        ],
        Clause::From | Clause::TableName => &[
            "JOIN",
            "LEFT JOIN",
            "INNER JOIN",
            "FULL JOIN",
            "CROSS JOIN",
            "ON",
            "USING",
            "WHERE",
            "GROUP BY",
            "ORDER BY",
            "AS",
        ],
        Clause::Condition => &[
            "AND",
            "OR",
            "NOT",
            "IN",
            "IS NULL",
            "IS NOT NULL",
            "BETWEEN",
            "LIKE",
            "EXISTS",
            "GROUP BY",
            "ORDER BY",
        ],
        Clause::GroupBy => {
            &["HAVING", "ORDER BY", "QUALIFY", "ROLLUP", "CUBE", "GROUPING SETS", "ALL"]
        }
        Clause::OrderBy => &["ASC", "DESC", "NULLS FIRST", "NULLS LAST", "LIMIT"],
    }
}
