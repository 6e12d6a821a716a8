//! Rocky's own requests, beyond the protocol, for the editor extensions: a model's compiled
//! SQL (`rocky/compiledSql`), the lineage at the cursor (`rocky/lineage`, shaped as
//! `rocky lineage --format json`) and the projects' state (`rocky/status`).

use ide::{
    BindSql, Cancellable, FileId, FilePosition,
    hir::lineage::LineageNode,
    lineage_graph::{Direction, LineageRequest},
};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tower_lsp_server::ls_types::{Position, TextDocumentIdentifier};

use crate::to_proto::Conv;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CompiledSqlParams {
    pub text_document: TextDocumentIdentifier,
}

#[derive(Debug, Serialize)]
pub(crate) struct CompiledSqlResult {
    pub root: String,
    pub model: String,
    pub sql: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct LineageParams {
    pub text_document: TextDocumentIdentifier,
    pub position: Position,
    #[serde(default)]
    pub direction: LineageDirection,
    pub depth: Option<usize>,
    #[serde(default)]
    pub include_filters: bool,
}

#[derive(Debug, Default, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum LineageDirection {
    #[default]
    Upstream,
    Downstream,
}

#[derive(Debug, Serialize)]
pub(crate) struct StatusResult {
    pub projects: Vec<ProjectStatus>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ProjectStatus {
    pub root: String,
    pub models: usize,
    pub errors: usize,
    pub warnings: usize,
}

pub(crate) fn compiled_sql(
    conv: &mut Conv<'_>,
    file: FileId,
    bind: Option<BindSql>,
) -> Cancellable<Option<CompiledSqlResult>> {
    let Some(c) = conv.analysis.compiled_sql(file, bind)? else { return Ok(None) };
    Ok(Some(CompiledSqlResult {
        root: conv.root.display().to_string(),
        model: c.model,
        sql: c.sql,
    }))
}

/// The lineage JSON of `rocky lineage` (without `version` and `command`) for what the
/// cursor names; `None` outside a model.
pub(crate) fn lineage(
    conv: &mut Conv<'_>,
    file: FileId,
    params: &LineageParams,
) -> Cancellable<Option<Value>> {
    let offset = conv.index(file)?.offset(params.position);
    let Some(target) = conv.analysis.lineage_target(FilePosition { file, offset })? else {
        return Ok(None);
    };
    let direction = match params.direction {
        LineageDirection::Upstream => Direction::Upstream,
        LineageDirection::Downstream => Direction::Downstream,
    };
    let req = LineageRequest {
        node: target.node.clone(),
        columns: target.column.map(|c| vec![c]),
        direction,
        depth: params.depth,
        include_filters: params.include_filters,
    };
    let (graph, names) = conv.analysis.lineage(&req)?;
    let name = |node: &LineageNode| {
        names.iter().find(|(n, _)| n == node).map_or_else(String::new, |(_, s)| s.clone())
    };
    let endpoint = |node: &LineageNode, column: Option<String>| {
        let key = if matches!(node, LineageNode::Source(_)) { "source" } else { "model" };
        let mut v = json!({ key: name(node) });
        if let Some(c) = column {
            v["column"] = Value::String(c);
        }
        v
    };
    let edges: Vec<Value> = graph
        .edges
        .iter()
        .map(|e| {
            json!({
                "from": endpoint(&e.from.node, Some(e.from.column.to_string())),
                "to": endpoint(&e.to.node, Some(e.to.column.to_string())),
                "transform": e.transform.as_str(),
            })
        })
        .collect();
    Ok(Some(json!({
        "target": endpoint(&target.node, target.column.map(|c| c.to_string())),
        "direction": match direction {
            Direction::Upstream => "upstream",
            Direction::Downstream => "downstream",
        },
        "edges": edges,
    })))
}
