#!/usr/bin/env bash
# On the GPU machine (bare x86-64, NVIDIA driver, no Node), with .gpukit carried: unpacks the kit, makes the
# Vulkan loader available, and prints the scheduler's throughput by batch size at 320 and 416 on
# WANSHI_PROVIDERS (default webgpu), then a CPU baseline on the same machine. Under 3 minutes.
#   bash bench/gpu/run.sh [throughput options, e.g. --seconds 2 --batches 1,8]
# Here (no GPU), `WANSHI_PROVIDERS=cpu bash bench/gpu/run.sh --seconds 1` checks the whole path.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KIT="$ROOT/.gpukit"
WORK="${TMPDIR:-/tmp}/wanshi-gpukit"
OUT_DIR="${OUT:-$WORK/out}"
PROVIDER="${WANSHI_PROVIDERS:-webgpu}"
ICD=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json

[ -f "$KIT/app.tar.xz" ] || { echo "no kit in $KIT: run bench/gpu/make-kit.sh and carry .gpukit" >&2; exit 1; }
rm -rf "$WORK"
mkdir -p "$WORK" "$OUT_DIR"
xz -dc "$KIT/node.xz" >"$WORK/node"
chmod +x "$WORK/node"
tar -C "$WORK" -xJf "$KIT/app.tar.xz"

# The webgpu provider needs the Vulkan loader; the NVIDIA driver's ICD is already on the GPU machine.
if [ "$PROVIDER" != cpu ] && ! ldconfig -p | grep -q 'libvulkan\.so\.1'; then
  for deb in "$KIT"/libvulkan1_*.deb; do dpkg -x "$deb" /; done
  ldconfig
fi
[ -f "$ICD" ] && export VK_DRIVER_FILES="${VK_DRIVER_FILES:-$ICD}"

nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null || echo "(no nvidia-smi)"
echo "node $("$WORK/node" --version), provider $PROVIDER"
# Decoding runs on libuv's pool: with a fast GPU it must keep up with hundreds of images per second.
export UV_THREADPOOL_SIZE=16 WANSHI_LOG_LEVEL="${WANSHI_LOG_LEVEL:-info}"
THROUGHPUT=("$WORK/node" "$WORK/app/bench/gpu/throughput.js" --models "$WORK/app/models" --photos "$WORK/app/photos")

WANSHI_PROVIDERS="$PROVIDER" "${THROUGHPUT[@]}" --out "$OUT_DIR/gpu-$PROVIDER.json" "$@" | tee "$OUT_DIR/gpu-$PROVIDER.md"
echo
echo "CPU baseline on this machine (all cores but one for onnxruntime, as the server does):"
WANSHI_PROVIDERS=cpu "${THROUGHPUT[@]}" --batches 1,8 --seconds 3 --out "$OUT_DIR/gpu-cpu-baseline.json" |
  tee "$OUT_DIR/gpu-cpu-baseline.md"
