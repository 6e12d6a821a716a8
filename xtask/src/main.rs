//! Project automation: `cargo xtask codegen|bench|fuzz|tidy`.

fn main() {}
