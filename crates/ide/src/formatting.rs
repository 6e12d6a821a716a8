//! `.rocky` formatting (`rocky fmt`, `textDocument/formatting`): one step per line, `|`
//! dropped (newlines separate steps), keywords in lower case, one space between tokens
//! except around `.`, `..`, `(` of a call and inside unary operators; `{ .. }` lists on one
//! line when they fit, else one item per line with a trailing comma. Comments are kept;
//! a blank line between steps is kept (at most one). Idempotent.

use syntax::{NodeOrToken, SyntaxKind, SyntaxNode, SyntaxToken, T};

const WIDTH: usize = 100;
const INDENT: &str = "  ";

/// The canonical text of a `.rocky` file, or `None` when it has syntax errors (a broken
/// file is left as it is).
pub fn format_pipeline(text: &str) -> Option<String> {
    // A byte-order mark stays, in front of the formatted text.
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        return format_pipeline(rest).map(|f| format!("\u{feff}{f}"));
    }
    let parse = syntax::pipeline::parse(text);
    if !parse.errors().is_empty() {
        return None;
    }
    let mut f = Fmt::default();
    f.file(&parse.syntax_node());
    let mut out = f.out.trim_end().to_string();
    out.push('\n');
    if out.trim().is_empty() {
        return Some(String::new());
    }
    Some(out)
}

#[derive(Default)]
struct Fmt {
    out: String,
    indent: usize,
    /// The last token written, for spacing.
    prev: Option<SyntaxToken>,
    /// A line comment was written: the next token starts a new line.
    after_comment: bool,
}

impl Fmt {
    fn column(&self) -> usize {
        self.out.len() - self.out.rfind('\n').map_or(0, |i| i + 1)
    }

    fn newline(&mut self) {
        let trimmed = self.out.trim_end_matches(' ').len();
        self.out.truncate(trimmed);
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        for _ in 0..self.indent {
            self.out.push_str(INDENT);
        }
        self.prev = None;
        self.after_comment = false;
    }

    fn blank_line(&mut self) {
        let trimmed = self.out.trim_end().len();
        self.out.truncate(trimmed);
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.newline();
    }

    fn file(&mut self, root: &SyntaxNode) {
        let mut first = true;
        // Bindings and the main pipeline are set apart by a blank line (a comment between
        // them keeps the blank lines of the source).
        let mut after_node = false;
        for child in root.children_with_tokens() {
            match child {
                NodeOrToken::Node(n) => {
                    if !first {
                        if after_node || self.had_blank_before(&n) {
                            self.blank_line();
                        } else {
                            self.newline();
                        }
                    }
                    self.node(&n);
                    first = false;
                    after_node = true;
                }
                NodeOrToken::Token(t) => {
                    if t.kind() == SyntaxKind::COMMENT {
                        let own_line = t.prev_token().is_none_or(|p| p.text().contains('\n'));
                        if after_node && own_line {
                            self.blank_line();
                            self.out.push_str(t.text().trim_end());
                            self.after_comment = true;
                            after_node = false;
                        } else {
                            self.comment(&t, &mut first);
                            after_node &= !own_line;
                        }
                    }
                }
            }
        }
    }

    /// A comment on its own line stays there; one after code stays after it.
    fn comment(&mut self, t: &SyntaxToken, first: &mut bool) {
        let own_line = t
            .prev_token()
            .is_none_or(|p| p.kind() == SyntaxKind::WHITESPACE && p.text().contains('\n'));
        if !*first && own_line {
            if blank_before(t) {
                self.blank_line();
            } else {
                self.newline();
            }
        } else if !*first {
            self.out.push(' ');
        }
        self.out.push_str(t.text().trim_end());
        self.after_comment = true;
        *first = false;
    }

    fn had_blank_before(&self, n: &SyntaxNode) -> bool {
        n.first_token().is_some_and(|t| blank_before(&t))
    }

    fn node(&mut self, node: &SyntaxNode) {
        use SyntaxKind::*;
        let mut first_step = true;
        for child in node.children_with_tokens() {
            match child {
                NodeOrToken::Token(t) => match t.kind() {
                    WHITESPACE => {}
                    T![|] if node.kind() == PIPELINE => {}
                    COMMENT => {
                        let mut f = false;
                        self.comment(&t, &mut f);
                    }
                    _ => self.token(&t),
                },
                NodeOrToken::Node(n) => {
                    if node.kind() == PIPELINE {
                        if !first_step {
                            if self.had_blank_before(&n) {
                                self.blank_line();
                            } else {
                                self.newline();
                            }
                        }
                        first_step = false;
                    } else if node.kind() == LET_BINDING && n.kind() == PIPELINE {
                        self.indent += 1;
                        self.node(&n);
                        self.indent -= 1;
                        continue;
                    }
                    match n.kind() {
                        FIELD_LIST | KEEP_LIST => self.braces(&n),
                        MATCH_EXPR => self.braces(&n),
                        _ => self.node(&n),
                    }
                }
            }
        }
    }

