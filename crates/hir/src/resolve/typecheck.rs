//! Type errors found while resolving: comparisons and join keys whose types cannot meet
//! (E001, W001), calls with a wrong number of arguments (E140) or of a function no catalog
//! knows (W100), aggregates and window functions where SQL forbids them (E142, E143), set
//! operations of different widths (E144), and what `SELECT *` and Unknown types hide (W002,
//! I001, I002).

use syntax::SyntaxKind;

use super::expr::NILADIC;
use super::infer::Typed;
use super::*;
use crate::body::{Call, ExprId, SetOp};
use crate::builtins::{
    FnKind,
    bind::{Lit, arity_mismatch},
};

/// Functions the parser or DuckDB's binder handle as special forms: they are not rows of
/// `duckdb_functions()`, yet every DuckDB accepts them (as do the niladic functions, also
/// written with parentheses).
pub(super) const SPECIAL_FORMS: &[&str] =
    &["coalesce", "ifnull", "unnest", "grouping", "grouping_id", "columns", "try", "exists"];

/// A special form or a niladic function: a call no catalog lists but every DuckDB takes.
pub(super) fn is_special_form(name: &str) -> bool {
    SPECIAL_FORMS.contains(&name) || NILADIC.contains(&name)
}

/// Where an expression sits, for the clauses that forbid aggregates or window functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Clause {
    Where,
    GroupBy,
    Having,
    JoinOn,
}

impl Clause {
    fn as_str(self) -> &'static str {
        match self {
            Clause::Where => "WHERE",
            Clause::GroupBy => "GROUP BY",
            Clause::Having => "HAVING",
            Clause::JoinOn => "a join condition",
        }
    }
}

fn is_comparison(op: SyntaxKind) -> bool {
    use SyntaxKind::*;
    matches!(op, EQ | EQ2 | NEQ | LTGT | LT | LTEQ | GT | GTEQ | NULLSAFE_EQ)
}

enum Meet {
    Same,
    /// Different types with a common supertype: an implicit cast on one side.
    Coerced,
    Incompatible,
}

/// Whether two compared values meet: literals convert (a string to anything, an integer
/// to any number), Unknown meets everything.
fn meet(a: &Typed, b: &Typed) -> Meet {
    let lit_ok = |lit: Lit, other: &Ty| match lit {
        Lit::Null | Lit::Str => Some(true),
        Lit::Int(_) => Some(other.is_numeric() || *other == Ty::Boolean || other.is_unknown()),
        Lit::No => None,
    };
    if let Some(ok) = lit_ok(a.lit, &b.ty).or_else(|| lit_ok(b.lit, &a.ty)) {
        return if ok { Meet::Same } else { Meet::Incompatible };
    }
    if a.ty.is_unknown() || b.ty.is_unknown() || a.ty == b.ty {
        return Meet::Same;
    }
    let boolean_number = |x: &Ty, y: &Ty| *x == Ty::Boolean && y.is_integer();
    let json_text = |x: &Ty, y: &Ty| *x == Ty::Json && *y == Ty::String;
    if Ty::supertype(&a.ty, &b.ty).is_some()
        || boolean_number(&a.ty, &b.ty)
        || boolean_number(&b.ty, &a.ty)
        || json_text(&a.ty, &b.ty)
        || json_text(&b.ty, &a.ty)
    {
        return Meet::Coerced;
    }
    Meet::Incompatible
}

