---toml
# V004: this frontmatter block is never closed.
[strategy]
type = "view"
