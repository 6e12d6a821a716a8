//! `ide`'s plain data to LSP types.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use ide::{
    Analysis, Cancellable, CompletionKind, FileId, FoldKind, HlTag, SourceChange, SymbolKind,
    hir::{self, Severity},
};
use tower_lsp_server::ls_types as lsp;

use crate::{
    line_index::{Encoding, LineIndex},
    state::path_uri,
};

/// Converts ranges of any project file, reading each file's text once.
pub(crate) struct Conv<'a> {
    pub analysis: &'a Analysis,
    pub root: &'a Path,
    pub encoding: Encoding,
    /// Each file's text and line index, read once per request.
    indexes: HashMap<FileId, Arc<LineIndex>>,
}

impl<'a> Conv<'a> {
    pub(crate) fn new(analysis: &'a Analysis, root: &'a Path, encoding: Encoding) -> Conv<'a> {
        Conv { analysis, root, encoding, indexes: HashMap::new() }
    }

    pub(crate) fn index(&mut self, file: FileId) -> Cancellable<Arc<LineIndex>> {
        if let Some(index) = self.indexes.get(&file) {
            return Ok(Arc::clone(index));
        }
        let index = Arc::new(LineIndex::new(self.analysis.file_text(file)?, self.encoding));
        self.indexes.insert(file, Arc::clone(&index));
        Ok(index)
    }

    pub(crate) fn range(&mut self, file: FileId, range: ide::TextRange) -> Cancellable<lsp::Range> {
        Ok(self.index(file)?.range(range))
    }

    pub(crate) fn uri(&self, file: FileId) -> Cancellable<Option<lsp::Uri>> {
        let path = self.analysis.file_path(file)?;
        Ok(path_uri(self.root, &path))
    }

    pub(crate) fn location(
        &mut self,
        file: FileId,
        range: ide::TextRange,
    ) -> Cancellable<Option<lsp::Location>> {
        let Some(uri) = self.uri(file)? else { return Ok(None) };
        Ok(Some(lsp::Location { uri, range: self.range(file, range)? }))
    }

    pub(crate) fn diagnostic(
        &mut self,
        file: FileId,
        d: &hir::Diagnostic,
    ) -> Cancellable<lsp::Diagnostic> {
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let mut related = Vec::new();
        for r in &d.related {
            if let Some(location) = self.location(r.file, r.range)? {
                related.push(lsp::DiagnosticRelatedInformation {
                    location,
                    message: r.message.clone(),
                });
            }
        }
        let code = d.code.as_str();
        Ok(lsp::Diagnostic {
            range: self.range(d.file.unwrap_or(file), d.range)?,
            severity: Some(match d.severity {
                Severity::Error => lsp::DiagnosticSeverity::ERROR,
                Severity::Warning => lsp::DiagnosticSeverity::WARNING,
                Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
            }),
            code: Some(lsp::NumberOrString::String(code.to_string())),
            code_description: code_description(code),
            source: Some("rocky".into()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            data: None,
        })
    }

    pub(crate) fn workspace_edit(
        &mut self,
        change: &SourceChange,
    ) -> Cancellable<lsp::WorkspaceEdit> {
        let mut edits = Vec::new();
        for (file, file_edits) in &change.edits {
            let Some(uri) = self.uri(*file)? else { continue };
            let mut out = Vec::new();
            for e in file_edits {
                out.push(lsp::TextEdit {
                    range: self.range(*file, e.range)?,
                    new_text: e.insert.clone(),
                });
            }
            edits.push((uri, out));
        }
        if change.file_system.is_empty() {
            return Ok(lsp::WorkspaceEdit {
                changes: Some(edits.into_iter().collect()),
                ..Default::default()
            });
        }
        let mut ops: Vec<lsp::DocumentChangeOperation> = edits
            .into_iter()
            .map(|(uri, edits)| {
                lsp::DocumentChangeOperation::Edit(lsp::TextDocumentEdit {
                    text_document: lsp::OptionalVersionedTextDocumentIdentifier {
                        uri,
                        version: None,
                    },
                    edits: edits.into_iter().map(lsp::OneOf::Left).collect(),
                })
            })
            .collect();
        for fs in &change.file_system {
            let ide::FileSystemEdit::Move { src, dst } = fs;
            let (Some(old_uri), Some(new_uri)) = (self.uri(*src)?, path_uri(self.root, dst)) else {
                continue;
            };
            ops.push(lsp::DocumentChangeOperation::Op(lsp::ResourceOp::Rename(lsp::RenameFile {
                old_uri,
                new_uri,
                options: None,
                annotation_id: None,
            })));
        }
        Ok(lsp::WorkspaceEdit {
            document_changes: Some(lsp::DocumentChanges::Operations(ops)),
            ..Default::default()
        })
    }
}

