//! `SyntaxKind`: the one tag set for tokens and nodes of both grammars (SQL and `.rocky`).

/// Declares the enum, the keyword table and the `T![]` macro from one list, so a keyword
/// can never be added to one and forgotten in the others.
macro_rules! syntax_kinds {
    (
        // A punctuation entry without `[..]` gets no `T![]` form (`//` is a comment to
        // rustc, `#` and `$` are special in macros).
        punct: { $($([$($p_tok:tt)*])? $p_kind:ident = $p_text:literal,)* }
        keywords: { $($kw:ident => $kw_kind:ident,)* }
        tokens: { $($(#[$tok_doc:meta])* $tok:ident,)* }
        nodes: { $($node:ident,)* }
    ) => {
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
        #[repr(u16)]
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        pub enum SyntaxKind {
            $($p_kind,)*
            $($kw_kind,)*
            $($(#[$tok_doc])* $tok,)*
            $($node,)*
            /// Marks the end of the kinds; never in a tree.
            __LAST,
        }

        /// Keywords in lower case with their kinds, sorted by text (so lookups and suggestions
        /// meet them in a stable order).
        const KEYWORDS: &[(&str, SyntaxKind)] = &[$((stringify!($kw), SyntaxKind::$kw_kind),)*];

        impl SyntaxKind {
            pub fn is_keyword(self) -> bool {
                matches!(self, $(SyntaxKind::$kw_kind)|*)
            }

            pub fn is_punct(self) -> bool {
                matches!(self, $(SyntaxKind::$p_kind)|*)
            }

            /// The fixed text of a punctuation or keyword kind (keywords in lower case).
            pub fn static_text(self) -> Option<&'static str> {
                match self {
                    $(SyntaxKind::$p_kind => Some($p_text),)*
                    $(SyntaxKind::$kw_kind => Some(stringify!($kw)),)*
                    _ => None,
                }
            }

            pub(crate) fn from_u16(raw: u16) -> Option<SyntaxKind> {
                const ALL: &[SyntaxKind] = &[
                    $(SyntaxKind::$p_kind,)*
                    $(SyntaxKind::$kw_kind,)*
                    $(SyntaxKind::$tok,)*
                    $(SyntaxKind::$node,)*
                ];
                ALL.get(usize::from(raw)).copied()
            }
        }

        /// `T![select]`, `T![,]`: the kind of a keyword or punctuation token.
        #[macro_export]
        macro_rules! T {
            $($([$($p_tok)*] => { $crate::SyntaxKind::$p_kind };)?)*
            $([$kw] => { $crate::SyntaxKind::$kw_kind };)*
        }
    };
}

impl SyntaxKind {
    /// Classifies an identifier as a keyword, ignoring ASCII case. Which keywords a
    /// dialect reserves is the parser's business; this only names the word.
    pub fn from_keyword(ident: &str) -> Option<SyntaxKind> {
        let bytes = ident.as_bytes();
        if bytes.len() > MAX_KEYWORD_LEN || bytes.len() < 2 {
            return None;
        }
        let first = bytes[0].to_ascii_lowercase();
        if !first.is_ascii_lowercase() {
            return None;
        }
        let bucket = &keyword_table()[bucket_index(bytes.len(), first)];
        if bucket.is_empty() {
            return None;
        }
        let key = pack_lowercase(bytes);
        bucket.iter().find(|(k, _)| *k == key).map(|&(_, kind)| kind)
    }
}

impl SyntaxKind {
    /// Every keyword kind, in alphabetical order.
    pub(crate) fn keywords() -> impl Iterator<Item = SyntaxKind> {
        KEYWORDS.iter().map(|&(_, kind)| kind)
    }
}

/// A word of at most 16 bytes, ASCII-lowercased, as one `u128`: the keyword table's key.
fn pack_lowercase(bytes: &[u8]) -> u128 {
    let mut buf = [0u8; MAX_KEYWORD_LEN];
    for (dst, src) in buf.iter_mut().zip(bytes) {
        *dst = src.to_ascii_lowercase();
    }
    u128::from_le_bytes(buf)
}

fn bucket_index(len: usize, first_lowercase: u8) -> usize {
    len * 26 + usize::from(first_lowercase - b'a')
}

/// Keywords bucketed by length and first letter, built once: most identifiers land in an
/// empty or one-entry bucket, so classifying them costs a compare or two.
fn keyword_table() -> &'static [Vec<(u128, SyntaxKind)>] {
    static TABLE: std::sync::OnceLock<Vec<Vec<(u128, SyntaxKind)>>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![Vec::new(); (MAX_KEYWORD_LEN + 1) * 26];
        for &(kw, kind) in KEYWORDS {
            table[bucket_index(kw.len(), kw.as_bytes()[0])]
                .push((pack_lowercase(kw.as_bytes()), kind));
        }
        table
    })
}

const MAX_KEYWORD_LEN: usize = 16;

syntax_kinds! {
    punct: {
        [;] SEMICOLON = ";",
        [,] COMMA = ",",
        ['('] L_PAREN = "(",
        [')'] R_PAREN = ")",
        ['['] L_BRACK = "[",
        [']'] R_BRACK = "]",
        ['{'] L_CURLY = "{",
        ['}'] R_CURLY = "}",
        [.] DOT = ".",
        [*] STAR = "*",
        [+] PLUS = "+",
        [-] MINUS = "-",
        [/] SLASH = "/",
        SLASH2 = "//",
        [%] PERCENT = "%",
        [^] CARET = "^",
        [**] STAR2 = "**",
        [||] PIPE2 = "||",
        [|] PIPE = "|",
        [&] AMP = "&",
        [~] TILDE = "~",
        [!] BANG = "!",
        [<<] SHL = "<<",
        [=] EQ = "=",
        [==] EQ2 = "==",
        [!=] NEQ = "!=",
        [<>] LTGT = "<>",
        [<] LT = "<",
        [<=] LTEQ = "<=",
        [>] GT = ">",
        [>=] GTEQ = ">=",
        [<=>] NULLSAFE_EQ = "<=>",
        [:] COLON = ":",
        [::] COLON2 = "::",
        [:=] COLONEQ = ":=",
        [=>] FAT_ARROW = "=>",
        [->] THIN_ARROW = "->",
        [->>] THIN_ARROW2 = "->>",
        [..] DOT2 = "..",
        [?] QUESTION = "?",
        [@] AT = "@",
        HASH = "#",
        DOLLAR = "$",
    }
    keywords: {
        all => ALL_KW,
        and => AND_KW,
        anti => ANTI_KW,
        any => ANY_KW,
        array => ARRAY_KW,
        as => AS_KW,
        asc => ASC_KW,
        asof => ASOF_KW,
        at => AT_KW,
        between => BETWEEN_KW,
        by => BY_KW,
        cascade => CASCADE_KW,
        case => CASE_KW,
        cast => CAST_KW,
        check => CHECK_KW,
        collate => COLLATE_KW,
        constraint => CONSTRAINT_KW,
        create => CREATE_KW,
        cross => CROSS_KW,
        cube => CUBE_KW,
        current => CURRENT_KW,
        date => DATE_KW,
        default => DEFAULT_KW,
        delete => DELETE_KW,
        desc => DESC_KW,
        describe => DESCRIBE_KW,
        distinct => DISTINCT_KW,
        drop => DROP_KW,
        else => ELSE_KW,
        end => END_KW,
        escape => ESCAPE_KW,
        except => EXCEPT_KW,
        exclude => EXCLUDE_KW,
        exists => EXISTS_KW,
        explain => EXPLAIN_KW,
        extract => EXTRACT_KW,
        false => FALSE_KW,
        fetch => FETCH_KW,
        filter => FILTER_KW,
        first => FIRST_KW,
        following => FOLLOWING_KW,
        for => FOR_KW,
        foreign => FOREIGN_KW,
        from => FROM_KW,
        full => FULL_KW,
        glob => GLOB_KW,
        group => GROUP_KW,
        grouping => GROUPING_KW,
        groups => GROUPS_KW,
        having => HAVING_KW,
        if => IF_KW,
        ignore => IGNORE_KW,
        ilike => ILIKE_KW,
        in => IN_KW,
        inner => INNER_KW,
        insert => INSERT_KW,
        intersect => INTERSECT_KW,
        interval => INTERVAL_KW,
        into => INTO_KW,
        is => IS_KW,
        isnull => ISNULL_KW,
        join => JOIN_KW,
        key => KEY_KW,
        last => LAST_KW,
        lateral => LATERAL_KW,
        left => LEFT_KW,
        like => LIKE_KW,
        limit => LIMIT_KW,
        map => MAP_KW,
        materialized => MATERIALIZED_KW,
        natural => NATURAL_KW,
        next => NEXT_KW,
        no => NO_KW,
        not => NOT_KW,
        notnull => NOTNULL_KW,
        null => NULL_KW,
        nulls => NULLS_KW,
        offset => OFFSET_KW,
        on => ON_KW,
        only => ONLY_KW,
        or => OR_KW,
        order => ORDER_KW,
        others => OTHERS_KW,
        outer => OUTER_KW,
        over => OVER_KW,
        partition => PARTITION_KW,
        percent => PERCENT_KW,
        pivot => PIVOT_KW,
        positional => POSITIONAL_KW,
        preceding => PRECEDING_KW,
        primary => PRIMARY_KW,
        qualify => QUALIFY_KW,
        range => RANGE_KW,
        recursive => RECURSIVE_KW,
        references => REFERENCES_KW,
        regexp => REGEXP_KW,
        rename => RENAME_KW,
        replace => REPLACE_KW,
        respect => RESPECT_KW,
        restrict => RESTRICT_KW,
        right => RIGHT_KW,
        rlike => RLIKE_KW,
        rollup => ROLLUP_KW,
        row => ROW_KW,
        rows => ROWS_KW,
        safe_cast => SAFE_CAST_KW,
        sample => SAMPLE_KW,
        schema => SCHEMA_KW,
        select => SELECT_KW,
        semi => SEMI_KW,
        set => SET_KW,
        sets => SETS_KW,
        similar => SIMILAR_KW,
        struct => STRUCT_KW,
        table => TABLE_KW,
        tablesample => TABLESAMPLE_KW,
        temp => TEMP_KW,
        temporary => TEMPORARY_KW,
        then => THEN_KW,
        ties => TIES_KW,
        time => TIME_KW,
        timestamp => TIMESTAMP_KW,
        timestamptz => TIMESTAMPTZ_KW,
        to => TO_KW,
        top => TOP_KW,
        true => TRUE_KW,
        try_cast => TRY_CAST_KW,
        unbounded => UNBOUNDED_KW,
        union => UNION_KW,
        unique => UNIQUE_KW,
        unnest => UNNEST_KW,
        unpivot => UNPIVOT_KW,
        update => UPDATE_KW,
        using => USING_KW,
        values => VALUES_KW,
        view => VIEW_KW,
        when => WHEN_KW,
        where => WHERE_KW,
        window => WINDOW_KW,
        with => WITH_KW,
        within => WITHIN_KW,
        without => WITHOUT_KW,
        zone => ZONE_KW,
    }
    tokens: {
        WHITESPACE,
        COMMENT,
        IDENT,
        QUOTED_IDENT,
        INT_NUMBER,
        FLOAT_NUMBER,
        STRING,
        /// `@name`: a Rocky placeholder or macro head.
        AT_IDENT,
        /// `$1`, `?` is QUESTION, `:name` stays COLON + IDENT.
        PARAM,
        /// Other operators of one token: `&&`, `~~`, `!~~`, `~~*`, `!~`, `~*`.
        OPERATOR,
        /// `.rocky` date or timestamp literal: `@2025-01-01`, `@2025-01-01T10:00:00Z`.
        AT_DATE,
        /// `.rocky` words that are not SQL keywords (the SQL lexer never makes them).
        LET_KW,
        DERIVE_KW,
        SORT_KW,
        TAKE_KW,
        REPLICATE_KW,
        KEEP_KW,
        MATCH_KW,
        ERROR,
        EOF,
    }
    nodes: {
        SOURCE_FILE,
        ERROR_NODE,
        NAME,
        NAME_REF,
        PATH,
        ALIAS,
        COLUMN_ALIAS_LIST,
        COLUMN_LIST,

        // statements
        QUERY_STMT,
        CREATE_TABLE_STMT,
        CREATE_VIEW_STMT,
        CREATE_SCHEMA_STMT,
        INSERT_STMT,
        DROP_STMT,
        DELETE_STMT,
        PIVOT_STMT,
        UNPIVOT_STMT,
        OTHER_STMT,

        // queries
        QUERY,
        WITH_CLAUSE,
        CTE,
        SELECT,
        COMPOUND_SELECT,
        SET_OPERATOR,
        PAREN_SELECT,
        VALUES,
        ROW_VALUES,
        SELECT_CLAUSE,
        TOP_CLAUSE,
        DISTINCT_CLAUSE,
        SELECT_ITEM_LIST,
        SELECT_ITEM,
        STAR_EXPR,
        STAR_MODIFIER,
        REPLACE_ITEM,
        RENAME_ITEM,
        FROM_CLAUSE,
        WHERE_CLAUSE,
        GROUP_BY_CLAUSE,
        GROUPING_ELEMENT,
        HAVING_CLAUSE,
        QUALIFY_CLAUSE,
        WINDOW_CLAUSE,
        NAMED_WINDOW,
        ORDER_BY_CLAUSE,
        ORDER_ITEM,
        LIMIT_CLAUSE,
        OFFSET_CLAUSE,
        FETCH_CLAUSE,

        // from items
        TABLE_REF,
        DERIVED_TABLE,
        TABLE_FUNCTION,
        LATERAL_ITEM,
        PAREN_FROM_ITEM,
        JOIN_EXPR,
        JOIN_OPERATOR,
        JOIN_CONSTRAINT,
        PIVOT_CLAUSE,
        UNPIVOT_CLAUSE,
        PIVOT_IN_LIST,
        SAMPLE_CLAUSE,
        WITH_OFFSET,

        // expressions
        LITERAL,
        TYPED_LITERAL,
        INTERVAL_EXPR,
        PATH_EXPR,
        PAREN_EXPR,
        TUPLE_EXPR,
        BIN_EXPR,
        PREFIX_EXPR,
        IS_EXPR,
        BETWEEN_EXPR,
        IN_EXPR,
        LIKE_EXPR,
        QUANTIFIED_EXPR,
        CAST_EXPR,
        COLLATE_EXPR,
        AT_TIME_ZONE_EXPR,
        CASE_EXPR,
        WHEN_CLAUSE,
        ELSE_CLAUSE,
        EXTRACT_EXPR,
        CALL_EXPR,
        ARG_LIST,
        ARG,
        NAMED_ARG,
        NULL_TREATMENT,
        FILTER_CLAUSE,
        WITHIN_GROUP_CLAUSE,
        OVER_CLAUSE,
        WINDOW_SPEC,
        PARTITION_BY,
        FRAME_CLAUSE,
        FRAME_BOUND,
        FRAME_EXCLUSION,
        EXISTS_EXPR,
        SUBQUERY_EXPR,
        ARRAY_EXPR,
        STRUCT_EXPR,
        STRUCT_FIELD,
        MAP_EXPR,
        INDEX_EXPR,
        SLICE,
        FIELD_EXPR,
        LAMBDA_EXPR,
        LAMBDA_PARAMS,
        PLACEHOLDER,
        PARAM_EXPR,

        // types
        TYPE,
        TYPE_ARGS,
        STRUCT_TYPE_FIELD,

        // ddl and dml
        COLUMN_DEF_LIST,
        COLUMN_DEF,
        COLUMN_CONSTRAINT,
        TABLE_CONSTRAINT,
        IF_EXISTS,
        IF_NOT_EXISTS,

        // the `.rocky` pipeline language
        PIPELINE_FILE,
        LET_BINDING,
        PIPELINE,
        FROM_STEP,
        WHERE_STEP,
        GROUP_STEP,
        DERIVE_STEP,
        SELECT_STEP,
        JOIN_STEP,
        SORT_STEP,
        TAKE_STEP,
        DISTINCT_STEP,
        REPLICATE_STEP,
        FIELD_LIST,
        FIELD,
        KEEP_LIST,
        SORT_KEY,
        MATCH_EXPR,
        MATCH_ARM,
        MATCH_PATTERN,
        PIPE_WINDOW,
        PIPE_PARTITION,
        PIPE_SORT,
        PIPE_FRAME,
        PIPE_BOUND,
    }
}

impl SyntaxKind {
    /// The `.rocky` keywords that SQL does not have.
    pub fn is_pipeline_keyword(self) -> bool {
        use SyntaxKind::*;
        matches!(self, LET_KW | DERIVE_KW | SORT_KW | TAKE_KW | REPLICATE_KW | KEEP_KW | MATCH_KW)
    }

    pub fn is_trivia(self) -> bool {
        matches!(self, SyntaxKind::WHITESPACE | SyntaxKind::COMMENT)
    }
}

impl From<SyntaxKind> for rowan::SyntaxKind {
    fn from(kind: SyntaxKind) -> Self {
        Self(kind as u16)
    }
}

#[cfg(test)]
mod tests {
    use super::SyntaxKind;

    #[test]
    fn keyword_lookup_ignores_case() {
        assert_eq!(SyntaxKind::from_keyword("select"), Some(T![select]));
        assert_eq!(SyntaxKind::from_keyword("SeLeCt"), Some(T![select]));
        assert_eq!(SyntaxKind::from_keyword("selects"), None);
        assert_eq!(SyntaxKind::from_keyword("größe"), None);
        assert_eq!(SyntaxKind::from_keyword("a_very_long_identifier_name"), None);
    }

    #[test]
    fn keyword_table_is_sorted() {
        assert!(super::KEYWORDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(super::KEYWORDS.iter().all(|(kw, _)| kw.len() <= super::MAX_KEYWORD_LEN));
    }

    #[test]
    fn raw_round_trip() {
        for raw in 0..(SyntaxKind::__LAST as u16) {
            let kind = SyntaxKind::from_u16(raw).expect("every raw value below __LAST is a kind");
            assert_eq!(kind as u16, raw);
        }
        assert_eq!(SyntaxKind::from_u16(SyntaxKind::__LAST as u16), None);
    }
}
