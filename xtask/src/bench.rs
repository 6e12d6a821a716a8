//! `cargo xtask bench` (being written).

pub(crate) fn run(_args: impl Sized) -> anyhow::Result<()> {
    anyhow::bail!("not yet written")
}
