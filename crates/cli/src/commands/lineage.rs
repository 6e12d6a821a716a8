//! `rocky lineage MODEL[.COLUMN]`: column lineage computed from the code, no warehouse.
//! Upstream (the default) walks back to the sources a column is computed from; downstream
//! walks forward to every model column computed from it: what a change to it reaches.
//! JSON per CLI.md, a tree for people, DOT for Graphviz.

mod dot;
mod text;

use std::{io::Write, process::ExitCode};

use anyhow::bail;
use hir::{
    Name, RootDatabase, diagnostics::did_you_mean, lineage::LineageNode, project::project_model,
};
use ide::lineage_graph::{
    ColumnNode, Direction, LineageGraph, LineageRequest, lineage_graph, node_name,
};
use serde::Serialize;

use crate::Global;

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum Format {
    Json,
    Dot,
    Text,
}

#[derive(clap::Args)]
pub(crate) struct Args {
    /// `model`, `model.column`, a source table (`schema.table`) or a source column
    /// (`schema.table.column`).
    target: String,
    /// Where the column comes from, back to the sources (the default).
    #[arg(long, conflicts_with = "downstream")]
    upstream: bool,
    /// Every model column computed from it: what a change to it reaches.
    #[arg(long)]
    downstream: bool,
    /// At most this many hops from the target.
    #[arg(long, value_name = "N")]
    depth: Option<usize>,
    /// Also the columns that only filter or join rows (WHERE, HAVING, QUALIFY, ON, USING).
    #[arg(long)]
    include_filters: bool,
    /// Output format (default: text on a terminal, json otherwise).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Read every project file, not only those whose facts kept in `.rocky-cache/` are
    /// out of date, and write no cache.
    #[arg(long)]
    no_cache: bool,
}

/// A column as CLI.md's JSON names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(untagged)]
pub(crate) enum Endpoint {
    Model { model: String, column: String },
    Source { source: String, column: String },
}

impl Endpoint {
    /// `model.column`, or `schema.table.column` for a source.
    pub(crate) fn label(&self) -> String {
        match self {
            Endpoint::Model { model, column } => format!("{model}.{column}"),
            Endpoint::Source { source, column } => format!("{source}.{column}"),
        }
    }

    /// The model or source table.
    pub(crate) fn relation(&self) -> (&str, bool) {
        match self {
            Endpoint::Model { model, .. } => (model, false),
            Endpoint::Source { source, .. } => (source, true),
        }
    }

    pub(crate) fn column(&self) -> &str {
        match self {
            Endpoint::Model { column, .. } | Endpoint::Source { column, .. } => column,
        }
    }
}

#[derive(Serialize)]
pub(crate) struct Edge {
    pub from: Endpoint,
    pub to: Endpoint,
    pub transform: &'static str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Target {
    Model {
        model: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        column: Option<String>,
    },
    Source {
        source: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        column: Option<String>,
    },
}

#[derive(Serialize)]
struct Output<'a> {
    version: &'static str,
    command: &'static str,
    target: Target,
    direction: &'static str,
    edges: &'a [Edge],
}

/// The graph with names: what every renderer prints.
pub(crate) struct Named {
    pub targets: Vec<Endpoint>,
    pub edges: Vec<Edge>,
    pub direction: Direction,
    pub include_filters: bool,
}

pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let root = load::find_root(global.project.as_deref(), global.config.as_deref())?;
    let mut project =
        crate::project::load_cached(root, hir::input::Options::default(), args.no_cache)?;
    // Both directions: downstream scans every model for the names it may read, and
    // upstream resolution (one pass, `hir::scan`) was measured 1.5x slower without the
    // parallel scan.
    project.prewarm(true);
    let (node, column) = parse_target(&mut project, &args.target)?;
    let direction = if args.downstream { Direction::Downstream } else { Direction::Upstream };
    // Only the models the walk may reach, and what they may read, are read.
    let db = project.host.db();
    let pm = project_model(db);
    let files = match (&node, direction) {
        (LineageNode::Model(f), Direction::Upstream) => {
            let models: Vec<usize> = pm.owner(*f).into_iter().collect();
            ide::needed::files_to_read_for(db, &models)
        }
        (LineageNode::Model(f), Direction::Downstream) => {
            let seeds: Vec<usize> = pm.owner(*f).into_iter().collect();
            ide::needed::files_to_read(db, &ide::needed::downstream_candidates(db, &seeds))
        }
        (LineageNode::Source(table), _) => {
            let seeds = ide::needed::may_read_table(db, table);
            ide::needed::files_to_read(db, &ide::needed::downstream_candidates(db, &seeds))
        }
    };
    project.read(&files)?;
    let db = project.host.db();
    let request = LineageRequest {
        node: node.clone(),
        columns: column.map(|c| vec![c]),
        direction,
        depth: args.depth,
        include_filters: args.include_filters,
    };
    let graph = lineage_graph(db, &request);
    let named = name_graph(db, &graph, direction, args.include_filters);
    let format = args.format.unwrap_or(match global.output() {
        crate::OutputFormat::Json => Format::Json,
        crate::OutputFormat::Table => Format::Text,
    });
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Json => {
            let column = column.map(|c| c.to_string());
            let target = match &node {
                LineageNode::Model(_) => Target::Model { model: node_name(db, &node), column },
                LineageNode::Source(s) => Target::Source { source: s.to_string(), column },
            };
            let payload = Output {
                version: env!("CARGO_PKG_VERSION"),
                command: "lineage",
                target,
                direction: match direction {
                    Direction::Upstream => "upstream",
                    Direction::Downstream => "downstream",
                },
                edges: &named.edges,
            };
            serde_json::to_writer_pretty(&mut out, &payload)?;
            writeln!(out)?;
        }
        Format::Text => text::write(&named, &args.target, &mut out)?,
        Format::Dot => dot::write(&named, &mut out)?,
    }
    out.flush()?;
    drop(out);
    project.save_cache();
    Ok(ExitCode::SUCCESS)
}

