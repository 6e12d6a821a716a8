//! `cargo xtask tidy` (being written).

pub(crate) fn run() -> anyhow::Result<()> {
    anyhow::bail!("not yet written")
}