    fn token(&mut self, t: &SyntaxToken) {
        if self.after_comment {
            self.indent += 1;
            self.newline();
            self.indent -= 1;
        } else if let Some(prev) = &self.prev
            && spaced(prev, t)
        {
            self.out.push(' ');
        }
        let text = t.text();
        if t.kind().is_keyword() || t.kind().is_pipeline_keyword() {
            self.out.push_str(&text.to_ascii_lowercase());
        } else {
            self.out.push_str(text);
        }
        self.prev = Some(t.clone());
    }

    /// A `{ .. }` list (fields, keep, match arms): flat when it fits, else one item per
    /// line.
    fn braces(&mut self, n: &SyntaxNode) {
        let mut flat = Fmt { prev: self.prev.clone(), ..Fmt::default() };
        flat.flat_node(n);
        let has_comment = n
            .descendants_with_tokens()
            .any(|e| e.as_token().is_some_and(|t| t.kind() == SyntaxKind::COMMENT));
        if !has_comment && !flat.out.contains('\n') && self.column() + flat.out.len() <= WIDTH {
            for child in n.children_with_tokens() {
                match child {
                    NodeOrToken::Token(t) if t.kind() != SyntaxKind::WHITESPACE => self.token(&t),
                    NodeOrToken::Node(c) if is_braced(c.kind()) => self.braces(&c),
                    NodeOrToken::Node(c) => self.node(&c),
                    NodeOrToken::Token(_) => {}
                }
            }
            return;
        }
        self.broken(n);
    }

    fn flat_node(&mut self, n: &SyntaxNode) {
        for child in n.children_with_tokens() {
            match child {
                NodeOrToken::Token(t) if t.kind() == SyntaxKind::WHITESPACE => {}
                NodeOrToken::Token(t) => self.token(&t),
                NodeOrToken::Node(c) => self.flat_node(&c),
            }
        }
    }

    /// One item per line: after `{`, each item (a field, an arm, an expression of
    /// `keep`) on its own line with a trailing comma, then `}`.
    fn broken(&mut self, n: &SyntaxNode) {
        use SyntaxKind::*;
        let mut open = false;
        let mut item_open = false;
        for child in n.children_with_tokens() {
            match child {
                NodeOrToken::Token(t) => match t.kind() {
                    WHITESPACE => {}
                    T!['{'] if !open => {
                        self.token(&t);
                        open = true;
                        self.indent += 1;
                    }
                    // The item's comma was written already (before a comment after it).
                    T![,] if open && !item_open => {}
                    T![,] if open => {
                        self.out.push(',');
                        item_open = false;
                        self.prev = Some(t.clone());
                    }
                    T!['}'] if open => {
                        if item_open {
                            self.out.push(',');
                        }
                        self.indent -= 1;
                        self.newline();
                        self.out.push('}');
                        self.prev = Some(t.clone());
                        open = false;
                    }
                    COMMENT => {
                        // A comment after an item follows the item's comma.
                        if open && item_open {
                            self.out.push(',');
                            item_open = false;
                        }
                        let mut f = false;
                        self.comment(&t, &mut f);
                    }
                    _ if open && !item_open && t.kind() == KEEP_KW => {
                        self.newline();
                        self.token(&t);
                    }
                    _ => {
                        if open && !item_open {
                            self.newline();
                            item_open = true;
                        }
                        self.token(&t);
                    }
                },
                NodeOrToken::Node(c) => {
                    if open && !item_open {
                        self.newline();
                        item_open = true;
                    }
                    if is_braced(c.kind()) {
                        self.braces(&c);
                    } else {
                        self.node(&c);
                    }
                }
            }
        }
        if open {
            self.indent -= 1;
        }
    }
}

fn is_braced(kind: SyntaxKind) -> bool {
    matches!(kind, SyntaxKind::FIELD_LIST | SyntaxKind::KEEP_LIST | SyntaxKind::MATCH_EXPR)
}

/// Whether the whitespace before `t` holds a blank line.
fn blank_before(t: &SyntaxToken) -> bool {
    t.prev_token()
        .is_some_and(|p| p.kind() == SyntaxKind::WHITESPACE && p.text().matches('\n').count() > 1)
}

