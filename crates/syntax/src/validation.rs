//! The validation pass: constructs the parser accepts (the superset of all dialects) that
//! the chosen dialect lacks, reported as errors on the exact range.

use crate::{Dialect, DialectInfo, SyntaxError, SyntaxKind, SyntaxNode, SyntaxToken, TextRange};

pub(crate) fn validate(root: &SyntaxNode, dialect: Dialect, errors: &mut Vec<SyntaxError>) {
    let info = dialect.info();
    let mut report = |what: &str, range: TextRange| {
        errors.push(SyntaxError::new(
            format!("{what} is not supported in {}", dialect.name()),
            range,
        ));
    };
    for node in root.descendants() {
        check_node(&node, info, &mut report);
    }
    for token in root
        .descendants_with_tokens()
        .filter_map(|e| e.into_token())
    {
        if token.kind() == SyntaxKind::QUOTED_IDENT {
            let text = token.text();
            if text.starts_with('`') && !info.backtick_identifiers {
                report("a backtick-quoted identifier", token.text_range());
            }
        }
    }
}

fn check_node(node: &SyntaxNode, info: &DialectInfo, report: &mut impl FnMut(&str, TextRange)) {
    use SyntaxKind as K;
    match node.kind() {
        K::SELECT_ITEM_LIST if !info.trailing_commas => {
            if let Some(comma) = last_token(node).filter(|t| t.kind() == T![,]) {
                report("a trailing comma in a select list", comma.text_range());
            }
        }
        K::QUALIFY_CLAUSE if !info.qualify => report_first_token(node, "QUALIFY", report),
        K::TOP_CLAUSE if !info.top => report_first_token(node, "SELECT TOP", report),
        K::DISTINCT_CLAUSE if !info.distinct_on => {
            if let Some(on) = child_token(node, T![on]) {
                report("DISTINCT ON", on.text_range());
            }
        }
        K::SET_OPERATOR if !info.union_by_name => {
            if let Some(by) = child_token(node, T![by]) {
                report("UNION BY NAME", by.text_range());
            }
        }
        K::JOIN_OPERATOR if !info.duckdb_joins => {
            for kw in [T![asof], T![positional]] {
                if let Some(tok) = child_token(node, kw) {
                    report(
                        &format!("{} JOIN", tok.text().to_ascii_uppercase()),
                        tok.text_range(),
                    );
                }
            }
        }
        K::STAR_MODIFIER => {
            let Some(first) = node.first_token() else {
                return;
            };
            let (supported, what) = match first.kind() {
                T![exclude] => (info.star_exclude, "`* EXCLUDE`"),
                T![except] => (info.star_except, "`* EXCEPT`"),
                T![replace] => (info.star_replace, "`* REPLACE`"),
                _ => (true, ""),
            };
            if !supported {
                report(what, first.text_range());
            }
        }
        K::CAST_EXPR if !info.safe_cast => {
            if let Some(tok) = child_token(node, T![safe_cast]) {
                report("SAFE_CAST", tok.text_range());
            }
        }
        K::LAMBDA_EXPR if !info.lambdas => report_first_token(node, "a lambda", report),
        K::SELECT
            if !info.from_first
                && node
                    .first_child()
                    .is_some_and(|c| c.kind() == K::FROM_CLAUSE) =>
        {
            report_first_token(node, "FROM-first syntax", report);
        }
        K::GROUP_BY_CLAUSE | K::ORDER_BY_CLAUSE if !info.by_all => {
            let all = node
                .children_with_tokens()
                .filter_map(|e| e.into_token())
                .find(|t| t.kind() == T![all]);
            let all = all.or_else(|| {
                node.children()
                    .find(|c| c.kind() == K::ORDER_ITEM)
                    .and_then(|item| child_token(&item, T![all]))
            });
            if let Some(all) = all {
                report(
                    &format!(
                        "{} ALL",
                        if node.kind() == K::GROUP_BY_CLAUSE {
                            "GROUP BY"
                        } else {
                            "ORDER BY"
                        }
                    ),
                    all.text_range(),
                );
            }
        }
        _ => {}
    }
}

fn report_first_token(node: &SyntaxNode, what: &str, report: &mut impl FnMut(&str, TextRange)) {
    if let Some(tok) = node.first_token() {
        report(what, tok.text_range());
    }
}

fn child_token(node: &SyntaxNode, kind: SyntaxKind) -> Option<SyntaxToken> {
    node.children_with_tokens()
        .filter_map(|e| e.into_token())
        .find(|t| t.kind() == kind)
}

fn last_token(node: &SyntaxNode) -> Option<SyntaxToken> {
    let mut tok = node.last_token()?;
    while tok.kind().is_trivia() {
        tok = tok.prev_token()?;
    }
    Some(tok)
}