/// `model`, `model.column`, `schema.table` or `schema.table.column` (a source): the
/// relation and the column, checked against what the project knows.
fn parse_target(
    project: &mut crate::project::Project,
    target: &str,
) -> anyhow::Result<(LineageNode, Option<Name>)> {
    let db = project.host.db();
    let pm = project_model(db);
    if let Some(m) = pm.by_name(target) {
        return Ok((LineageNode::Model(m.file), None));
    }
    if let Some((model, column)) = target.rsplit_once('.')
        && let Some(i) = pm.by_name(model).and_then(|m| pm.owner(m.file))
    {
        // Its signature needs its text and that of what it may read.
        let files = ide::needed::files_to_read_for(db, &[i]);
        project.read(&files)?;
        let db = project.host.db();
        let m = &project_model(db).models[i];
        let sig = hir::model::model_signature(db, m.file);
        let name = Name::folded(column);
        if sig.column(&name).is_none() && !sig.open {
            let help = did_you_mean(column, sig.columns.iter().map(|c| c.name.as_str()))
                .map(|h| format!("; {h}"))
                .unwrap_or_default();
            bail!("model `{}` has no column `{column}`{help}", m.name);
        }
        return Ok((LineageNode::Model(m.file), Some(name)));
    }
    let db = project.host.db();
    let pm = project_model(db);
    let sources = hir::sources::source_catalog(db);
    let parts = |s: &str| s.split('.').map(Name::folded).collect::<Vec<_>>();
    if let Some((name, _)) = sources.table(&parts(target)).filter(|_| target.contains('.')) {
        return Ok((LineageNode::Source(name.into()), None));
    }
    if let Some((table, column)) = target.rsplit_once('.')
        && table.contains('.')
    {
        let name = Name::folded(column);
        if let Some((table_name, sig)) = sources.table(&parts(table)) {
            if sig.column(&name).is_none() && !sig.open {
                let help = did_you_mean(column, sig.columns.iter().map(|c| c.name.as_str()))
                    .map(|h| format!("; {h}"))
                    .unwrap_or_default();
                bail!("source `{table_name}` has no column `{column}`{help}");
            }
            return Ok((LineageNode::Source(table_name.into()), Some(name)));
        }
        // A table no schema describes: named as the models write it.
        let folded: Vec<String> = parts(table).iter().map(|n| n.to_string()).collect();
        return Ok((LineageNode::Source(folded.join(".").into()), Some(name)));
    }
    let names = pm.models.iter().map(|m| m.name.as_str()).chain(sources.table_names());
    let help = did_you_mean(target, names).map(|h| format!("; {h}")).unwrap_or_default();
    bail!(
        "`{target}` is not a model, a model's column or a source column \
         (write `model.column` or `schema.table.column`){help}"
    )
}

fn endpoint_of(db: &RootDatabase, node: &LineageNode, column: Name) -> Endpoint {
    match node {
        LineageNode::Model(_) => {
            Endpoint::Model { model: node_name(db, node), column: column.to_string() }
        }
        LineageNode::Source(s) => {
            Endpoint::Source { source: s.to_string(), column: column.to_string() }
        }
    }
}

fn name_graph(
    db: &RootDatabase,
    graph: &LineageGraph,
    direction: Direction,
    include_filters: bool,
) -> Named {
    let name = |c: &ColumnNode| endpoint_of(db, &c.node, c.column);
    Named {
        targets: graph.targets.iter().map(name).collect(),
        edges: graph
            .edges
            .iter()
            .map(|e| Edge { from: name(&e.from), to: name(&e.to), transform: e.transform.as_str() })
            .collect(),
        direction,
        include_filters,
    }
}
