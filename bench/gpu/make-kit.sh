#!/usr/bin/env bash
# Builds .gpukit/ (git-ignored) for bench/gpu/run.sh on a bare x86-64 GPU machine without Node: this machine's
# node binary (xz), the throughput script compiled to JavaScript with the node_modules it needs at run time
# (onnxruntime-node's linux/x64 files only), the fp32 320/416 model, some coco64 photos, and Debian's
# libvulkan1 (the webgpu provider runs on Vulkan). Must stay under the device tool's 64 MiB carry limit.
#   bash bench/gpu/make-kit.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KIT="$ROOT/.gpukit"
MODEL_DIR="$ROOT/models/nanodet-m/1"
PHOTOS="$ROOT/../shared/evalset/coco64/images"
PHOTO_COUNT=16
LIMIT_BYTES=$((64 * 1024 * 1024))
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
APP="$STAGE/app"

grep -qxF '/.gpukit/' "$ROOT/.git/info/exclude" || echo '/.gpukit/' >>"$ROOT/.git/info/exclude"
rm -rf "$KIT"
mkdir -p "$KIT"

echo "compiling the throughput script…"
(cd "$ROOT" && npx tsc -p bench/gpu/tsconfig.kit.json --outDir "$APP")
# The compiled code finds its root by the nearest package.json (models/src/repo-root.ts): the kit's is app/.
echo '{ "name": "wanshi-gpukit", "private": true }' >"$APP/package.json"

echo "copying the node_modules it needs…"
copy() { mkdir -p "$APP/node_modules/$(dirname "$1")" && cp -a "$ROOT/node_modules/$1" "$APP/node_modules/$1"; }
for package in onnxruntime-common sharp @img/colour @img/sharp-linux-x64 @img/sharp-libvips-linux-x64 detect-libc semver zod; do
  copy "$package"
done
ORT="$APP/node_modules/onnxruntime-node"
mkdir -p "$ORT/bin/napi-v6/linux"
cp -a "$ROOT/node_modules/onnxruntime-node/package.json" "$ROOT/node_modules/onnxruntime-node/dist" "$ORT/"
cp -a "$ROOT/node_modules/onnxruntime-node/bin/napi-v6/linux/x64" "$ORT/bin/napi-v6/linux/"

echo "model (fp32 320 and 416) and $PHOTO_COUNT photos…"
mkdir -p "$APP/models/nanodet-m/1" "$APP/photos"
node -e '
  const [from, to] = process.argv.slice(1);
  const manifest = require(from);
  manifest.artifacts = manifest.artifacts.filter((a) => a.precision === "fp32" && [320, 416].includes(a.inputSize));
  require("fs").writeFileSync(to, JSON.stringify(manifest, null, 2));
  for (const a of manifest.artifacts) console.log(a.file);
' "$MODEL_DIR/manifest.json" "$APP/models/nanodet-m/1/manifest.json" |
  while read -r file; do cp "$MODEL_DIR/$file" "$APP/models/nanodet-m/1/"; done
find "$PHOTOS" -name '*.jpg' | sort | head -n "$PHOTO_COUNT" | xargs -I{} cp {} "$APP/photos/"

echo "compressing (xz -9: a minute or two)…"
tar -C "$STAGE" -cf - app | xz -T0 -9 >"$KIT/app.tar.xz"
xz -T0 -9 -c "$(command -v node)" >"$KIT/node.xz"

echo "libvulkan1…"
DEB=$(ls /var/cache/apt/archives/libvulkan1_*_amd64.deb 2>/dev/null | head -n 1 || true)
if [ -n "$DEB" ]; then
  cp "$DEB" "$KIT/"
else
  APT=(-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists="$STAGE/apt-lists")
  mkdir -p "$STAGE/apt-lists/partial"
  apt-get "${APT[@]}" update >/dev/null
  (cd "$KIT" && apt-get "${APT[@]}" download libvulkan1 >/dev/null)
fi

SIZE=$(du -sb "$KIT" | cut -f1)
ls -la "$KIT"
echo "kit: $((SIZE / 1024 / 1024)) MiB in $KIT (limit 64 MiB)"
[ "$SIZE" -lt "$LIMIT_BYTES" ] || { echo "the kit is over the device tool's carry limit" >&2; exit 1; }
