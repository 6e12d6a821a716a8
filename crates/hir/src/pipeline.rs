//! Lowering `.rocky` pipelines (FORMAT.md §6) to SQL with a source map.
//!
//! Steps fill the clauses of one `SELECT` while they keep their meaning there (`where`
//! before `group` is `WHERE`, after it `HAVING`; `derive` adds select items; `sort` and
//! `take` are `ORDER BY` and `LIMIT`). A step that would change meaning inside the same
//! `SELECT` (`where` after `take`, `group` after `select`, ...) closes it as a CTE
//! `__rocky_step_N` and starts a new one over it. `let` bindings are CTEs.
//!
//! The SQL is then parsed and lowered like any SQL model; every range of that IR is mapped
//! back through the [`SourceMap`], so diagnostics, types, lineage, hover and rename point
//! into the `.rocky` text. The same SQL is what runs.

mod expr;
mod source_map;

use syntax::{
    Dialect, SyntaxKind, SyntaxNode, SyntaxToken, T, TextRange,
    ast::{self, AstNode as _},
};

pub use self::source_map::SourceMap;
use self::{
    expr::{Printer, Substitutions, bare_name, exprs, ident, path_names, tokens},
    source_map::Out,
};

/// The SQL of a `.rocky` model, where it came from, and the mistakes in the pipeline's
/// shape (E101) found while lowering.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PipelineSql {
    pub sql: String,
    pub map: SourceMap,
    pub errors: Vec<syntax::SyntaxError>,
}

/// Lowers a parsed `.rocky` file (a `PIPELINE_FILE` node) to SQL in `dialect`.
pub fn lower(root: &SyntaxNode, dialect: Dialect) -> PipelineSql {
    let mut l = Lowerer { dialect, ctes: Vec::new(), next_step: 0, errors: Vec::new() };
    let mut main = None;
    for item in root.children() {
        match item.kind() {
            SyntaxKind::LET_BINDING => l.let_binding(&item),
            SyntaxKind::PIPELINE if main.is_none() => main = Some(item),
            SyntaxKind::PIPELINE => l.error(
                item.text_range(),
                "a file holds one main pipeline; start another model for this one",
            ),
            _ => {}
        }
    }
    l.check_literals_and_matches(root);
    let mut out = Out::default();
    let body = match &main {
        Some(p) => l.pipeline(p),
        None => {
            let at = TextRange::empty(root.text_range().end());
            if root.children().any(|n| n.kind() == SyntaxKind::LET_BINDING) {
                l.error(at, "the file has `let` bindings but no main pipeline after them");
            } else if !root.children().any(|n| n.kind() == SyntaxKind::ERROR_NODE) {
                l.error(at, "the file has no pipeline; start it with `from NAME`");
            }
            let mut o = Out::default();
            o.emit("SELECT NULL", at);
            o
        }
    };
    let whole = root.text_range();
    for (i, cte) in l.ctes.iter().enumerate() {
        out.emit(if i == 0 { "WITH " } else { ",\n" }, whole);
        out.append(cte);
    }
    if !l.ctes.is_empty() {
        out.emit("\n", whole);
    }
    out.append(&body);
    let (sql, map) = out.finish();
    PipelineSql { sql, map, errors: l.errors }
}

struct Lowerer {
    dialect: Dialect,
    /// `name AS (query)`, in the order they must be defined.
    ctes: Vec<Out>,
    next_step: u32,
    errors: Vec<syntax::SyntaxError>,
}

/// A relation of the `FROM` clause: how join keys and `keep` lists name it.
#[derive(Debug, Clone)]
struct Rel {
    qualifier: Out,
    /// `{ keep ... }` of a join: only these columns of the relation come out.
    keep: Option<Vec<Out>>,
}

/// One `SELECT` being filled by steps.
#[derive(Debug, Default)]
struct Stage {
    from: Option<Out>,
    rels: Vec<Rel>,
    joins: Vec<Out>,
    wheres: Vec<Out>,
    group: Option<Group>,
    havings: Vec<Out>,
    /// An explicit `select { .. }` list.
    items: Option<Vec<Out>>,
    /// `derive`d columns, printed after `*`, substituted where their names are read.
    derived: Substitutions,
    derived_items: Vec<Out>,
    /// A derived column is a window function.
    windowed: bool,
    distinct: bool,
    order: Option<Out>,
    limit: Option<Out>,
    /// Any step after `from` (and its joins).
    shaped: bool,
}

