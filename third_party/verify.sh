#!/usr/bin/env bash
# Checks that third_party/gojsonschema is upstream gojsonschema v1.2.0,
# gofmt'd, with exactly the changes in gojsonschema.patch (see
# gojsonschema/SCANPAGE.md). Run by
# `make vet`; needs the Go module proxy (or a module cache that has v1.2.0).
#
#   verify.sh          check
#   verify.sh -write   rewrite gojsonschema.patch from the patched files
#                      (after a reviewed change to one of them)
set -euo pipefail
cd "$(dirname "$0")"
version=v1.2.0
upstream=$(go mod download -json "github.com/xeipuuv/gojsonschema@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$upstream" ] || { echo "verify: cannot download gojsonschema $version" >&2; exit 1; }
# The copy is gofmt'd (today's gofmt rewrites two of upstream's comments):
# compare with upstream gofmt'd the same way.
formatted=$(mktemp -d)
trap 'rm -rf "$formatted"' EXIT
cp -r "$upstream"/. "$formatted"/
chmod -R u+w "$formatted"
gofmt -w "$formatted"/*.go
upstream=$formatted
# The files the patch changes, in its order.
patched="errors.go jsonLoader.go result.go schema.go subSchema.go utils.go validation.go"
diffs() {
  for name in $patched; do
    diff -u --label "a/$name" --label "b/$name" "$upstream/$name" "gojsonschema/$name" || true
  done
}
if [ "${1:-}" = -write ]; then
  diffs > gojsonschema.patch
  echo "verify: wrote gojsonschema.patch ($patched)"
  exit 0
fi
status=0
for f in "$upstream"/*; do
  name=$(basename "$f")
  case "$name" in *_test.go|testdata|glide.yaml) continue ;; esac
  case " $patched " in *" $name "*) continue ;; esac
  if ! cmp -s "$f" "gojsonschema/$name"; then
    echo "verify: gojsonschema/$name differs from upstream $version" >&2
    status=1
  fi
done
for f in gojsonschema/*; do
  name=$(basename "$f")
  [ -e "$upstream/$name" ] || [ "$name" = SCANPAGE.md ] || case "$name" in scanpage_*.go) true ;; *) false ;; esac || { echo "verify: gojsonschema/$name is not upstream's" >&2; status=1; }
done
if ! diffs | cmp -s - gojsonschema.patch; then
  echo "verify: gojsonschema/{${patched// /,}} are not upstream's with gojsonschema.patch applied" >&2
  status=1
fi
exit $status
