//! Types and nullability of expressions, as DuckDB types them: literals, casts, operators
//! and functions from the builtin catalog (overloads, generics, decimal rules), `CASE` and
//! `COALESCE` supertypes, subqueries.

use syntax::SyntaxKind;

use super::*;
use crate::body::{Call, Case, Expr, ExprId, Literal};
use crate::builtins::{
    self, FnKind,
    bind::{Arg, Bound, Lit, bind_catalog_call, int_fits, int_literal_ty, literal_own_type},
};

/// What inference knows of an expression's value.
#[derive(Debug, Clone)]
pub(super) struct Typed {
    pub ty: Ty,
    pub nullable: bool,
    pub lit: Lit,
}

impl Typed {
    fn new(ty: Ty, nullable: bool) -> Typed {
        Typed { ty, nullable, lit: Lit::No }
    }

    fn unknown() -> Typed {
        Typed::new(Ty::Unknown, true)
    }

    pub(super) fn arg(&self) -> Arg {
        Arg { ty: self.ty.clone(), lit: self.lit }
    }
}

impl Resolver<'_> {
    /// The type and nullability of an expression's value (Unknown where it cannot be told
    /// without running the query).
    pub(super) fn expr_type(&self, id: ExprId) -> (Ty, bool) {
        let t = self.infer(id);
        (t.ty, t.nullable)
    }

    pub(super) fn infer(&self, id: ExprId) -> Typed {
        match &self.body.exprs[id] {
            Expr::Column { path, .. } => match self.lookup_quiet(path) {
                Some(col) => Typed::new(col.ty, col.nullable),
                None => self
                    .lateral_alias(path)
                    .or_else(|| self.struct_field(path))
                    .unwrap_or_else(Typed::unknown),
            },
            Expr::Literal { kind, range } => self.literal(kind, *range),
            Expr::Cast { ty, is_try, expr, .. } => {
                let inner = self.infer(*expr);
                Typed::new(Ty::from_sql_in(ty, self.dialect), inner.nullable || *is_try)
            }
            Expr::Binary { op, lhs, rhs, .. } => self.binary(*op, *lhs, *rhs),
            Expr::Unary { op, expr, .. } => self.unary(*op, *expr),
            Expr::Call(call) => self.call_type(call),
            Expr::Case(case) => self.case_type(case),
            Expr::Subquery { query, lhs, exists, .. } => {
                if lhs.is_some() || *exists {
                    return Typed::new(Ty::Boolean, lhs.is_some());
                }
                // A scalar subquery: its one column, NULL when it returns no row.
                let ty = self
                    .memo
                    .get(query)
                    .and_then(|sig| sig.columns.first().map(|c| c.ty.clone()))
                    .unwrap_or(Ty::Unknown);
                Typed::new(ty, true)
            }
            Expr::Other { kind, children, range } => self.other_type(*kind, children, *range),
            Expr::Missing | Expr::Star { .. } | Expr::Lambda { .. } | Expr::Placeholder(_) => {
                Typed::unknown()
            }
        }
    }

    /// A select-list alias used later in the same list, where the dialect allows it.
    fn lateral_alias(&self, path: &[NameSpan]) -> Option<Typed> {
        let [name] = path else { return None };
        let scope = self.scopes.last().filter(|s| s.aliases_visible)?;
        let col = scope.alias_columns.iter().rev().find(|c| c.name == name.name)?;
        Some(Typed::new(col.ty.clone(), col.nullable))
    }

    /// `s.a.b` where `s` (or `t.s`) is a struct column: the field's type.
    fn struct_field(&self, path: &[NameSpan]) -> Option<Typed> {
        (1..path.len()).rev().find_map(|split| {
            let col = self.lookup_quiet(&path[..split])?;
            let mut ty = col.ty;
            for field in &path[split..] {
                let Ty::Struct(fields) = ty else { return None };
                ty = fields
                    .into_iter()
                    .find(|(n, _)| Name::folded(n) == field.name)
                    .map(|(_, t)| t)?;
            }
            Some(Typed::new(ty, true))
        })
    }

    fn literal(&self, kind: &Literal, range: TextRange) -> Typed {
        let text = self.source(range).trim();
        match kind {
            Literal::Int => match text.replace('_', "").parse::<i128>() {
                Ok(v) => Typed { ty: int_literal_ty(v), nullable: false, lit: Lit::Int(v) },
                // Past HUGEINT DuckDB reads the number as a DOUBLE.
                Err(_) => Typed::new(Ty::Float64, false),
            },
            Literal::Float => Typed::new(float_literal_ty(text), false),
            Literal::String => Typed { ty: Ty::String, nullable: false, lit: Lit::Str },
            Literal::Null => Typed { ty: Ty::Unknown, nullable: true, lit: Lit::Null },
            Literal::Bool => Typed::new(Ty::Boolean, false),
            Literal::Typed(t) => Typed::new(Ty::from_sql_in(t, self.dialect), false),
            Literal::Interval => Typed::new(Ty::Interval, false),
        }
    }

    fn binary(&self, op: SyntaxKind, lhs: ExprId, rhs: ExprId) -> Typed {
        use SyntaxKind::*;
        let (l, r) = (self.infer(lhs), self.infer(rhs));
        let nullable = l.nullable || r.nullable;
        let function = match op {
            AND_KW | OR_KW => return Typed::new(Ty::Boolean, nullable),
            EQ | EQ2 | NEQ | LTGT | LT | LTEQ | GT | GTEQ => {
                return Typed::new(Ty::Boolean, nullable);
            }
            NULLSAFE_EQ => return Typed::new(Ty::Boolean, false),
            PIPE2 => {
                let ty = match (&l.ty, &r.ty) {
                    (Ty::Array(_), _) | (_, Ty::Array(_)) => {
                        Ty::supertype(&l.ty, &r.ty).unwrap_or(Ty::Unknown)
                    }
                    _ => Ty::String,
                };
                return Typed::new(ty, nullable);
            }
            THIN_ARROW => return Typed::new(Ty::Json, true),
            THIN_ARROW2 => return Typed::new(Ty::String, true),
            PLUS => "+",
            MINUS => "-",
            STAR => "*",
            SLASH => "/",
            SLASH2 => "//",
            PERCENT => "%",
            CARET | STAR2 => "**",
            AMP => "&",
            PIPE => "|",
            SHL => "<<",
            _ => return Typed::unknown(),
        };
        Typed::new(self.operator(function, &[l.arg(), r.arg()]), nullable)
    }

    fn unary(&self, op: SyntaxKind, expr: ExprId) -> Typed {
        let inner = self.infer(expr);
        match op {
            SyntaxKind::NOT_KW => Typed::new(Ty::Boolean, inner.nullable),
            SyntaxKind::MINUS => match inner.lit {
                // `-1` is one literal: it still narrows to the other operand's type.
                Lit::Int(v) => Typed { lit: Lit::Int(-v), ty: int_literal_ty(-v), ..inner },
                _ => Typed::new(self.operator("-", &[inner.arg()]), inner.nullable),
            },
            SyntaxKind::PLUS => inner,
            SyntaxKind::TILDE => Typed::new(self.operator("~", &[inner.arg()]), inner.nullable),
            _ => Typed::unknown(),
        }
    }

    /// An operator's result type from the catalog's overloads of its symbol.
    fn operator(&self, symbol: &str, args: &[Arg]) -> Ty {
        match builtins::duckdb().get(symbol).map(|f| bind_catalog_call(f, args)) {
            Some(Bound::Ty(ty)) => ty,
            _ => Ty::Unknown,
        }
    }

    /// What this project's dialect calls its functions.
    pub(super) fn functions(&self) -> &'static builtins::Catalog {
        builtins::catalog(self.dialect)
    }

    fn call_type(&self, call: &Call) -> Typed {
        let args: Vec<Typed> = call.args.iter().map(|&a| self.infer(a)).collect();
        let any_nullable = args.iter().any(|a| a.nullable);
        let name = call.name.name.as_str();
        // Conditional forms every dialect shares, typed by the supertype of their values.
        match name {
            "coalesce" | "ifnull" | "nvl" | "greatest" | "least" => {
                let ty = supertype_of(&args);
                let nullable = args.iter().all(|a| a.nullable);
                return Typed::new(ty, nullable);
            }
            "nullif" => {
                let ty = args.first().map_or(Ty::Unknown, own_type);
                return Typed::new(ty, true);
            }
            "if" | "iif" => {
                let ty = supertype_of(args.get(1..).unwrap_or_default());
                return Typed::new(ty, args.iter().skip(1).any(|a| a.nullable));
            }
            "count" | "count_star" => return Typed::new(Ty::Int64, false),
            _ => {}
        }
        let catalog = self.functions();
        if std::ptr::eq(catalog, builtins::duckdb())
            && let Some(typed) = self.duckdb_call(name, call, &args)
        {
            return typed;
        }
        let Some(f) = catalog.get(name) else { return Typed::unknown() };
        let arg_types: Vec<Arg> = args.iter().map(Typed::arg).collect();
        let ty = match bind_catalog_call(f, &arg_types) {
            Bound::Ty(ty) => ty,
            Bound::WrongArity(_) | Bound::NoMatch => Ty::Unknown,
        };
        let nullable = match f.kind {
            // Ranking functions number rows; other aggregates are NULL over no rows.
            FnKind::Window => !matches!(
                name,
                "row_number"
                    | "rank"
                    | "dense_rank"
                    | "rank_dense"
                    | "ntile"
                    | "percent_rank"
                    | "cume_dist"
            ),
            FnKind::Aggregate => true,
            FnKind::Scalar | FnKind::Macro => any_nullable,
        };
        Typed::new(ty, nullable)
    }

    /// DuckDB's calls whose type its catalog does not give: binder rules and macros.
    fn duckdb_call(&self, name: &str, call: &Call, args: &[Typed]) -> Option<Typed> {
        let any_nullable = args.iter().any(|a| a.nullable);
        match name {
            // The part decides: seconds since the epoch are fractional, the rest whole.
            "date_part" | "datepart" if args.len() == 2 => {
                let part = call.args.first().map(|&a| self.source(self.body.exprs[a].range()));
                Some(Typed::new(date_part_type(part.unwrap_or("")), any_nullable))
            }
            // Macros, typed by what their definitions compute.
            "split_part" | "array_to_string" | "list_to_string" => {
                Some(Typed::new(Ty::String, any_nullable))
            }
            "date_add" if args.len() == 2 => {
                let ty = self.operator("+", &[args[0].arg(), args[1].arg()]);
                Some(Typed::new(ty, any_nullable))
            }
            "geomean" | "geometric_mean" => Some(Typed::new(Ty::Float64, true)),
            // One row per element.
            "unnest" => match args.first().map(|a| &a.ty) {
                Some(Ty::Array(elem)) => Some(Typed::new((**elem).clone(), true)),
                _ => None,
            },
            // The median of integers or floats interpolates; of other types it picks a value.
            "median" | "quantile_cont"
                if args.first().is_some_and(|a| {
                    a.ty.is_integer() || matches!(a.ty, Ty::Float32 | Ty::Float64)
                }) =>
            {
                Some(Typed::new(Ty::Float64, true))
            }
            _ => None,
        }
    }

    fn case_type(&self, case: &Case) -> Typed {
        let mut results: Vec<Typed> = case.arms.iter().map(|(_, r)| self.infer(*r)).collect();
        match case.else_ {
            Some(e) => results.push(self.infer(e)),
            None => results.push(Typed { ty: Ty::Unknown, nullable: true, lit: Lit::Null }),
        }
        let nullable = results.iter().any(|r| r.nullable);
        Typed::new(supertype_of(&results), nullable)
    }

    fn other_type(&self, kind: SyntaxKind, children: &[ExprId], range: TextRange) -> Typed {
        use SyntaxKind::*;
        let child = |i: usize| children.get(i).map(|&c| self.infer(c));
        let any_nullable = || children.iter().any(|&c| self.infer(c).nullable);
        match kind {
            IS_EXPR => Typed::new(Ty::Boolean, false),
            BETWEEN_EXPR | IN_EXPR | LIKE_EXPR => Typed::new(Ty::Boolean, any_nullable()),
            COLLATE_EXPR => child(0).unwrap_or_else(Typed::unknown),
            AT_TIME_ZONE_EXPR => {
                let inner = child(0).unwrap_or_else(Typed::unknown);
                let ty = match inner.ty {
                    Ty::TimestampTz => Ty::Timestamp,
                    Ty::Unknown => Ty::Unknown,
                    _ => Ty::TimestampTz,
                };
                Typed::new(ty, inner.nullable)
            }
            EXTRACT_EXPR => Typed::new(date_part_type(self.source(range)), any_nullable()),
            ARRAY_EXPR => {
                let elems: Vec<Typed> = children.iter().map(|&c| self.infer(c)).collect();
                Typed::new(Ty::Array(Box::new(supertype_of(&elems))), false)
            }
            INDEX_EXPR => {
                let base = child(0).unwrap_or_else(Typed::unknown);
                let sliced = children.len() > 2;
                let ty = match base.ty {
                    Ty::Array(elem) if !sliced => *elem,
                    Ty::Map(_, v) => *v,
                    ty @ (Ty::Array(_) | Ty::String) => ty,
                    _ => Ty::Unknown,
                };
                Typed::new(ty, true)
            }
            _ => Typed::unknown(),
        }
    }
}

