//! Data-driven tests over `test_data/config/{ok,err}`: each input's parse result and
//! diagnostics are snapshotted into a sibling `.txt` (`UPDATE_EXPECT=1` refreshes them).
//! The file name picks the parser (`sidecar_`, `defaults_`, `group_`, `contract_`,
//! `test_definitions_`, `frontmatter_`; anything else is `rocky.toml`), and a line
//! `# env: A=1 B=` gives the environment (`\n` and `\s` in values for newline and space).

mod mangled;
mod merge;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use expect_test::{expect, expect_file};
use syntax::{TextRange, TextSize};

use super::*;
use crate::diagnostics::{Diagnostic, Severity};

fn test_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test_data/config")
}

/// Every secret in the fixtures contains this marker; no snapshot may.
const SECRET_MARKER: &str = "s3cr3t";

pub(super) fn env_of(text: &str) -> BTreeMap<String, String> {
    let Some(line) = text.lines().find_map(|l| l.trim_start().strip_prefix("# env:")) else {
        return BTreeMap::new();
    };
    line.split_whitespace()
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.replace("\\n", "\n").replace("\\s", " ")))
        .collect()
}

/// A parse result of any kind, rendered only when a snapshot needs it.
pub(super) enum Parsed {
    Model(Box<ModelConfig>, Option<Option<Frontmatter>>),
    Contract(Contract),
    TestDefinitions(TestDefinitions),
    Project(ProjectConfig),
}

impl Parsed {
    fn render(&self) -> String {
        match self {
            Parsed::Model(config, None) => format!("{config:#?}"),
            Parsed::Model(config, Some(fm)) => format!("{fm:#?}\n{config:#?}"),
            Parsed::Contract(contract) => format!("{contract:#?}"),
            Parsed::TestDefinitions(defs) => format!("{defs:#?}"),
            Parsed::Project(config) => format!(
                "{config:#?}\nmodels_dirs: {:?}\nwarehouse_adapter: {:?}\ndialect: {:?}\n\
                 default_catalog: {:?}",
                config.models_dirs(),
                config.warehouse_adapter().map(|a| &a.name),
                config.dialect(),
                config.default_catalog(),
            ),
        }
    }
}

/// Parses `text` the way the file name says.
pub(super) fn parse_as(name: &str, text: &str) -> (Parsed, Vec<Diagnostic>) {
    let env = env_of(text);
    let model = |kind| {
        let (config, diags) = parse_model_config(text, &env, kind);
        let fm = (kind == ModelConfigKind::Frontmatter).then(|| split_frontmatter(text));
        (Parsed::Model(Box::new(config), fm), diags)
    };
    if name.starts_with("sidecar_") {
        model(ModelConfigKind::Sidecar)
    } else if name.starts_with("defaults_") {
        model(ModelConfigKind::Defaults)
    } else if name.starts_with("group_") {
        model(ModelConfigKind::Group)
    } else if name.starts_with("frontmatter_") {
        model(ModelConfigKind::Frontmatter)
    } else if name.starts_with("contract_") {
        let (contract, diags) = parse_contract(text);
        (Parsed::Contract(contract), diags)
    } else if name.starts_with("test_definitions_") {
        let (defs, diags) = parse_test_definitions(text, &env);
        (Parsed::TestDefinitions(defs), diags)
    } else {
        let (config, diags) = parse_project_config(text, &env);
        (Parsed::Project(config), diags)
    }
}

