//! Type names: `DECIMAL(18, 2)`, `INTEGER[]`, `STRUCT(a INT)`, `ARRAY<STRING>`,
//! `TIMESTAMP WITH TIME ZONE`, `DOUBLE PRECISION`.

use super::*;

pub(crate) fn type_ref(p: &mut Parser<'_>) {
    let m = p.start();
    if !p.enter() {
        p.error("nesting too deep");
        p.bump_any_balanced();
        m.complete(p, ERROR_NODE);
        return;
    }
    type_inner(p);
    p.leave();
    m.complete(p, TYPE);
}

fn type_inner(p: &mut Parser<'_>) {
    if !at_name(p) {
        p.error("expected a type");
        return;
    }
    let is_struct = matches!(p.current(), T![struct] | T![row]) || p.at_contextual_kw("union");
    let name = p.start();
    p.bump_remap(IDENT);
    while p.at(T![.]) && at_name_kind(p.nth(1)) {
        p.bump(T![.]);
        p.bump_remap(IDENT);
    }
    // Multi-word type names.
    if p.at_contextual_kw("precision") || p.at_contextual_kw("varying") {
        p.bump_remap(IDENT);
    }
    if matches!(p.current(), T![with] | T![without])
        && p.nth_at(1, T![time])
        && p.nth_at(2, T![zone])
    {
        p.bump_any();
        p.bump(T![time]);
        p.bump(T![zone]);
    }
    name.complete(p, NAME_REF);
    if p.at(T!['(']) {
        let args = p.start();
        p.bump(T!['(']);
        comma_list(p, T![')'], |p| {
            if is_struct && at_name(p) && !matches!(p.nth(1), T![,] | T![')']) {
                struct_field(p);
                true
            } else if matches!(p.current(), INT_NUMBER | T![-]) || p.at(T![*]) {
                p.bump_any();
                if p.at(INT_NUMBER) {
                    p.bump(INT_NUMBER);
                }
                true
            } else if at_name(p) {
                type_ref(p);
                true
            } else {
                false
            }
        });
        p.expect(T![')']);
        args.complete(p, TYPE_ARGS);
    } else if p.at(T![<]) {
        let args = p.start();
        p.bump(T![<]);
        comma_list(p, T![>], |p| {
            if is_struct
                && at_name(p)
                && (p.nth_at(1, T![:]) || at_name_kind(p.nth(1)) || p.nth(1).is_keyword())
            {
                struct_field(p);
                true
            } else if at_name(p) {
                type_ref(p);
                true
            } else {
                false
            }
        });
        p.expect(T![>]);
        args.complete(p, TYPE_ARGS);
    }
    while p.at(T!['[']) && matches!(p.nth(1), T![']'] | INT_NUMBER) {
        p.bump(T!['[']);
        p.eat(INT_NUMBER);
        p.expect(T![']']);
    }
}

/// `name type` (DuckDB) or `name: type` (Databricks, BigQuery's `STRUCT<a INT64>`).
fn struct_field(p: &mut Parser<'_>) {
    let m = p.start();
    name(p, TokenSet::EMPTY);
    p.eat(T![:]);
    type_ref(p);
    if p.at(T![not]) && p.nth_at(1, T![null]) {
        p.bump(T![not]);
        p.bump(T![null]);
    }
    m.complete(p, STRUCT_TYPE_FIELD);
}