fn own_type(t: &Typed) -> Ty {
    literal_own_type(&t.ty, t.lit)
}

/// The common type of `CASE` results, `COALESCE` arguments or list elements: NULLs take the
/// others' type, string literals convert to it, and integer literals narrow to the integer
/// type of the others when they fit (`COALESCE(smallint_col, 0)` stays SMALLINT).
fn supertype_of(items: &[Typed]) -> Ty {
    let values: Vec<&Typed> = items.iter().filter(|t| t.lit == Lit::No).collect();
    let integers_only = !values.is_empty() && values.iter().all(|t| t.ty.is_integer());
    let mut acc: Option<Ty> = None;
    for t in items {
        match t.lit {
            Lit::Null | Lit::Str => continue,
            Lit::Int(v) if integers_only && values.iter().all(|c| int_fits(v, &c.ty)) => continue,
            _ => {}
        }
        let ty = own_type(t);
        acc = Some(match acc {
            None => ty,
            Some(have) => match Ty::supertype(&have, &ty) {
                Some(sup) => sup,
                None => return Ty::Unknown,
            },
        });
    }
    match acc {
        Some(ty) => ty,
        None if items.iter().any(|t| t.lit == Lit::Str) => Ty::String,
        None => Ty::Unknown,
    }
}

/// `1.5` is `DECIMAL(2,1)`; with an exponent, or past 38 digits, a DOUBLE.
fn float_literal_ty(text: &str) -> Ty {
    let text = text.replace('_', "");
    if text.contains(['e', 'E']) {
        return Ty::Float64;
    }
    let (int_part, frac) = text.split_once('.').unwrap_or((&text, ""));
    let int_digits = int_part.trim_start_matches('0').len();
    let scale = frac.len();
    let precision = (int_digits + scale).max(1);
    if precision > usize::from(crate::ty::MAX_DECIMAL_PRECISION) {
        return Ty::Float64;
    }
    Ty::decimal(precision as u32, scale as u32)
}

/// What `date_part` / `EXTRACT` give for a part written in `text`: seconds since the epoch
/// (and Julian days) are fractional, every other part whole.
fn date_part_type(text: &str) -> Ty {
    let lower = text.to_ascii_lowercase();
    if lower.contains("epoch") || lower.contains("julian") { Ty::Float64 } else { Ty::Int64 }
}
