//! The validation pass: constructs the parser accepts (the superset of all dialects) that
//! the chosen dialect lacks, reported as errors on the exact range.
//!
//! It scans the flat tree once, in preorder; only the few node kinds a dialect may lack
//! look at their children.

use rowan::NodeOrToken;

use crate::{
    Dialect, DialectInfo, FlatTree, SyntaxError, SyntaxKind, TextRange,
    tree::{TreeNode, TreeToken, element_kind, element_range},
};

pub(crate) fn validate(tree: &FlatTree<'_>, dialect: Dialect, errors: &mut Vec<SyntaxError>) {
    let info = dialect.info();
    let mut report = |what: &str, range: TextRange| {
        errors.push(SyntaxError::new(
            format!("{what} is not supported in {}", dialect.name()),
            range,
        ));
    };
    for element in tree.preorder() {
        match element {
            NodeOrToken::Node(node) => check_node(&node, info, &mut report),
            NodeOrToken::Token(t) => {
                if t.kind() == SyntaxKind::QUOTED_IDENT
                    && t.text().starts_with('`')
                    && !info.backtick_identifiers
                {
                    report("a backtick-quoted identifier", t.text_range());
                }
            }
        }
    }
}

fn child_token<N: TreeNode>(node: &N, want: SyntaxKind) -> Option<TextRange> {
    node.children_with_tokens()
        .filter_map(NodeOrToken::into_token)
        .find(|t| t.kind() == want)
        .map(|t| t.text_range())
}

// Inlined into the scan of every entry: most kinds fall through its match at once.
#[inline(always)]
fn check_node<N: TreeNode>(node: &N, info: &DialectInfo, report: &mut impl FnMut(&str, TextRange)) {
    use SyntaxKind as K;
    let first_token = || node.first_token().map(|t| (t.kind(), t.text_range()));
    let first = || first_token().map(|(_, r)| r);
    let found = match node.kind() {
        K::SELECT_ITEM_LIST if !info.trailing_commas => {
            let last =
                node.children_with_tokens().filter(|c| !element_kind::<N>(c).is_trivia()).last();
            last.filter(|c| element_kind::<N>(c) == T![,])
                .map(|c| ("a trailing comma in a select list", element_range::<N>(&c)))
        }
        K::QUALIFY_CLAUSE if !info.qualify => first().map(|r| ("QUALIFY", r)),
        K::TOP_CLAUSE if !info.top => first().map(|r| ("SELECT TOP", r)),
        K::DISTINCT_CLAUSE if !info.distinct_on => {
            child_token(node, T![on]).map(|r| ("DISTINCT ON", r))
        }
        K::SET_OPERATOR if !info.union_by_name => {
            child_token(node, T![by]).map(|r| ("UNION BY NAME", r))
        }
        K::JOIN_OPERATOR if !info.duckdb_joins => child_token(node, T![asof])
            .map(|r| ("ASOF JOIN", r))
            .or_else(|| child_token(node, T![positional]).map(|r| ("POSITIONAL JOIN", r))),
        K::STAR_MODIFIER => match first_token() {
            Some((T![exclude], r)) if !info.star_exclude => Some(("`* EXCLUDE`", r)),
            Some((T![except], r)) if !info.star_except => Some(("`* EXCEPT`", r)),
            Some((T![replace], r)) if !info.star_replace => Some(("`* REPLACE`", r)),
            _ => None,
        },
        K::CAST_EXPR if !info.safe_cast => {
            child_token(node, T![safe_cast]).map(|r| ("SAFE_CAST", r))
        }
        K::LAMBDA_EXPR if !info.lambdas => Some(("a lambda", node.text_range())),
        K::SELECT if !info.from_first => {
            let from_first = node
                .children_with_tokens()
                .next()
                .is_some_and(|c| element_kind::<N>(&c) == K::FROM_CLAUSE);
            if from_first { first().map(|r| ("FROM-first syntax", r)) } else { None }
        }
        K::GROUP_BY_CLAUSE if !info.by_all => {
            child_token(node, T![all]).map(|r| ("GROUP BY ALL", r))
        }
        K::ORDER_BY_CLAUSE if !info.by_all => node
            .children()
            .find(|c| c.kind() == K::ORDER_ITEM)
            .and_then(|item| child_token(&item, T![all]))
            .map(|r| ("ORDER BY ALL", r)),
        _ => None,
    };
    if let Some((what, range)) = found {
        report(what, range);
    }
}