#[derive(Debug, Default)]
struct Group {
    keys: Vec<Out>,
    items: Vec<Out>,
    aggregates: Substitutions,
}

impl Lowerer {
    fn error(&mut self, range: TextRange, msg: &str) {
        self.errors.push(syntax::SyntaxError::new(msg, range));
    }

    /// What parses but has no meaning: `match` arms after `_`, comparison patterns in a
    /// `match` without a value, timestamps with a UTC offset other than `Z`.
    fn check_literals_and_matches(&mut self, root: &SyntaxNode) {
        use SyntaxKind::*;
        for node in root.descendants() {
            if node.kind() != MATCH_EXPR {
                continue;
            }
            let subject = exprs(&node).next().is_some();
            let mut after_wildcard = false;
            for arm in node.children().filter(|n| n.kind() == MATCH_ARM) {
                let Some(pat) = arm.children().find(|n| n.kind() == MATCH_PATTERN) else {
                    continue;
                };
                if after_wildcard {
                    self.error(arm.text_range(), "this arm comes after `_` and is never reached");
                    continue;
                }
                let first = tokens(&pat).next().map(|t| t.kind());
                if first.is_some_and(|k| k == IDENT) && pat.children().next().is_none() {
                    after_wildcard = true;
                } else if !subject
                    && matches!(
                        first,
                        Some(
                            T![==]
                                | T![!=]
                                | T![<]
                                | T![<=]
                                | T![>]
                                | T![>=]
                                | IS_KW
                                | IN_KW
                                | NOT_KW
                        )
                    )
                {
                    self.error(
                        pat.text_range(),
                        "a `match` without a value takes conditions: write `x > 10 => ..`, or `match x { > 10 => .. }`",
                    );
                }
            }
        }
        for tok in root.descendants_with_tokens().filter_map(|e| e.into_token()) {
            if tok.kind() == AT_DATE
                && let Some((_, time)) = tok.text().split_once('T')
                && (time.contains('+') || time.contains('-'))
            {
                self.error(
                    tok.text_range(),
                    "a timestamp is written in UTC with `Z` (`@2025-01-01T10:00:00Z`); offsets are not supported",
                );
            }
        }
    }

