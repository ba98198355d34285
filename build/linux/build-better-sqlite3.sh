#!/usr/bin/env bash
# Builds better-sqlite3's addon from source for 统信UOS 20 / 麒麟 V10: inside an
# old-glibc container (quay.io/pypa/manylinux_2_28_{x86_64,aarch64}: AlmaLinux 8,
# glibc 2.28, gcc-toolset with C++20), so the addon needs nothing newer than
# glibc 2.28. The npm package's own Linux prebuilds need glibc 2.34.
#
# better-sqlite3 13 is a Node-API addon: one build loads in Node and in Electron
# alike (no Electron headers, no electron-rebuild).
#
# Run by .github/workflows/release.yml:
#   docker run --rm -v "$PWD:/src" -w /src -e NODE_VERSION=v24.x.y -e ADDON_VERSION=13.2.0 -e OUT=/src/addon \
#     quay.io/pypa/manylinux_2_28_x86_64 bash build/linux/build-better-sqlite3.sh
set -euo pipefail
: "${NODE_VERSION:?NODE_VERSION (e.g. v24.11.0) is required}"
: "${ADDON_VERSION:?ADDON_VERSION (better-sqlite3 version from package-lock.json) is required}"
: "${OUT:?OUT (output folder) is required}"
MAX_GLIBC="${MAX_GLIBC:-2.28}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$OUT" && OUT="$(cd "$OUT" && pwd)"

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "unsupported machine $(uname -m)" >&2; exit 1 ;;
esac
echo "== $(ldd --version | head -1); $(gcc --version | head -1)"

# Node for node-gyp and the load test: the official build, which itself needs only glibc 2.28
tarball="node-${NODE_VERSION}-linux-${arch}.tar.xz"
work="$(mktemp -d)"
curl -fsSL -o "$work/$tarball" "https://nodejs.org/dist/${NODE_VERSION}/${tarball}"
curl -fsSL "https://nodejs.org/dist/${NODE_VERSION}/SHASUMS256.txt" | grep " ${tarball}\$" | (cd "$work" && sha256sum -c -)
tar -xJf "$work/$tarball" -C "$work"
export PATH="$work/node-${NODE_VERSION}-linux-${arch}/bin:$PATH"
# node-gyp 13 wants Python >= 3.9; manylinux ships several under /opt/python
for py in /opt/python/cp312-cp312/bin/python3 /opt/python/cp311-cp311/bin/python3 python3; do
  if command -v "$py" >/dev/null; then export PYTHON="$py"; break; fi
done
echo "== node $(node --version), npm $(npm --version), python $("$PYTHON" --version)"

# the exact version the app ships, from the npm registry, built from its bundled SQLite sources
cd "$work"
npm pack --silent "better-sqlite3@${ADDON_VERSION}" >/dev/null
tar -xzf "better-sqlite3-${ADDON_VERSION}.tgz"
cd package
npm install --omit=dev --ignore-scripts --no-audit --no-fund
npm install --global --no-audit --no-fund "node-gyp@$(node -p "require('./package.json').devDependencies['node-gyp']")"
rm -rf prebuilds # the load test below must use the new build, never a prebuild
node-gyp rebuild --release --force_build=1 --jobs max

addon="build/Release/better_sqlite3.node"
test -f "$addon"

# loads on this glibc 2.28 system and works: a WAL database, a transaction, a query
node -e '
  const Database = require("./lib/index.js");
  const { mkdtempSync } = require("node:fs");
  const { join } = require("node:path");
  const db = new Database(join(mkdtempSync("/tmp/bs3-"), "t.db"));
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT)");
  const ins = db.prepare("INSERT INTO t (s) VALUES (?)");
  db.transaction(() => { for (let i = 0; i < 1000; i++) ins.run("法治台账" + i); })();
  const row = db.prepare("SELECT COUNT(*) AS n, sqlite_version() AS v FROM t").get();
  if (row.n !== 1000) throw new Error("expected 1000 rows, got " + row.n);
  console.log("== better-sqlite3 built here works: SQLite " + row.v + ", " + row.n + " rows");
'

mkdir -p "$OUT"
cp "$addon" "$OUT/linux-${arch}.node"
# the same check the packaged app gets; fails over the target
node "$repo/scripts/check-glibc.ts" "$OUT/linux-${arch}.node" --max "$MAX_GLIBC"
