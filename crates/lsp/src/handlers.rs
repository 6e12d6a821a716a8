//! One function per request: LSP parameters in, `ide` call, LSP result out. Each runs on a
//! blocking thread with a snapshot; `Err(Cancelled)` means an edit came in meanwhile.

use ide::{AssistKind, Cancellable, FileId, FilePosition, FileRange, TextRange};
use tower_lsp_server::ls_types as lsp;

use crate::{
    line_index::LineIndex,
    to_proto::{self, Conv},
};

fn offset(conv: &mut Conv<'_>, file: FileId, pos: lsp::Position) -> Cancellable<FilePosition> {
    Ok(FilePosition { file, offset: conv.index(file)?.offset(pos) })
}

fn text_range(conv: &mut Conv<'_>, file: FileId, range: lsp::Range) -> Cancellable<TextRange> {
    Ok(conv.index(file)?.text_range(range))
}

pub(crate) fn diagnostics(conv: &mut Conv<'_>, file: FileId) -> Cancellable<Vec<lsp::Diagnostic>> {
    let diags = conv.analysis.diagnostics(file)?;
    diags.iter().map(|d| conv.diagnostic(file, d)).collect()
}

pub(crate) fn hover(
    conv: &mut Conv<'_>,
    file: FileId,
    pos: lsp::Position,
) -> Cancellable<Option<lsp::Hover>> {
    let fp = offset(conv, file, pos)?;
    let Some(h) = conv.analysis.hover(fp)? else { return Ok(None) };
    Ok(Some(lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value: h.markup,
        }),
        range: Some(conv.range(file, h.range)?),
    }))
}

pub(crate) fn definition(
    conv: &mut Conv<'_>,
    file: FileId,
    pos: lsp::Position,
) -> Cancellable<Option<lsp::GotoDefinitionResponse>> {
    let fp = offset(conv, file, pos)?;
    let mut out = Vec::new();
    for nav in conv.analysis.goto_definition(fp)? {
        out.extend(conv.location(nav.file, nav.focus_range)?);
    }
    Ok((!out.is_empty()).then_some(lsp::GotoDefinitionResponse::Array(out)))
}

pub(crate) fn references(
    conv: &mut Conv<'_>,
    file: FileId,
    pos: lsp::Position,
) -> Cancellable<Option<Vec<lsp::Location>>> {
    let fp = offset(conv, file, pos)?;
    let mut out = Vec::new();
    for r in conv.analysis.references(fp)? {
        out.extend(conv.location(r.file, r.range)?);
    }
    Ok(Some(out))
}

pub(crate) fn prepare_rename(
    conv: &mut Conv<'_>,
    file: FileId,
    pos: lsp::Position,
) -> Cancellable<Result<Option<lsp::PrepareRenameResponse>, String>> {
    let fp = offset(conv, file, pos)?;
    Ok(match conv.analysis.prepare_rename(fp)? {
        Ok(range) => Ok(Some(lsp::PrepareRenameResponse::Range(conv.range(file, range)?))),
        Err(e) => Err(e),
    })
}

pub(crate) fn rename(
    conv: &mut Conv<'_>,
    file: FileId,
    pos: lsp::Position,
    new_name: &str,
) -> Cancellable<Result<Option<lsp::WorkspaceEdit>, String>> {
    let fp = offset(conv, file, pos)?;
    Ok(match conv.analysis.rename(fp, new_name)? {
        Ok(change) => Ok(Some(conv.workspace_edit(&change)?)),
        Err(e) => Err(e),
    })
}

pub(crate) fn completion(
    conv: &mut Conv<'_>,
    file: FileId,
    pos: lsp::Position,
) -> Cancellable<Option<lsp::CompletionResponse>> {
    let fp = offset(conv, file, pos)?;
    let mut items = Vec::new();
    for (i, c) in conv.analysis.completions(fp)?.into_iter().enumerate() {
        let range = conv.range(file, c.replace)?;
        items.push(lsp::CompletionItem {
            label: c.label,
            kind: Some(to_proto::completion_kind(c.kind)),
            detail: c.detail,
            sort_text: Some(format!("{i:05}")),
            insert_text_format: Some(if c.is_snippet {
                lsp::InsertTextFormat::SNIPPET
            } else {
                lsp::InsertTextFormat::PLAIN_TEXT
            }),
            text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
                range,
                new_text: c.insert,
            })),
            ..Default::default()
        });
    }
    // Functions are listed once a prefix narrows them: ask again as the user types.
    Ok(Some(lsp::CompletionResponse::List(lsp::CompletionList { is_incomplete: true, items })))
}

pub(crate) fn signature_help(
    conv: &mut Conv<'_>,
    file: FileId,
    pos: lsp::Position,
) -> Cancellable<Option<lsp::SignatureHelp>> {
    let fp = offset(conv, file, pos)?;
    let Some(h) = conv.analysis.signature_help(fp)? else { return Ok(None) };
    let signatures = h
        .signatures
        .into_iter()
        .map(|(label, params)| lsp::SignatureInformation {
            label,
            documentation: h.doc.clone().map(lsp::Documentation::String),
            parameters: Some(
                params
                    .into_iter()
                    .map(|p| lsp::ParameterInformation {
                        label: lsp::ParameterLabel::Simple(p),
                        documentation: None,
                    })
                    .collect(),
            ),
            active_parameter: None,
        })
        .collect();
    Ok(Some(lsp::SignatureHelp {
        signatures,
        active_signature: Some(h.active_signature),
        active_parameter: Some(h.active_parameter),
    }))
}