    fn printer<'a>(&self, subst: &'a Substitutions) -> Printer<'a> {
        Printer { dialect: self.dialect, subst }
    }

    fn let_binding(&mut self, node: &SyntaxNode) {
        let Some(name) =
            node.children().find(|n| n.kind() == SyntaxKind::NAME).and_then(|n| n.first_token())
        else {
            return;
        };
        let Some(pipeline) = node.children().find(|n| n.kind() == SyntaxKind::PIPELINE) else {
            return;
        };
        let body = self.pipeline(&pipeline);
        let mut cte = Out::default();
        ident(&mut cte, &name, self.dialect);
        cte.emit(" AS (", node.text_range());
        cte.append(&body);
        cte.emit(")", node.text_range());
        self.ctes.push(cte);
    }

    fn pipeline(&mut self, node: &SyntaxNode) -> Out {
        let mut stage = Stage::default();
        let steps: Vec<SyntaxNode> =
            node.children().filter(|n| <ast::PipelineStep>::can_cast(n.kind())).collect();
        if let Some(first) = steps.first()
            && first.kind() != SyntaxKind::FROM_STEP
        {
            self.error(first.text_range(), "a pipeline starts with `from NAME`");
        }
        for (i, step) in steps.iter().enumerate() {
            self.step(&mut stage, step, i == 0);
        }
        self.print_stage(&stage, node.text_range())
    }

    /// Closes `stage` as a CTE and starts a new one reading it.
    fn wrap(&mut self, stage: &mut Stage, at: TextRange) {
        self.next_step += 1;
        let name = format!("__rocky_step_{}", self.next_step);
        let body = self.print_stage(stage, at);
        // The CTE's name is nowhere in the pipeline: an empty range, which editor
        // features skip (hover, rename), where the wrapping step starts.
        let nowhere = TextRange::empty(at.start());
        let mut cte = Out::default();
        cte.emit(&format!("{name} AS ("), nowhere).append(&body).emit(")", nowhere);
        self.ctes.push(cte);
        let mut from = Out::default();
        from.emit(&name, nowhere);
        // Over one relation, its name keeps qualifying columns (`o.amount` after a wrap);
        // a group makes a new relation.
        let qualifier = match stage.rels.as_slice() {
            [one] if stage.group.is_none() => {
                from.emit(" AS ", at).append(&one.qualifier);
                one.qualifier.clone()
            }
            _ => from.clone(),
        };
        *stage = Stage {
            from: Some(from),
            rels: vec![Rel { qualifier, keep: None }],
            ..Stage::default()
        };
    }

    fn step(&mut self, st: &mut Stage, step: &SyntaxNode, first: bool) {
        use SyntaxKind::*;
        let range = step.text_range();
        match step.kind() {
            FROM_STEP => {
                if !first {
                    self.error(range, "`from` comes once, as the first step of a pipeline");
                    return;
                }
                let Some(path) = step.children().find(|n| n.kind() == PATH) else { return };
                let p = self.printer(&st.derived);
                let mut from = Out::default();
                p.path(&mut from, &path);
                let qualifier = alias_or_last(step, &path, self.dialect);
                if let Some(alias) = alias_name(step) {
                    from.emit(" AS ", range);
                    ident(&mut from, &alias, self.dialect);
                }
                st.from = Some(from);
                st.rels.push(Rel { qualifier, keep: None });
            }
            JOIN_STEP => {
                if st.shaped {
                    self.wrap(st, range);
                }
                self.join(st, step);
            }
            WHERE_STEP => {
                // A window function cannot be substituted into WHERE: filter its result.
                if st.limit.is_some() || st.distinct || st.items.is_some() || st.windowed {
                    self.wrap(st, range);
                }
                let Some(cond) = exprs(step).next() else { return };
                let mut out = Out::default();
                if let Some(group) = &st.group {
                    self.printer(&group.aggregates).expr(&mut out, &cond);
                    st.havings.push(out);
                } else {
                    self.printer(&st.derived).expr(&mut out, &cond);
                    st.wheres.push(out);
                }
                st.shaped = true;
            }
            GROUP_STEP => {
                if st.group.is_some()
                    || st.items.is_some()
                    || !st.derived_items.is_empty()
                    || st.limit.is_some()
                    || st.distinct
                    || st.order.is_some()
                {
                    self.wrap(st, range);
                }
                let mut group = Group::default();
                let p = self.printer(&st.derived);
                for key in exprs(step) {
                    let mut k = Out::default();
                    p.expr(&mut k, &key);
                    group.items.push(k.clone());
                    group.keys.push(k);
                }
                for field in fields(step) {
                    if let Some((item, name, value)) = self.field(&st.derived, &field, false) {
                        group.items.push(item);
                        if let Some(name) = name {
                            group.aggregates.items.push((name, value));
                        }
                    }
                }
                st.group = Some(group);
                st.shaped = true;
            }
            DERIVE_STEP => {
                if st.limit.is_some() || st.distinct || st.group.is_some() || st.items.is_some() {
                    self.wrap(st, range);
                }
                for field in fields(step) {
                    st.windowed |= field.descendants().any(|n| n.kind() == PIPE_WINDOW);
                    if let Some((item, name, value)) = self.field(&st.derived, &field, true) {
                        st.derived_items.push(item);
                        if let Some(name) = name {
                            st.derived.items.push((name, value));
                        }
                    }
                }
                st.shaped = true;
            }
            SELECT_STEP | REPLICATE_STEP => {
                // A `*` means the columns so far: derived ones and `keep` lists included,
                // which only a relation over this stage has as plain columns.
                let star = step.kind() == REPLICATE_STEP
                    || fields(step).iter().any(|f| {
                        f.descendants().any(|n| n.kind() == STAR_EXPR)
                            && !f.descendants().any(|n| n.kind() == CALL_EXPR)
                    });
                let reshaped =
                    !st.derived_items.is_empty() || st.rels.iter().any(|r| r.keep.is_some());
                if st.limit.is_some()
                    || st.distinct
                    || st.group.is_some()
                    || st.items.is_some()
                    || (star && reshaped)
                {
                    self.wrap(st, range);
                }
                let mut items = Vec::new();
                if step.kind() == REPLICATE_STEP {
                    let mut o = Out::default();
                    o.emit("*", range);
                    items.push(o);
                }
                for field in fields(step) {
                    if let Some((item, _, _)) = self.field(&st.derived, &field, false) {
                        items.push(item);
                    }
                }
                if items.is_empty() {
                    self.error(range, "`select` needs at least one column");
                    return;
                }
                st.items = Some(items);
                st.shaped = true;
            }
            SORT_STEP => {
                if st.limit.is_some() {
                    self.wrap(st, range);
                }
                let mut order = Out::default();
                self.printer(&Substitutions::default()).sort_keys(&mut order, step);
                st.order = (!order.is_empty()).then_some(order);
                st.shaped = true;
            }
            TAKE_STEP => {
                if st.limit.is_some() {
                    self.wrap(st, range);
                }
                let Some(n) = exprs(step).next() else { return };
                let mut out = Out::default();
                self.printer(&Substitutions::default()).expr(&mut out, &n);
                st.limit = Some(out);
                st.shaped = true;
            }
            DISTINCT_STEP => {
                if st.limit.is_some() {
                    self.wrap(st, range);
                }
                st.distinct = true;
                st.shaped = true;
            }
            _ => {}
        }
    }

    /// A field: `name: expr` (→ `expr AS name`) or `expr`. Returns the select item, the
    /// name it defines and its expression (for substitution).
    fn field(
        &mut self,
        subst: &Substitutions,
        field: &SyntaxNode,
        needs_name: bool,
    ) -> Option<(Out, Option<String>, Out)> {
        let range = field.text_range();
        let value = exprs(field).next()?;
        let p = self.printer(subst);
        let mut expr = Out::default();
        p.expr(&mut expr, &value);
        let name = field
            .children()
            .find(|n| n.kind() == SyntaxKind::NAME)
            .and_then(|n| n.first_token())
            // A derived alias selected by name keeps its name.
            .or_else(|| bare_name(&value).filter(|n| subst_has(subst, n)));
        let mut item = expr.clone();
        match &name {
            Some(name) => {
                item.emit(" AS ", range);
                ident(&mut item, name, self.dialect);
            }
            None if needs_name => {
                self.error(range, "a derived column needs a name: `name: expression`");
                return None;
            }
            None => {}
        }
        Some((item, name.map(|n| n.text().to_string()), expr))
    }

    fn join(&mut self, st: &mut Stage, step: &SyntaxNode) {
        use SyntaxKind::*;
        let range = step.text_range();
        let Some(path) = step.children().find(|n| n.kind() == PATH) else { return };
        let kind = tokens(step).next().map(|t| t.kind());
        let mut out = Out::default();
        out.emit(
            match kind {
                Some(LEFT_KW) => " LEFT JOIN ",
                Some(RIGHT_KW) => " RIGHT JOIN ",
                Some(FULL_KW) => " FULL JOIN ",
                Some(CROSS_KW) => " CROSS JOIN ",
                _ => " JOIN ",
            },
            range,
        );
        let none = Substitutions::default();
        let p = self.printer(&none);
        p.path(&mut out, &path);
        if let Some(alias) = alias_name(step) {
            out.emit(" AS ", range);
            ident(&mut out, &alias, self.dialect);
        }
        let right = alias_or_last(step, &path, self.dialect);
        if kind != Some(CROSS_KW) {
            let left = st.rels.first().map(|r| r.qualifier.clone());
            let keys: Vec<SyntaxNode> = exprs(step).collect();
            out.emit(" ON ", range);
            if keys.is_empty() {
                out.emit("TRUE", range);
            }
            for (i, key) in keys.iter().enumerate() {
                if i > 0 {
                    out.emit(" AND ", range);
                }
                match (bare_name(key), &left) {
                    // `on id`: the key of the left side equals the joined one's.
                    (Some(name), Some(left)) => {
                        out.emit("(", key.text_range());
                        out.append(left).emit(".", key.text_range());
                        ident(&mut out, &name, self.dialect);
                        out.emit(" = ", key.text_range());
                        out.append(&right).emit(".", key.text_range());
                        ident(&mut out, &name, self.dialect);
                        out.emit(")", key.text_range());
                    }
                    _ => p.expr(&mut out, key),
                }
            }
        }
        let keep = step.children().find(|n| n.kind() == KEEP_LIST).map(|k| {
            exprs(&k)
                .map(|e| {
                    let mut o = Out::default();
                    if let Some(name) = bare_name(&e) {
                        o.append(&right).emit(".", e.text_range());
                        ident(&mut o, &name, self.dialect);
                    } else {
                        p.expr(&mut o, &e);
                    }
                    o
                })
                .collect()
        });
        st.joins.push(out);
        st.rels.push(Rel { qualifier: right, keep });
    }

    fn print_stage(&self, st: &Stage, range: TextRange) -> Out {
        let mut out = Out::default();
        out.emit(if st.distinct { "SELECT DISTINCT " } else { "SELECT " }, range);
        let items: Vec<Out> = if let Some(group) = &st.group {
            group.items.clone()
        } else if let Some(items) = &st.items {
            items.clone()
        } else {
            let mut items = Vec::new();
            if st.rels.iter().any(|r| r.keep.is_some()) {
                for rel in &st.rels {
                    match &rel.keep {
                        Some(keep) => items.extend(keep.iter().cloned()),
                        None => {
                            let mut o = rel.qualifier.clone();
                            o.emit(".*", range);
                            items.push(o);
                        }
                    }
                }
            } else {
                let mut o = Out::default();
                o.emit("*", range);
                items.push(o);
            }
            items.extend(st.derived_items.iter().cloned());
            items
        };
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.emit(", ", range);
            }
            out.append(item);
        }
        if let Some(from) = &st.from {
            out.emit("\nFROM ", range).append(from);
            for j in &st.joins {
                out.append(j);
            }
        }
        conjunction(&mut out, "\nWHERE ", &st.wheres, range);
        if let Some(group) = &st.group
            && !group.keys.is_empty()
        {
            out.emit("\nGROUP BY ", range);
            for (i, k) in group.keys.iter().enumerate() {
                if i > 0 {
                    out.emit(", ", range);
                }
                out.append(k);
            }
        }
        conjunction(&mut out, "\nHAVING ", &st.havings, range);
        if let Some(order) = &st.order {
            out.emit("\nORDER BY ", range).append(order);
        }
        if let Some(limit) = &st.limit {
            out.emit("\nLIMIT ", range).append(limit);
        }
        out
    }
}

