#!/usr/bin/env bash
# The wasm module's size under each build setting: the package's (`full`) and the embeddable
# calculator's (`--no-default-features`) module, at the profiles' opt-levels (wasm-release: 3,
# wasm-widget: "z"; both fat LTO, codegen-units 1, panic abort), each after wasm-bindgen
# (names removed), then after binaryen's `wasm-opt -Oz`. Prints raw and gzip -9 bytes.
#   wasm/bench/module-sizes.sh            (after scripts/build-wasm; each row is a build)
# Only some rows: PROFILES=wasm-widget FEATURES=lean NO_WASM_OPT=1 wasm/bench/module-sizes.sh
# Another setting of a profile (a separate target directory keeps the package's builds):
#   CARGO_TARGET_DIR=target/sizes CARGO_PROFILE_WASM_WIDGET_OPT_LEVEL=s PROFILES=wasm-widget \
#   FEATURES=lean wasm/bench/module-sizes.sh   (or _LTO=thin, _CODEGEN_UNITS=16)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
wasm_opt="wasm/node_modules/.bin/wasm-opt --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-multivalue --enable-reference-types"
row() {
  local what=$1 file=$2
  printf '%-44s %10d %10d\n' "$what" "$(wc -c < "$file")" "$(gzip -9c "$file" | wc -c)"
}
printf '%-44s %10s %10s\n' module raw gzip
for profile in ${PROFILES:-wasm-release wasm-widget}; do
  for features in ${FEATURES:-full lean}; do
    flags=()
    [ "$features" = lean ] && flags=(--no-default-features)
    cargo build -q -p cleanprod-wasm --target wasm32-unknown-unknown --profile "$profile" "${flags[@]}"
    wasm-bindgen --target web --remove-name-section --out-dir "$tmp/$profile-$features" --out-name m \
      "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/cleanprod_wasm.wasm"
    row "$features, $profile" "$tmp/$profile-$features/m_bg.wasm"
    if [ -z "${NO_WASM_OPT:-}" ]; then
      $wasm_opt -Oz "$tmp/$profile-$features/m_bg.wasm" -o "$tmp/$profile-$features/oz.wasm"
      row "$features, $profile, wasm-opt -Oz" "$tmp/$profile-$features/oz.wasm"
    fi
  done
done