/// Where a code is explained: the table of codes the server wrote at start-up.
fn code_description(code: &str) -> Option<lsp::CodeDescription> {
    let page = crate::docs::diagnostics_page()?;
    let href = format!("{}#{}", page.as_str(), code.to_lowercase());
    href.parse().ok().map(|href| lsp::CodeDescription { href })
}

pub(crate) fn completion_kind(k: CompletionKind) -> lsp::CompletionItemKind {
    match k {
        CompletionKind::Column => lsp::CompletionItemKind::FIELD,
        CompletionKind::TableAlias => lsp::CompletionItemKind::VARIABLE,
        CompletionKind::Cte => lsp::CompletionItemKind::STRUCT,
        CompletionKind::Model => lsp::CompletionItemKind::CLASS,
        CompletionKind::Source => lsp::CompletionItemKind::MODULE,
        CompletionKind::Function => lsp::CompletionItemKind::FUNCTION,
        CompletionKind::Keyword => lsp::CompletionItemKind::KEYWORD,
    }
}

pub(crate) fn symbol_kind(k: SymbolKind) -> lsp::SymbolKind {
    match k {
        SymbolKind::Model => lsp::SymbolKind::CLASS,
        SymbolKind::Cte => lsp::SymbolKind::STRUCT,
        SymbolKind::Column => lsp::SymbolKind::FIELD,
    }
}

pub(crate) fn fold_kind(k: FoldKind) -> Option<lsp::FoldingRangeKind> {
    match k {
        FoldKind::Comment => Some(lsp::FoldingRangeKind::Comment),
        FoldKind::Region => None,
    }
}

/// The semantic token legend: the index of each tag's type.
pub(crate) const TOKEN_TYPES: &[(HlTag, lsp::SemanticTokenType)] = &[
    (HlTag::Keyword, lsp::SemanticTokenType::KEYWORD),
    (HlTag::Comment, lsp::SemanticTokenType::COMMENT),
    (HlTag::String, lsp::SemanticTokenType::STRING),
    (HlTag::Number, lsp::SemanticTokenType::NUMBER),
    (HlTag::Operator, lsp::SemanticTokenType::OPERATOR),
    (HlTag::Model, lsp::SemanticTokenType::CLASS),
    (HlTag::Source, lsp::SemanticTokenType::NAMESPACE),
    (HlTag::Cte, lsp::SemanticTokenType::STRUCT),
    (HlTag::Column, lsp::SemanticTokenType::PROPERTY),
    (HlTag::TableAlias, lsp::SemanticTokenType::VARIABLE),
    (HlTag::Function, lsp::SemanticTokenType::FUNCTION),
    (HlTag::Placeholder, lsp::SemanticTokenType::MACRO),
    (HlTag::Type, lsp::SemanticTokenType::TYPE),
];

pub(crate) fn legend() -> lsp::SemanticTokensLegend {
    lsp::SemanticTokensLegend {
        token_types: TOKEN_TYPES.iter().map(|(_, t)| t.clone()).collect(),
        token_modifiers: Vec::new(),
    }
}

/// Encodes highlights as LSP's relative token data, one token per line of a multi-line
/// range.
pub(crate) fn semantic_tokens(index: &LineIndex, hl: &[ide::HlRange]) -> Vec<lsp::SemanticToken> {
    let text = &*index.text;
    let mut out = Vec::new();
    let (mut prev_line, mut prev_start) = (0u32, 0u32);
    for h in hl {
        let Some(ty) = TOKEN_TYPES.iter().position(|(t, _)| *t == h.tag) else { continue };
        let piece = &text[usize::from(h.range.start())..usize::from(h.range.end())];
        let mut offset = h.range.start();
        for line in piece.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            let start = index.position(offset);
            let end = index.position(offset + ide::TextSize::of(content));
            offset += ide::TextSize::of(line);
            if end.character <= start.character || end.line != start.line {
                continue;
            }
            let delta_line = start.line - prev_line;
            let delta_start =
                if delta_line == 0 { start.character - prev_start } else { start.character };
            out.push(lsp::SemanticToken {
                delta_line,
                delta_start,
                length: end.character - start.character,
                token_type: ty as u32,
                token_modifiers_bitset: 0,
            });
            prev_line = start.line;
            prev_start = start.character;
        }
    }
    out
}