pub(crate) fn code_actions(
    conv: &mut Conv<'_>,
    file: FileId,
    range: lsp::Range,
) -> Cancellable<Option<lsp::CodeActionResponse>> {
    let range = text_range(conv, file, range)?;
    let mut out = Vec::new();
    for a in conv.analysis.assists(FileRange { file, range })? {
        let fixed = match &a.fixes {
            Some(d) => Some(vec![conv.diagnostic(file, d)?]),
            None => None,
        };
        out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
            title: a.label,
            kind: Some(match a.kind {
                AssistKind::QuickFix => lsp::CodeActionKind::QUICKFIX,
                AssistKind::RefactorRewrite => lsp::CodeActionKind::REFACTOR_REWRITE,
            }),
            is_preferred: Some(a.kind == AssistKind::QuickFix),
            diagnostics: fixed,
            edit: Some(conv.workspace_edit(&a.change)?),
            ..Default::default()
        }));
    }
    Ok(Some(out))
}

pub(crate) fn inlay_hints(
    conv: &mut Conv<'_>,
    file: FileId,
    range: lsp::Range,
) -> Cancellable<Option<Vec<lsp::InlayHint>>> {
    let range = text_range(conv, file, range)?;
    let index = conv.index(file)?;
    let hints = conv.analysis.inlay_hints(file, Some(range))?;
    Ok(Some(
        hints
            .into_iter()
            .map(|h| lsp::InlayHint {
                position: index.position(h.offset),
                label: lsp::InlayHintLabel::String(h.label),
                kind: Some(lsp::InlayHintKind::TYPE),
                text_edits: None,
                tooltip: None,
                padding_left: None,
                padding_right: None,
                data: None,
            })
            .collect(),
    ))
}

pub(crate) fn semantic_tokens(
    conv: &mut Conv<'_>,
    file: FileId,
    range: Option<lsp::Range>,
) -> Cancellable<Vec<lsp::SemanticToken>> {
    let range = match range {
        Some(r) => Some(text_range(conv, file, r)?),
        None => None,
    };
    let hl = conv.analysis.highlight(file, range)?;
    let index = conv.index(file)?;
    Ok(to_proto::semantic_tokens(&index, &hl))
}

pub(crate) fn document_symbols(
    conv: &mut Conv<'_>,
    file: FileId,
) -> Cancellable<Option<lsp::DocumentSymbolResponse>> {
    let nodes = conv.analysis.document_symbols(file)?;
    let index = conv.index(file)?;
    #[allow(deprecated)]
    fn convert(index: &LineIndex, n: ide::StructureNode) -> lsp::DocumentSymbol {
        lsp::DocumentSymbol {
            name: if n.name.is_empty() { "?".into() } else { n.name },
            detail: n.detail,
            kind: to_proto::symbol_kind(n.kind),
            tags: None,
            deprecated: None,
            range: index.range(n.range),
            selection_range: index.range(n.selection),
            children: Some(n.children.into_iter().map(|c| convert(index, c)).collect()),
        }
    }
    Ok(Some(lsp::DocumentSymbolResponse::Nested(
        nodes.into_iter().map(|n| convert(&index, n)).collect(),
    )))
}

/// `textDocument/formatting` of a `.rocky` file: one edit replacing the whole text (none
/// when it is formatted already). SQL files are not formatted.
pub(crate) fn formatting(
    conv: &mut Conv<'_>,
    file: FileId,
) -> Cancellable<Option<Vec<lsp::TextEdit>>> {
    let Some(formatted) = conv.analysis.format(file)? else { return Ok(None) };
    let text = conv.analysis.file_text(file)?;
    if formatted == *text {
        return Ok(Some(Vec::new()));
    }
    let index = conv.index(file)?;
    let whole = TextRange::up_to(ide::TextSize::of(&*text));
    Ok(Some(vec![lsp::TextEdit { range: index.range(whole), new_text: formatted }]))
}

pub(crate) fn folding_ranges(
    conv: &mut Conv<'_>,
    file: FileId,
) -> Cancellable<Option<Vec<lsp::FoldingRange>>> {
    let folds = conv.analysis.folding_ranges(file)?;
    let index = conv.index(file)?;
    Ok(Some(
        folds
            .into_iter()
            .filter_map(|f| {
                let r = index.range(f.range);
                (r.end.line > r.start.line).then(|| lsp::FoldingRange {
                    start_line: r.start.line,
                    start_character: None,
                    end_line: r.end.line,
                    end_character: None,
                    kind: to_proto::fold_kind(f.kind),
                    collapsed_text: None,
                })
            })
            .collect(),
    ))
}