/// Appends the original text of every `value @ a..b` and `range: a..b` in `rendered`, so a
/// snapshot shows what each range points at.
fn annotate(text: &str, rendered: &str) -> String {
    let mut out = String::with_capacity(rendered.len());
    let mut rest = rendered;
    loop {
        let next =
            [" @ ", "range: "].iter().filter_map(|m| rest.find(m).map(|at| at + m.len())).min();
        let Some(at) = next else { break };
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let len = after.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(after.len());
        let (range, tail) = after.split_at(len);
        out.push_str(range);
        let snippet = range
            .split_once("..")
            .and_then(|(a, b)| Some(a.parse::<usize>().ok()?..b.parse::<usize>().ok()?))
            .and_then(|r| text.get(r));
        if let Some(snippet) = snippet {
            let _ = write!(out, " {snippet:?}");
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// `line:col` (1-based, column in characters) of an offset.
fn line_col(text: &str, offset: TextSize) -> String {
    let offset = usize::from(offset).min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    format!("{line}:{col}")
}

pub(super) fn render_diagnostics(text: &str, diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let snippet = text.get(Range::<usize>::from(d.range)).unwrap_or("<not on a char boundary>");
        let _ = writeln!(
            out,
            "{} {} {}-{} {:?}: {}",
            d.code.as_str(),
            d.severity.as_str(),
            line_col(text, d.range.start()),
            line_col(text, d.range.end()),
            snippet,
            d.message
        );
        if let Some(help) = &d.help {
            let _ = writeln!(out, "    help: {help}");
        }
    }
    out
}

/// Ranges lie inside the text, on character boundaries.
pub(super) fn check_ranges(text: &str, diags: &[Diagnostic]) -> Result<(), String> {
    for d in diags {
        let end = TextSize::of(text);
        if d.range.end() > end || text.get(Range::<usize>::from(d.range)).is_none() {
            return Err(format!("{} range {:?} is not in the text", d.code.as_str(), d.range));
        }
    }
    Ok(())
}

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let dir = test_data().join(dir);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "sql"))
        .collect();
    files.sort();
    files
}

fn run_dir(dir: &str, expect_errors: bool) {
    let files = fixtures(dir);
    assert!(!files.is_empty(), "no fixtures in {dir}");
    for file in files {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let text = fs::read_to_string(&file).expect("fixture is UTF-8");
        let (parsed, diags) = parse_as(&name, &text);
        let rendered = parsed.render();
        if let Err(e) = check_ranges(&text, &diags) {
            panic!("{name}: {e}");
        }
        let errors = diags.iter().any(|d| d.severity == Severity::Error);
        if expect_errors {
            assert!(!diags.is_empty(), "{name}: an err/ fixture produced no diagnostics");
        } else {
            assert!(
                !errors,
                "{name}: an ok/ fixture produced errors:\n{}",
                render_diagnostics(&text, &diags)
            );
        }
        let actual = format!(
            "{}\n--- diagnostics ---\n{}",
            annotate(&text, &rendered),
            render_diagnostics(&text, &diags)
        );
        assert!(!actual.contains(SECRET_MARKER), "{name}: a secret leaked into the output");
        expect_file![file.with_extension("txt")].assert_eq(&actual);
    }
}

#[test]
fn config_ok() {
    run_dir("ok", false);
}

#[test]
fn config_err() {
    run_dir("err", true);
}

#[test]
fn secrets_are_redacted_but_readable() {
    let text = "[adapter]\ntype = \"databricks\"\nhost = \"h\"\nhttp_path = \"/sql/1.0/warehouses/abc\"\ntoken = \"dapi-s3cr3t\"\n";
    let (config, diags) = parse_project_config(text, &BTreeMap::new());
    assert!(diags.is_empty(), "{diags:?}");
    assert!(!format!("{config:?}").contains(SECRET_MARKER));
    let adapter = config.warehouse_adapter().expect("the default adapter");
    let AdapterKind::Databricks { token: Some(token), .. } = &adapter.kind else {
        panic!("a databricks adapter with a token: {adapter:?}")
    };
    assert_eq!(token.expose(), "dapi-s3cr3t");
    assert_eq!(adapter.kind.warehouse_id(), Some("abc"));
}