fn conjunction(out: &mut Out, keyword: &str, conds: &[Out], range: TextRange) {
    for (i, c) in conds.iter().enumerate() {
        out.emit(if i == 0 { keyword } else { " AND " }, range);
        out.append(c);
    }
}

fn subst_has(subst: &Substitutions, name: &SyntaxToken) -> bool {
    subst.items.iter().any(|(n, _)| n.eq_ignore_ascii_case(name.text()))
}

/// The `FIELD`s of a step's `{ .. }` (or of a step whose braces were forgotten).
fn fields(step: &SyntaxNode) -> Vec<SyntaxNode> {
    let list = step.children().find(|n| n.kind() == SyntaxKind::FIELD_LIST);
    list.as_ref().unwrap_or(step).children().filter(|n| n.kind() == SyntaxKind::FIELD).collect()
}

fn alias_name(step: &SyntaxNode) -> Option<SyntaxToken> {
    step.children()
        .find(|n| n.kind() == SyntaxKind::ALIAS)?
        .children()
        .find(|n| n.kind() == SyntaxKind::NAME)?
        .first_token()
}

/// How columns of a `from`/`join` relation are qualified: its alias, else its last name.
fn alias_or_last(step: &SyntaxNode, path: &SyntaxNode, dialect: Dialect) -> Out {
    let mut out = Out::default();
    if let Some(tok) = alias_name(step).or_else(|| path_names(path).pop()) {
        ident(&mut out, &tok, dialect);
    }
    out
}

#[cfg(test)]
mod tests;
