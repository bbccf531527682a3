#!/usr/bin/env bash
# Installs what the real-editor tests need, cached so later runs reuse it:
#   - Debian packages: chromium, ripgrep, libkrb5-dev (code-server), neovim,
#     fonts-wqy-microhei (CJK glyphs in the screenshots)
#   - code-server 4.100.3 (the newest that runs on Node 20) under
#     $XXGK_EDITOR_CACHE (default ~/.cache/xxgk-lint/code-server-4.100.3)
# Never part of package.json. See ../shared/notes/real-editor-testing.md.
set -euo pipefail
CS_VERSION=4.100.3
RG_PKG_VERSION=1.15.11   # @vscode/ripgrep pinned by code-server 4.100.3
CACHE="${XXGK_EDITOR_CACHE:-$HOME/.cache/xxgk-lint}"
CS_DIR="$CACHE/code-server-$CS_VERSION"

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v nvim >/dev/null || need_apt+=(neovim)
# A CJK font, so that the screenshots show the report instead of boxes.
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "install.sh: apt-get install ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "install.sh: not root, cannot apt-get install ${need_apt[*]}" >&2
  fi
fi

if [ -x "$CS_DIR/node_modules/.bin/code-server" ] && [ -f "$CS_DIR/.complete" ]; then
  echo "install.sh: code-server $CS_VERSION cached in $CS_DIR"
  exit 0
fi
command -v rg >/dev/null || { echo "install.sh: ripgrep missing, cannot install code-server" >&2; exit 1; }
echo "install.sh: installing code-server $CS_VERSION into $CS_DIR"
start=$(date +%s)
rm -rf "$CS_DIR"
mkdir -p "$CS_DIR"
tmp=$(mktemp -d)
# @vscode/ripgrep looks for its download here first ("Using cached download").
rgcache="$tmp/vscode-ripgrep-cache-$RG_PKG_VERSION"
mkdir -p "$rgcache/pack"
cp "$(command -v rg)" "$rgcache/pack/rg"
tar -czf "$rgcache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$rgcache/pack" rg
rm -rf "$rgcache/pack"
(
  cd "$CS_DIR"
  echo '{"name":"xxgk-code-server-cache","private":true}' > package.json
  TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm install --no-audit --no-fund --foreground-scripts "code-server@$CS_VERSION" >"$CACHE/code-server-install.log" 2>&1
) || { echo "install.sh: code-server install failed, see $CACHE/code-server-install.log" >&2; rm -rf "$tmp"; exit 1; }
rm -rf "$tmp"
touch "$CS_DIR/.complete"
echo "install.sh: code-server installed in $(( $(date +%s) - start )) s"
