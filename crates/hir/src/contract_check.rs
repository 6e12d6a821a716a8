//! Contracts (FORMAT.md §5) checked against the inferred signature: E010 a required column
//! is missing, E011 a column's type differs, E012 a column promised non-nullable is
//! inferred nullable, E013 a protected column is gone, W010 a listed column is absent.
//! The findings point into the contract file.

use std::sync::Arc;

use crate::{
    Db,
    config::{self, Contract},
    diagnostics::{Code, Diagnostic},
    input::SourceFile,
    model::model_signature,
    name::Name,
    project::{project_model, set_file},
    signature::Signature,
    ty::Ty,
};

/// A contract file parsed, with its own (configuration) diagnostics. Invalidated by its
/// text.
#[salsa::tracked(returns(ref))]
pub fn parsed_contract(db: &dyn Db, file: SourceFile) -> (Arc<Contract>, Vec<Diagnostic>) {
    let (contract, mut diags) = config::parse_contract(file.text(db));
    set_file(&mut diags, file);
    (Arc::new(contract), diags)
}

/// The contract findings of the model `file`, if it has a contract. Reads the model's
/// signature only, so an edit that keeps the columns re-runs nothing here.
#[salsa::tracked(returns(ref))]
pub fn contract_check(db: &dyn Db, file: SourceFile) -> Vec<Diagnostic> {
    let Some(contract_file) = project_model(db).model(file).and_then(|m| m.contract) else {
        return Vec::new();
    };
    let contract = Arc::clone(&parsed_contract(db, contract_file).0);
    let sig = model_signature(db, file);
    let mut out = check(&contract, sig);
    set_file(&mut out, contract_file);
    out
}

/// The contract rules against a signature: the inferred one at compile time, the
/// table's own in `rocky test`.
pub fn check(contract: &Contract, sig: &Signature) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // With a `*` over an unknown table the model may have any column: nothing is missing.
    let find = |name: &str| sig.column(&Name::folded(name));
    let rules = [
        (
            Code::E010,
            &contract.rules.required,
            "the model has no column `{}`, which the contract requires",
        ),
        (Code::E013, &contract.rules.protected, "the protected column `{}` is gone from the model"),
    ];
    for (code, names, message) in rules {
        for name in names.iter().filter(|n| find(&n.value).is_none() && !sig.open) {
            out.push(Diagnostic::new(code, None, name.range, message.replace("{}", &name.value)));
        }
    }
    let listed_in = |list: &[config::Spanned<String>], name: &str| {
        list.iter().any(|r| r.value.eq_ignore_ascii_case(name))
    };
    for col in &contract.columns {
        let name = &col.name.value;
        let Some(found) = find(name) else {
            let explained = listed_in(&contract.rules.required, name)
                || listed_in(&contract.rules.protected, name);
            if !sig.open && !explained {
                out.push(Diagnostic::new(
                    Code::W010,
                    None,
                    col.name.range,
                    format!("the contract lists `{name}`, which the model does not have"),
                ));
            }
            continue;
        };
        if let Some(ty) = &col.ty
            && !found.ty.is_unknown()
            && !satisfies(&found.ty, &ty.value)
        {
            let mut d = Diagnostic::new(
                Code::E011,
                None,
                ty.range,
                format!("`{name}` is {} in the model, not {}", found.ty, ty.value.trim()),
            );
            d.help = Some(format!("change the contract to `{}` or cast the column", found.ty));
            out.push(d);
        }
        let promised_non_null = match &col.nullable {
            Some(n) => !n.value,
            None => contract.rules.no_new_nullable,
        };
        if promised_non_null && found.nullable {
            let range = col.nullable.as_ref().map_or(col.name.range, |n| n.range);
            out.push(Diagnostic::new(
                Code::E012,
                None,
                range,
                format!("`{name}` may be NULL in the model, but the contract says it never is"),
            ));
        }
    }
    out
}

/// Whether a column inferred as `ty` keeps the contract's type: the same type, or one that
/// widens to it without loss (an Int32 column meets an Int64 contract). Bare `Decimal`
/// matches any precision, `Decimal(p)` any scale of that precision.
fn satisfies(ty: &Ty, contract: &str) -> bool {
    let want: String = contract.chars().filter(|c| !c.is_whitespace()).collect();
    let lower = want.to_ascii_lowercase();
    if lower == "decimal" {
        return matches!(ty, Ty::Decimal { .. });
    }
    if let Some(args) = lower.strip_prefix("decimal(").and_then(|r| r.strip_suffix(')')) {
        let mut parts = args.split(',').map(|p| p.parse::<u32>().ok());
        return match (parts.next().flatten(), parts.next().flatten(), ty) {
            (Some(p), None, Ty::Decimal { precision, .. }) => u32::from(*precision) == p,
            (Some(p), Some(s), _) => {
                let want = Ty::decimal(p, s);
                ty.widens_to(&want)
            }
            _ => false,
        };
    }
    let alias = match lower.as_str() {
        "timestampntz" => "timestamp",
        "variant" => "json",
        "struct" => return matches!(ty, Ty::Struct(_)),
        other => other,
    };
    if let Some(want) = Ty::SCALARS.iter().find(|t| t.to_string().eq_ignore_ascii_case(alias)) {
        return ty.widens_to(want);
    }
    // Arrays, maps and structs: as CLI.md spells them.
    let shown: String = ty.to_string().chars().filter(|c| !c.is_whitespace()).collect();
    shown.eq_ignore_ascii_case(&want)
}

#[cfg(test)]
mod tests {
    use super::satisfies;
    use crate::ty::Ty;

    #[test]
    fn contract_types() {
        assert!(satisfies(&Ty::Int64, "Int64"));
        assert!(satisfies(&Ty::Int32, "int64"), "widens");
        assert!(!satisfies(&Ty::Int64, "Int32"));
        assert!(satisfies(&Ty::decimal(38, 2), "Decimal"));
        assert!(satisfies(&Ty::decimal(12, 2), "Decimal(12)"));
        assert!(satisfies(&Ty::decimal(12, 2), "Decimal(18, 2)"));
        assert!(!satisfies(&Ty::decimal(12, 4), "Decimal(18,2)"));
        assert!(satisfies(&Ty::Timestamp, "TimestampNtz"));
        assert!(satisfies(&Ty::Array(Box::new(Ty::String)), "Array[String]"));
        assert!(!satisfies(&Ty::String, "Int64"));
    }
}
