//! Diagnostics as data: what every query returns next to its value.

mod codes;

use syntax::TextRange;

pub use self::codes::Code;
use crate::input::SourceFile;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One finding, located in the file whose query produced it (or, for project-wide findings,
/// in `Diagnostic::file`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// The file the range is in; `None` for findings about the project as a whole (an empty
    /// models folder).
    pub file: Option<SourceFile>,
    /// Byte range in the file.
    pub range: TextRange,
    /// Lowercase, no trailing period (ARCHITECTURE.md, Errors).
    pub message: String,
    /// A did-you-mean or what to do, shown as `help:` (CLI.md's `suggestion`).
    pub help: Option<String>,
    /// Other places that explain this one (the other model writing the same table, the rest
    /// of a cycle).
    pub related: Vec<Related>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Related {
    pub file: SourceFile,
    pub range: TextRange,
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(
        code: Code,
        file: Option<SourceFile>,
        range: TextRange,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.default_severity(),
            file,
            range,
            message: message.into(),
            help: None,
            related: Vec::new(),
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_related(mut self, related: Related) -> Diagnostic {
        self.related.push(related);
        self
    }
}

/// `did you mean `x`?` for the candidate closest to `wrong`, if one is close enough to be a
/// likely typo (case-insensitive Jaro-Winkler, then Levenshtein to break ties).
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let wrong_l = wrong.to_lowercase();
    let mut best: Option<(f64, usize, &str)> = None;
    for cand in candidates {
        let cand_l = cand.to_lowercase();
        if cand_l == wrong_l {
            continue;
        }
        let score = strsim::jaro_winkler(&wrong_l, &cand_l);
        let dist = strsim::levenshtein(&wrong_l, &cand_l);
        let close = score >= 0.85 || dist <= (wrong_l.chars().count() / 3).max(1);
        if !close {
            continue;
        }
        let better = match best {
            None => true,
            Some((s, d, c)) => {
                (score, std::cmp::Reverse(dist), std::cmp::Reverse(cand))
                    > (s, std::cmp::Reverse(d), std::cmp::Reverse(c))
            }
        };
        if better {
            best = Some((score, dist, cand));
        }
    }
    best.map(|(_, _, c)| format!("did you mean `{c}`?"))
}