#[test]
fn offset_map_maps_through_substitutions() {
    let env: BTreeMap<String, String> =
        [("LONG".to_owned(), "a-much-longer-value".to_owned()), ("E".to_owned(), String::new())]
            .into_iter()
            .collect();
    let text = "a = \"${LONG}/x\"\nb = \"${E}\"\nc = \"${E:-dflt}\"\n";
    let (out, map, diags) = substitute_env(text, &env);
    assert!(diags.is_empty());
    expect![[r#"
        a = "a-much-longer-value/x"
        b = ""
        c = "dflt"
    "#]]
    .assert_eq(&out);
    let orig = |start: usize, end: usize| {
        let r = map.range(start..end);
        text.get(Range::<usize>::from(r)).unwrap_or("<bad range>").to_owned()
    };
    // The whole string value, the value alone, a slice inside the value, text after it.
    let value = out.find('"').unwrap_or(0);
    assert_eq!(orig(value, value + 23), "\"${LONG}/x\"");
    assert_eq!(orig(value + 1, value + 20), "${LONG}");
    assert_eq!(orig(value + 3, value + 5), "${LONG}");
    assert_eq!(orig(value + 20, value + 22), "/x");
    let c = out.find("c =").unwrap_or(0);
    assert_eq!(orig(c, c + 1), "c");
    assert_eq!(orig(c + 4, c + 10), "\"${E:-dflt}\"");
    assert_eq!(map.range(out.len()..out.len()), TextRange::empty(TextSize::of(text)));
}

#[test]
fn substitution_leaves_comment_lines_and_non_variables() {
    let env = BTreeMap::new();
    let text = "  # ${UNSET}\nx = \"$${ not a var } ${1X} ${A-b}\"\n";
    let (out, _, diags) = substitute_env(text, &env);
    assert_eq!(out, text);
    assert!(diags.is_empty());
}

#[test]
fn models_dirs_from_globs() {
    let cases = [
        ("models/**", "models"),
        ("./models/**/*.sql", "models"),
        ("models/staging/*.sql", "models/staging"),
        ("models/st*", "models"),
        ("models", "models"),
        ("models/", "models"),
        ("**", ""),
    ];
    for (glob, dir) in cases {
        let text = format!("[pipeline]\ntype = \"transformation\"\nmodels = \"{glob}\"\n");
        let (config, _) = parse_project_config(&text, &BTreeMap::new());
        assert_eq!(config.models_dirs(), vec![dir.to_owned()], "{glob}");
    }
    let (empty, _) = parse_project_config("", &BTreeMap::new());
    assert_eq!(empty.models_dirs(), vec!["models".to_owned()]);
    assert_eq!(empty.dialect(), syntax::Dialect::DuckDb);
    assert_eq!(empty.default_catalog(), None);
}

#[test]
fn frontmatter_shapes() {
    let show = |sql: &str| match split_frontmatter(sql) {
        None => "none".to_owned(),
        Some(fm) => format!(
            "toml={:?} close={} body={:?}",
            sql.get(Range::<usize>::from(fm.toml)).unwrap_or("?"),
            fm.close.is_some(),
            sql.get(usize::from(fm.body_start)..).unwrap_or("?")
        ),
    };
    let out: Vec<String> = [
        "---toml\nname = \"a\"\n---\nSELECT 1",
        "---\r\nname = \"a\"\r\n---\r\nSELECT 1",
        "\u{feff}---toml\n---\n",
        "--- not frontmatter\nSELECT 1",
        "SELECT 1\n---\n",
        "---toml\nname = \"a\"\nSELECT 1",
        "",
    ]
    .iter()
    .map(|s| show(s))
    .collect();
    expect![[r#"
        toml="name = \"a\"\n" close=true body="SELECT 1"
        toml="name = \"a\"\r\n" close=true body="SELECT 1"
        toml="" close=true body=""
        none
        none
        toml="name = \"a\"\nSELECT 1" close=false body=""
        none"#]]
    .assert_eq(&out.join("\n"));
}
