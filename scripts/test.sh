#!/usr/bin/env bash
# The test command (README, and what .ci/run runs): installs the outside tools the tests
# drive when they are missing, then runs the Rust tests and the VS Code extension's build,
# lint, tests and packaging.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/rocky/target}"

apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "== apt-get install $*"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

missing=()
# Graphviz renders `rocky lineage --format dot` in the lineage tests.
command -v dot >/dev/null || missing+=(graphviz)
# Headless Neovim is the real LSP client of the editor end-to-end test.
command -v nvim >/dev/null || missing+=(neovim)
# Node.js and npm build the VS Code extension.
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
fi

# The real pre-commit tool drives the repository's hook in the batch tests.
if ! python3 -m pre_commit --version >/dev/null 2>&1; then
  echo "== pip install pre-commit"
  python3 -m pip install --quiet --disable-pip-version-check "pre-commit==4.7.0"
fi

echo "== cargo test --workspace --no-fail-fast"
cargo test --workspace --no-fail-fast

echo "== VS Code extension: npm ci, compile, lint, tests, package"
(
  cd editors/vscode
  npm ci --no-audit --no-fund
  npm run compile
  npm run lint
  npm test
  npm run package
)