impl Resolver<'_> {
    /// E001 for `date_col = int_col` and the like; W001 for a join key compared across
    /// types (`int_col = bigint_col` in `ON`), which casts every row of one side.
    pub(super) fn check_comparison(
        &mut self,
        op: SyntaxKind,
        lhs: ExprId,
        rhs: ExprId,
        range: TextRange,
    ) {
        if !is_comparison(op) {
            return;
        }
        let (l, r) = (self.infer(lhs), self.infer(rhs));
        match meet(&l, &r) {
            Meet::Same => {}
            Meet::Incompatible => {
                let (lt, rt) = (shown(&l), shown(&r));
                self.error(
                    Code::E001,
                    range,
                    format!("cannot compare {lt} with {rt}: the types have no common supertype"),
                    Some(format!(
                        "cast one side explicitly, e.g. `CAST(... AS {})`",
                        l.ty.sql_name(self.dialect).unwrap_or_else(|| l.ty.duckdb_name())
                    )),
                );
            }
            Meet::Coerced if self.clause == Some(Clause::JoinOn) => {
                let (lt, rt) = (shown(&l), shown(&r));
                let mut d = Diagnostic::new(
                    Code::W001,
                    None,
                    range,
                    format!("join key compares {lt} with {rt}: one side is cast on every row"),
                );
                d.help = Some("give both keys the same type upstream".to_string());
                self.out.diagnostics.push(d);
            }
            Meet::Coerced => {}
        }
    }

    /// W001 for `USING (col)` whose column has different types on the two sides.
    pub(super) fn check_using_types(&mut self, name: &NameSpan, left: &Ty, right: &Ty) {
        if left.is_unknown() || right.is_unknown() || left == right {
            return;
        }
        let lt = Typed { ty: left.clone(), nullable: true, lit: Lit::No };
        let rt = Typed { ty: right.clone(), nullable: true, lit: Lit::No };
        let (code, message) = match meet(&lt, &rt) {
            Meet::Incompatible => (
                Code::E001,
                format!(
                    "cannot join on `{}`: {left} and {right} have no common supertype",
                    name.name
                ),
            ),
            _ => (
                Code::W001,
                format!(
                    "join key `{}` compares {left} with {right}: one side is cast on every row",
                    name.name
                ),
            ),
        };
        self.out.diagnostics.push(Diagnostic::new(code, None, name.range, message));
    }

    /// E140 wrong number of arguments, W100 unknown function, E142/E143 an aggregate or a
    /// window function in a clause that forbids it.
    pub(super) fn check_call(&mut self, call: &Call) {
        let name = call.name.name.as_str();
        if !call.qualifier.is_empty() || is_special_form(name) {
            return;
        }
        let Some(f) = self.functions().get(name) else {
            if !name.is_empty() {
                let mut d = Diagnostic::new(
                    Code::W100,
                    None,
                    call.name.range,
                    format!("unknown function `{name}`"),
                );
                d.help = did_you_mean(name, self.functions().functions().map(|f| f.name));
                self.out.diagnostics.push(d);
            }
            return;
        };
        if f.kind != FnKind::Macro
            && let Some(counts) = arity_mismatch(f, call.args.len())
        {
            let takes = match counts.as_slice() {
                // Window functions' trailing parameters are optional.
                [.., most] if f.kind == FnKind::Window => format!("at most {most} arguments"),
                [n] => format!("{n} argument{}", if *n == 1 { "" } else { "s" }),
                [rest @ .., last] => {
                    let rest: Vec<String> = rest.iter().map(usize::to_string).collect();
                    format!("{} or {last} arguments", rest.join(", "))
                }
                [] => "no arguments".to_string(),
            };
            self.error(
                Code::E140,
                call.name.range,
                format!("`{name}` takes {takes}, not {}", call.args.len()),
                None,
            );
        }
        let Some(clause) = self.clause else { return };
        let windowed = call.over.is_some() || f.kind == FnKind::Window;
        if windowed && clause != Clause::JoinOn {
            self.error(
                Code::E143,
                call.range,
                format!("window function `{name}` is not allowed in {}", clause.as_str()),
                Some("compute it in a subquery or CTE, or filter it with QUALIFY".to_string()),
            );
        } else if f.kind == FnKind::Aggregate && !windowed && clause != Clause::Having {
            self.error(
                Code::E142,
                call.range,
                format!("aggregate function `{name}` is not allowed in {}", clause.as_str()),
                Some("filter aggregates with HAVING, or aggregate in a subquery".to_string()),
            );
        }
    }

    /// E144: `UNION`/`INTERSECT`/`EXCEPT` of branches with different column counts.
    pub(super) fn check_set_op_width(&mut self, op: &SetOp, lhs: &Signature, rhs: &Signature) {
        if op.by_name || lhs.open || rhs.open || lhs.columns.len() == rhs.columns.len() {
            return;
        }
        self.error(
            Code::E144,
            op.op_range,
            format!(
                "the set operation's left side has {} columns and its right side {}",
                lhs.columns.len(),
                rhs.columns.len()
            ),
            Some(
                "select the same number of columns on both sides, or use UNION BY NAME".to_string(),
            ),
        );
    }

    /// Whether a `*` in the current SELECT reads a table no schema describes.
    pub(super) fn star_over_unknown_schema(&self) -> bool {
        self.scopes.last().is_some_and(|s| s.rels.iter().any(|r| r.sig.open && r.unknown_schema))
    }

    /// W002 for a `*` over a table no schema describes; I001 listing what a known `*`
    /// expands to. A `*` over what analysis cannot derive (PIVOT) gets neither.
    pub(super) fn report_star(
        &mut self,
        range: TextRange,
        open: bool,
        unknown_schema: bool,
        expanded: &[Column],
    ) {
        if open && !unknown_schema {
            return;
        }
        if open {
            let mut d = Diagnostic::new(
                Code::W002,
                None,
                range,
                "`*` selects from a relation whose columns are unknown, so these columns are unknown too",
            );
            d.help = Some(
                "add the source to the seed or the catalog snapshot (`rocky discover`), or list the columns"
                    .to_string(),
            );
            self.out.diagnostics.push(d);
            return;
        }
        let names: Vec<&str> = expanded.iter().map(|c| c.name.as_str()).collect();
        let shown = if names.len() > 8 {
            format!("{}, … ({} more)", names[..8].join(", "), names.len() - 8)
        } else {
            names.join(", ")
        };
        self.out.diagnostics.push(Diagnostic::new(
            Code::I001,
            None,
            range,
            format!("`*` expands to {} columns: {shown}", names.len()),
        ));
    }

    /// I002 on the model's output: which columns inference could not type.
    pub(super) fn report_unknown_columns(&mut self, sig: &Signature, range: TextRange) {
        let unknown: Vec<&str> =
            sig.columns.iter().filter(|c| c.ty.is_unknown()).map(|c| c.name.as_str()).collect();
        if unknown.is_empty() {
            return;
        }
        self.out.diagnostics.push(Diagnostic::new(
            Code::I002,
            None,
            range,
            format!(
                "{} of {} output columns are typed Unknown: {}",
                unknown.len(),
                sig.columns.len(),
                unknown.join(", ")
            ),
        ));
    }
}

/// A type as a message shows it: a literal says so.
fn shown(t: &Typed) -> String {
    match t.lit {
        Lit::Int(_) => "an integer literal".to_string(),
        _ => format!("`{}`", t.ty),
    }
}
