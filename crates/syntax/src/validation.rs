//! The validation pass: constructs the parser accepts (the superset of all dialects) that
//! the chosen dialect lacks, reported as errors on the exact range.
//!
//! It walks the green tree with an explicit stack: no red nodes are allocated, so the
//! pass costs a small fraction of parsing.

use rowan::{GreenNodeData, GreenTokenData, NodeOrToken};

use crate::{Dialect, DialectInfo, RockyLanguage, SyntaxError, SyntaxKind, TextRange, TextSize};

type Green<'a> = NodeOrToken<&'a GreenNodeData, &'a GreenTokenData>;

pub(crate) fn validate(root: &GreenNodeData, dialect: Dialect, errors: &mut Vec<SyntaxError>) {
    let info = dialect.info();
    let mut report = |what: &str, range: TextRange| {
        errors.push(SyntaxError::new(
            format!("{what} is not supported in {}", dialect.name()),
            range,
        ));
    };
    let mut stack: Vec<(&GreenNodeData, TextSize)> = vec![(root, TextSize::new(0))];
    while let Some((node, start)) = stack.pop() {
        check_node(node, start, info, &mut report);
        let mut offset = start;
        for child in node.children() {
            match child {
                NodeOrToken::Node(n) => stack.push((n, offset)),
                NodeOrToken::Token(t) => {
                    if kind(child) == SyntaxKind::QUOTED_IDENT
                        && t.text().starts_with('`')
                        && !info.backtick_identifiers
                    {
                        report("a backtick-quoted identifier", TextRange::at(offset, t.text_len()));
                    }
                }
            }
            offset += child.text_len();
        }
    }
}

fn kind(element: Green<'_>) -> SyntaxKind {
    <RockyLanguage as rowan::Language>::kind_from_raw(element.kind())
}

/// The direct children with their ranges.
fn children(node: &GreenNodeData, start: TextSize) -> impl Iterator<Item = (Green<'_>, TextRange)> {
    node.children().scan(start, |offset, child| {
        let range = TextRange::at(*offset, child.text_len());
        *offset += child.text_len();
        Some((child, range))
    })
}

fn child_token(node: &GreenNodeData, start: TextSize, want: SyntaxKind) -> Option<TextRange> {
    children(node, start).find(|(c, _)| c.as_token().is_some() && kind(*c) == want).map(|(_, r)| r)
}

fn first_token(node: &GreenNodeData, start: TextSize) -> Option<(SyntaxKind, TextRange)> {
    let (child, range) = children(node, start).next()?;
    match child {
        NodeOrToken::Token(_) => Some((kind(child), range)),
        NodeOrToken::Node(n) => first_token(n, range.start()),
    }
}

fn check_node(
    node: &GreenNodeData,
    start: TextSize,
    info: &DialectInfo,
    report: &mut impl FnMut(&str, TextRange),
) {
    use SyntaxKind as K;
    let node_kind = <RockyLanguage as rowan::Language>::kind_from_raw(node.kind());
    let first = || first_token(node, start).map(|(_, r)| r);
    let found = match node_kind {
        K::SELECT_ITEM_LIST if !info.trailing_commas => {
            let last = children(node, start).filter(|(c, _)| !kind(*c).is_trivia()).last();
            last.filter(|(c, _)| kind(*c) == T![,])
                .map(|(_, r)| ("a trailing comma in a select list", r))
        }
        K::QUALIFY_CLAUSE if !info.qualify => first().map(|r| ("QUALIFY", r)),
        K::TOP_CLAUSE if !info.top => first().map(|r| ("SELECT TOP", r)),
        K::DISTINCT_CLAUSE if !info.distinct_on => {
            child_token(node, start, T![on]).map(|r| ("DISTINCT ON", r))
        }
        K::SET_OPERATOR if !info.union_by_name => {
            child_token(node, start, T![by]).map(|r| ("UNION BY NAME", r))
        }
        K::JOIN_OPERATOR if !info.duckdb_joins => child_token(node, start, T![asof])
            .map(|r| ("ASOF JOIN", r))
            .or_else(|| child_token(node, start, T![positional]).map(|r| ("POSITIONAL JOIN", r))),
        K::STAR_MODIFIER => match first_token(node, start) {
            Some((T![exclude], r)) if !info.star_exclude => Some(("`* EXCLUDE`", r)),
            Some((T![except], r)) if !info.star_except => Some(("`* EXCEPT`", r)),
            Some((T![replace], r)) if !info.star_replace => Some(("`* REPLACE`", r)),
            _ => None,
        },
        K::CAST_EXPR if !info.safe_cast => {
            child_token(node, start, T![safe_cast]).map(|r| ("SAFE_CAST", r))
        }
        K::LAMBDA_EXPR if !info.lambdas => {
            Some(("a lambda", TextRange::at(start, node.text_len())))
        }
        K::SELECT if !info.from_first => {
            let from_first =
                children(node, start).next().is_some_and(|(c, _)| kind(c) == K::FROM_CLAUSE);
            if from_first { first().map(|r| ("FROM-first syntax", r)) } else { None }
        }
        K::GROUP_BY_CLAUSE if !info.by_all => {
            child_token(node, start, T![all]).map(|r| ("GROUP BY ALL", r))
        }
        K::ORDER_BY_CLAUSE if !info.by_all => children(node, start)
            .find(|(c, _)| kind(*c) == K::ORDER_ITEM)
            .and_then(|(item, r)| child_token(item.into_node()?, r.start(), T![all]))
            .map(|r| ("ORDER BY ALL", r)),
        _ => None,
    };
    if let Some((what, range)) = found {
        report(what, range);
    }
}
