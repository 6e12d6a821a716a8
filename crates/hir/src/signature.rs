//! What a model (or any relation) exposes: its output columns.

use crate::{name::Name, ty::Ty};

/// The output columns of a relation. `open` means more columns may exist than listed (a
/// `SELECT *` over a table of unknown schema): references to unlisted names are not errors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Signature {
    pub columns: Vec<Column>,
    pub open: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Column {
    pub name: Name,
    pub ty: Ty,
    pub nullable: bool,
}

impl Signature {
    /// A relation we know nothing about.
    pub fn unknown() -> Signature {
        Signature { columns: Vec::new(), open: true }
    }

    pub fn column(&self, name: &Name) -> Option<&Column> {
        self.columns.iter().find(|c| &c.name == name)
    }
}
