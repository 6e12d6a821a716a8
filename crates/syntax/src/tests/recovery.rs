//! The recovery promises, asserted structurally (the `.rast` snapshots show the same
//! trees): one error, at the mistake, and the clauses and statements after it intact.

use crate::{Dialect, SyntaxKind, SyntaxNode, sql};

/// `text` holds `$0` where the single error must start.
fn check(text: &str, intact: &[SyntaxKind], statements: usize) -> SyntaxNode {
    let offset = text.find("$0").expect("fixture marks the error with $0");
    let text = text.replace("$0", "");
    let parse = sql::parse(&text, Dialect::DuckDb);
    let errors = parse.errors();
    assert_eq!(errors.len(), 1, "exactly one error in {text:?}: {errors:?}");
    assert_eq!(
        usize::from(errors[0].range.start()),
        offset,
        "error position in {text:?}: {errors:?}"
    );
    let root = parse.syntax_node();
    for kind in intact {
        assert!(root.descendants().any(|n| n.kind() == *kind), "{kind:?} survives in {text:?}");
    }
    let stmts = root.children().filter(|n| n.kind() != SyntaxKind::ERROR_NODE).count();
    assert_eq!(stmts, statements, "statements in {text:?}");
    root
}

#[test]
fn missing_comma_in_select_list() {
    let root = check(
        "select id, count(*) $0cast(total as int) from orders group by id;\nselect 1",
        &[SyntaxKind::FROM_CLAUSE, SyntaxKind::GROUP_BY_CLAUSE, SyntaxKind::CAST_EXPR],
        2,
    );
    let items = root.descendants().filter(|n| n.kind() == SyntaxKind::SELECT_ITEM).count();
    assert_eq!(items, 4, "both sides of the missing comma are select items");
}

#[test]
fn unclosed_parenthesis() {
    check(
        "select (a + b $0from t where x = 1 order by a;\nselect 2",
        &[SyntaxKind::FROM_CLAUSE, SyntaxKind::WHERE_CLAUSE, SyntaxKind::ORDER_BY_CLAUSE],
        2,
    );
    check("select sum(amount $0from t group by a", &[SyntaxKind::GROUP_BY_CLAUSE], 1);
}

#[test]
fn from_with_no_table() {
    check(
        "select a from $0where x = 1 group by a;\nselect 2",
        &[SyntaxKind::WHERE_CLAUSE, SyntaxKind::GROUP_BY_CLAUSE],
        2,
    );
}

#[test]
fn misspelled_keyword() {
    check(
        "select a, b $0form t where a > 1",
        &[SyntaxKind::FROM_CLAUSE, SyntaxKind::WHERE_CLAUSE],
        1,
    );
    check(
        "select a from t $0wher a > 1 order by a",
        &[SyntaxKind::WHERE_CLAUSE, SyntaxKind::ORDER_BY_CLAUSE],
        1,
    );
    check("select a from t group $0buy a having count(*) > 1", &[SyntaxKind::HAVING_CLAUSE], 1);
    check("$0selct a from t;\nselect 1", &[SyntaxKind::FROM_CLAUSE], 2);
    check(
        "select * from a left $0jion b on a.id = b.id where b.x = 1",
        &[SyntaxKind::JOIN_CONSTRAINT, SyntaxKind::WHERE_CLAUSE],
        1,
    );
}

#[test]
fn stray_token_in_where() {
    check(
        "select a from t where a = 1 $02 group by a order by a;\nselect 1",
        &[SyntaxKind::GROUP_BY_CLAUSE, SyntaxKind::ORDER_BY_CLAUSE],
        2,
    );
    check("select a from t where a = $0= 1 group by a", &[SyntaxKind::GROUP_BY_CLAUSE], 1);
}
