//! E141: in an aggregating SELECT, every column read outside an aggregate must be a
//! grouping key (or part of an expression that is one). `GROUP BY ALL` groups by whatever
//! is not aggregated, so it never errs.

use super::*;
use crate::body::{Expr, ExprId, GroupBy, OrderItem, Select, SelectItem};
use crate::builtins::FnKind;

/// What the SELECT groups by: key expressions by their text, and the input columns among
/// them by the relation that holds them.
struct Keys {
    texts: Vec<String>,
    columns: Vec<(usize, Name)>,
    /// False when a key is a GROUP BY position out of range (E125 says so already).
    complete: bool,
}

/// An expression's text without case or whitespace, so `SUM( x )` and `sum(x)` match.
fn normalized(text: &str) -> String {
    if text.is_ascii() {
        // What `char::is_whitespace` and `to_lowercase` do to ASCII, bytewise.
        let kept = text.bytes().filter(|b| !matches!(b, b'\t'..=b'\r' | b' '));
        let mut out = String::with_capacity(text.len());
        out.extend(kept.map(|b| char::from(b.to_ascii_lowercase())));
        return out;
    }
    text.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

impl Resolver<'_> {
    /// Runs while the SELECT's scope is still the innermost one.
    pub(super) fn check_grouping(&mut self, sel: &Select, order_by: &[OrderItem]) {
        let keys_exprs: &[ExprId] = match &sel.group_by {
            GroupBy::All => return,
            GroupBy::Exprs(exprs) => exprs,
            GroupBy::None => &[],
        };
        let items: Vec<ExprId> = sel
            .items
            .iter()
            .filter_map(|i| match i {
                SelectItem::Expr { expr, .. } => Some(*expr),
                SelectItem::Star(_) => None,
            })
            .collect();
        let aggregates = items.iter().chain(sel.having.iter()).any(|&e| self.has_aggregate(e));
        if keys_exprs.is_empty() && !aggregates {
            return;
        }
        let mut keys = Keys { texts: Vec::new(), columns: Vec::new(), complete: true };
        for &k in keys_exprs {
            self.add_key(k, sel, &mut keys);
        }
        if !keys.complete {
            return;
        }
        let checked: Vec<ExprId> = items
            .iter()
            .copied()
            .chain(sel.having)
            .chain(sel.qualify)
            .chain(order_by.iter().filter_map(|o| o.expr))
            .collect();
        for e in checked {
            self.check_grouped(e, &keys);
        }
    }

    fn add_key(&self, k: ExprId, sel: &Select, keys: &mut Keys) {
        let body = self.body;
        match &body.exprs[k] {
            // `GROUP BY 2`: the second select item.
            Expr::Literal { kind: crate::body::Literal::Int, range } => {
                let pos = self.source(*range).trim().parse::<usize>().ok();
                match pos.and_then(|p| p.checked_sub(1)).and_then(|i| sel.items.get(i)) {
                    Some(SelectItem::Expr { expr, .. }) => self.add_key(*expr, sel, keys),
                    Some(SelectItem::Star(_)) => {}
                    None => keys.complete = false,
                }
                return;
            }
            Expr::Column { path, .. } => match self.column_owner(path) {
                Some(owner) => keys.columns.push(owner),
                // `GROUP BY alias`: the select item it names.
                None => {
                    if let [name] = &path[..]
                        && let Some(expr) = sel.items.iter().find_map(|i| match i {
                            SelectItem::Expr { expr, alias: Some(a), .. }
                                if a.name == name.name =>
                            {
                                Some(*expr)
                            }
                            _ => None,
                        })
                    {
                        self.add_key(expr, sel, keys);
                    }
                }
            },
            // `GROUP BY (a, b)`.
            Expr::Other { kind: syntax::SyntaxKind::TUPLE_EXPR, children, .. } => {
                for &c in children {
                    self.add_key(c, sel, keys);
                }
            }
            _ => {}
        }
        keys.texts.push(normalized(self.source(body.exprs[k].range())));
    }

    /// The relation of the SELECT's own scope that holds the column `path` names, or
    /// `None` for an outer (correlated) reference, an alias or a name that resolves nowhere.
    fn column_owner(&self, path: &[NameSpan]) -> Option<(usize, Name)> {
        let scope = self.scopes.last()?;
        let (col, qualifier) = path.split_last()?;
        let hits: Vec<usize> = scope
            .rels
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                (qualifier.is_empty() || r.named_by(qualifier)) && r.sig.column(&col.name).is_some()
            })
            .map(|(i, _)| i)
            .collect();
        match hits.as_slice() {
            [i] => Some((*i, col.name)),
            // A `USING` column: the same value whichever side names it.
            [_, ..] if qualifier.is_empty() && scope.merged.contains(&col.name) => {
                Some((usize::MAX, col.name))
            }
            _ => None,
        }
    }

    fn is_aggregate_call(&self, e: ExprId) -> bool {
        let Expr::Call(call) = &self.body.exprs[e] else { return false };
        call.over.is_none()
            && call.qualifier.is_empty()
            && (matches!(call.name.name.as_str(), "grouping" | "grouping_id")
                || self
                    .functions()
                    .get(call.name.name.as_str())
                    .is_some_and(|f| f.kind == FnKind::Aggregate))
    }

    fn has_aggregate(&self, e: ExprId) -> bool {
        if self.is_aggregate_call(e) {
            return true;
        }
        let mut found = false;
        self.body.exprs[e].for_each_child(|c| found = found || self.has_aggregate(c));
        found
    }

    /// A call of a function no catalog knows: it may be an aggregate (W100 says it is
    /// unknown), so what it reads is not checked.
    fn is_unknown_call(&self, e: ExprId) -> bool {
        let Expr::Call(call) = &self.body.exprs[e] else { return false };
        let name = call.name.name.as_str();
        !call.qualifier.is_empty()
            || (self.functions().get(name).is_none() && !typecheck::is_special_form(name))
    }

    fn check_grouped(&mut self, e: ExprId, keys: &Keys) {
        if self.is_aggregate_call(e) || self.is_unknown_call(e) {
            return;
        }
        let body = self.body;
        let expr = &body.exprs[e];
        // Columns compare by what they name; literals are constants.
        let compound = !matches!(expr, Expr::Column { .. } | Expr::Literal { .. });
        // Only grouping keys that are expressions are compared by text.
        if compound
            && !keys.texts.is_empty()
            && keys.texts.contains(&normalized(self.source(expr.range())))
        {
            return;
        }
        match expr {
            Expr::Column { path, range } => {
                let Some(owner) = self.column_owner(path) else { return };
                let grouped = keys.columns.iter().any(|k| {
                    *k == owner || (k.0 == usize::MAX || owner.0 == usize::MAX) && k.1 == owner.1
                });
                if !grouped {
                    let shown = self.source(*range).to_string();
                    self.error(
                        Code::E141,
                        *range,
                        format!("column `{shown}` is neither grouped nor aggregated"),
                        Some(format!(
                            "add `{shown}` to GROUP BY, or aggregate it (`any_value({shown})`)"
                        )),
                    );
                }
            }
            // A subquery's columns are its own; a lambda's parameters are not columns.
            Expr::Subquery { lhs, .. } => {
                if let Some(l) = lhs {
                    self.check_grouped(*l, keys);
                }
            }
            Expr::Lambda { .. } => {}
            _ => {
                let mut children = Vec::new();
                expr.for_each_child(|c| children.push(c));
                for c in children {
                    self.check_grouped(c, keys);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_keys_normalize_as_any_text_does() {
        let every_ascii: String = (0u8..128).map(char::from).collect();
        for text in [every_ascii.as_str(), "SUM( x )\t+\x0b1", "Date_Trunc('Month', t.At)"] {
            let general: String =
                text.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
            assert_eq!(super::normalized(text), general, "{text:?}");
        }
    }
}
