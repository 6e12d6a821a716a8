//! Layered model configs: own > group > `_defaults.toml`, field by field.

use std::collections::BTreeMap;

use expect_test::expect;

use super::super::*;

fn parse(text: &str, kind: ModelConfigKind) -> ModelConfig {
    let (config, diags) = parse_model_config(text, &BTreeMap::new(), kind);
    assert!(diags.is_empty(), "{diags:?}");
    config
}

#[test]
fn merge_takes_each_field_from_the_highest_layer() {
    let own = parse(
        "group = \"marts\"\n[target]\ntable = \"orders_v2\"\n[tags]\nowner = \"me\"\n",
        ModelConfigKind::Sidecar,
    );
    let group = parse(
        "[target]\nschema = \"marts\"\n[strategy]\ntype = \"view\"\n[tags]\nowner = \"team\"\ntier = \"gold\"\n",
        ModelConfigKind::Group,
    );
    let defaults = parse(
        "[target]\ncatalog = \"wh\"\nschema = \"staging\"\n[strategy]\ntype = \"full_refresh\"\n",
        ModelConfigKind::Defaults,
    );
    let merged = merge_model_config(&own, Some(&group), Some(&defaults));
    let summary = format!(
        "strategy: {:?}\ncatalog: {:?}\nschema: {:?}\ntable: {:?}\ntags: {:?}\norigins: {:?}",
        merged.strategy,
        merged.target.catalog,
        merged.target.schema,
        merged.target.table,
        merged.tags,
        merged.origins,
    );
    expect![[r#"
        strategy: Some(View @ 26..36)
        catalog: Some("wh" @ 19..23)
        schema: Some("marts" @ 18..25)
        table: Some("orders_v2" @ 33..44)
        tags: {"owner": "me", "tier": "gold"}
        origins: {"strategy": Group, "tags.tier": Group, "target.catalog": Defaults, "target.schema": Group}"#]]
    .assert_eq(&summary);
    assert!(unresolved_target(&merged, "orders").is_empty());
}

#[test]
fn unset_catalog_and_schema_are_v009_and_strategy_defaults_to_full_refresh() {
    let own = parse("[target]\ntable = \"t\"\n", ModelConfigKind::Sidecar);
    let merged = merge_model_config(&own, None, None);
    assert_eq!(merged.effective_strategy(), Strategy::FullRefresh);
    assert_eq!(merged.effective_table("orders"), "t");
    assert_eq!(merged.effective_name("orders"), "orders");
    let diags = unresolved_target(&merged, "orders");
    let text = "[target]\ntable = \"t\"\n";
    expect![[r#"
        V009 error 1:1-1:9 "[target]": model `orders` has no target catalog; set `catalog` under `[target]`
            help: set it in the model's sidecar, its group or the folder's `_defaults.toml`
        V009 error 1:1-1:9 "[target]": model `orders` has no target schema; set `schema` under `[target]`
            help: set it in the model's sidecar, its group or the folder's `_defaults.toml`
    "#]]
    .assert_eq(&super::render_diagnostics(text, &diags));
}