/// Whether a space goes between two tokens on one line.
fn spaced(prev: &SyntaxToken, next: &SyntaxToken) -> bool {
    use SyntaxKind::*;
    let parent = |t: &SyntaxToken| t.parent().map(|p| p.kind());
    match (prev.kind(), next.kind()) {
        // `- -x` stays apart: `--` starts a comment.
        (T![-], T![-]) => true,
        (_, T![,] | T![')'] | T![.] | T![:] | T![..]) => false,
        (T!['('] | T![.] | T![..], _) => false,
        // `f(x)`, `@var(x)`: the call's parenthesis hugs its name.
        (_, T!['(']) if parent(next) == Some(ARG_LIST) => false,
        // Unary minus and the sign of a sort key or a frame bound.
        (T![-] | T![+], _) if matches!(parent(prev), Some(PREFIX_EXPR | SORT_KEY | PIPE_BOUND)) => {
            false
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    fn check(text: &str, expect: Expect) {
        let once = super::format_pipeline(text).expect("no syntax errors");
        expect.assert_eq(&once);
        assert_eq!(super::format_pipeline(&once).as_deref(), Some(once.as_str()), "idempotent");
    }

    #[test]
    fn canonical_layout() {
        check(
            "-- head\nLET paid=from orders|where status==\"paid\"   -- only paid\nfrom paid as p|left join customers as c on p.customer_id==c.id{keep country}\n\n\n|group country{revenue:round(sum(net),2),n:count( * )}|where n>1|sort -revenue,country asc|take 10",
            expect![[r#"
                -- head
                let paid = from orders
                  where status == "paid" -- only paid

                from paid as p
                left join customers as c on p.customer_id == c.id { keep country }
                group country { revenue: round(sum(net), 2), n: count(*) }
                where n > 1
                sort -revenue, country asc
                take 10
            "#]],
        );
    }

    #[test]
    fn long_lists_break() {
        check(
            "from orders | derive { a_rather_long_name: amount * 1000 + coalesce(discount, 0), another_long_name: match status { == \"paid\" => 1, -- settled\n _ => 0 }, w: sum(amount) over (partition customer_id sort -ordered_at rows unbounded..current) }",
            expect![[r#"
                from orders
                derive {
                  a_rather_long_name: amount * 1000 + coalesce(discount, 0),
                  another_long_name: match status {
                    == "paid" => 1, -- settled
                    _ => 0,
                  },
                  w: sum(amount) over (partition customer_id sort -ordered_at rows unbounded..current),
                }
            "#]],
        );
    }

    /// Every program of `test_data/pipeline/ok/`: formatting is idempotent, keeps every
    /// comment, and lowers to the same SQL (so the same rows) as the original.
    #[test]
    #[allow(clippy::disallowed_methods)]
    fn every_ok_program_formats_idempotently_to_the_same_query() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test_data/pipeline/ok");
        let mut count = 0;
        for entry in std::fs::read_dir(&dir).expect("pipeline/ok") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "rocky") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("readable");
            let once = super::format_pipeline(&text).expect("parses");
            let twice = super::format_pipeline(&once).expect("formatted text parses");
            assert_eq!(once, twice, "{}: not idempotent", path.display());
            let comments = |t: &str| t.lines().filter(|l| l.contains("--")).count();
            assert_eq!(comments(&text), comments(&once), "{}: comments kept", path.display());
            let sql = |t: &str| {
                let parse = syntax::pipeline::parse(t);
                hir::pipeline::lower(&parse.syntax_node(), syntax::Dialect::DuckDb).sql
            };
            assert_eq!(sql(&text), sql(&once), "{}: same query", path.display());
            count += 1;
        }
        assert!(count >= 60);
    }

    #[test]
    fn signs_comments_and_keep_lists_stay_valid() {
        check(
            "from t | derive { a: - -x } | sort - -x",
            expect![[r#"
            from t
            derive { a: - -x }
            sort - -x
        "#]],
        );
        check(
            "from t\nderive { a: 1 -- one\n , b: 2 -- two\n }\nselect { a -- only a\n }",
            expect![[r#"
                from t
                derive {
                  a: 1, -- one
                  b: 2, -- two
                }
                select {
                  a, -- only a
                }
            "#]],
        );
        check(
            "from orders as o | join customers as c on o.customer_id == c.customer_id { keep c.a_rather_long_column_name, c.another_rather_long_column_name, c.third_one_here }",
            expect![[r#"
                from orders as o
                join customers as c on o.customer_id == c.customer_id {
                  keep
                  c.a_rather_long_column_name,
                  c.another_rather_long_column_name,
                  c.third_one_here,
                }
            "#]],
        );
    }

    #[test]
    fn broken_files_are_left_alone() {
        assert_eq!(super::format_pipeline("from orders | where"), None);
    }
}
