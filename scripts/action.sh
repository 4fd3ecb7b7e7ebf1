#!/usr/bin/env bash
# The shell steps of tracelint's GitHub Action (action.yml at the repository
# root), kept out of the YAML so that action_test.go can run them with a fake
# go and tracelint. Each step calls one mode; the inputs arrive in
# environment variables, never spliced into the script.
#
#   action.sh install  go install tracelint at TRACELINT_VERSION into
#                      RUNNER_TEMP/tracelint/bin, put on GITHUB_PATH for the
#                      steps after; output: version
#   action.sh run      in TRACELINT_WORKING_DIRECTORY, tracelint -format github
#                      TRACELINT_ARGS (annotations on the pull request), then,
#                      when TRACELINT_SARIF is true, -format sarif into
#                      RUNNER_TEMP/tracelint.sarif for the upload step;
#                      outputs: findings, exit-code, sarif-file. Findings do
#                      not fail this step, so that the SARIF is uploaded; an
#                      error (exit code 1) does.
#   action.sh finish   exit 3 when TRACELINT_FINDINGS (the run step's output)
#                      and TRACELINT_FAIL_ON_FINDINGS are both true
set -euo pipefail

module=github.com/tracelint/tracelint

# truthy reports whether an input is true; GitHub passes inputs as strings.
truthy() {
  case "${1,,}" in
    true | yes | 1) return 0 ;;
    *) return 1 ;;
  esac
}

install() {
  local version="${TRACELINT_VERSION:-latest}"
  case "$version" in
    [0-9]*.*) version="v$version" ;; # 0.2.0 for v0.2.0
  esac
  if ! command -v go >/dev/null; then
    echo "::error title=tracelint::go is not on PATH; run actions/setup-go before the tracelint action"
    return 1
  fi
  local bin="${RUNNER_TEMP:?}/tracelint/bin"
  mkdir -p "$bin"
  echo "go install $module/cmd/tracelint@$version"
  # The caller's GOFLAGS (-mod=vendor, say) are for their module, not for
  # installing tracelint at a version.
  if ! GOFLAGS= GOBIN="$bin" go install "$module/cmd/tracelint@$version"; then
    echo "::error title=tracelint::go install $module/cmd/tracelint@$version failed; set the action's version input to a release tag, a branch or a commit of $module"
    return 1
  fi
  echo "$bin" >>"$GITHUB_PATH"
  local installed
  installed=$("$bin/tracelint" version 2>/dev/null | sed -n '1s/^tracelint version //p') || true
  echo "version=${installed:-$version}" >>"$GITHUB_OUTPUT"
}

run() {
  cd "${TRACELINT_WORKING_DIRECTORY:-.}"
  # The args input is split on white space; read does not expand globs.
  local args=()
  read -r -a args <<<"${TRACELINT_ARGS:-}"
  if [ ${#args[@]} -eq 0 ]; then
    args=(./...)
  fi

  # Exit codes: 0 no findings, 3 findings, anything else an error.
  local code=0
  tracelint -format github "${args[@]}" || code=$?
  case $code in
    0) echo "findings=false" >>"$GITHUB_OUTPUT" ;;
    3) echo "findings=true" >>"$GITHUB_OUTPUT" ;;
    *)
      echo "::error title=tracelint::tracelint -format github ${args[*]} failed with exit code $code"
      return "$code"
      ;;
  esac
  echo "exit-code=$code" >>"$GITHUB_OUTPUT"

  if ! truthy "${TRACELINT_SARIF:-true}"; then
    return 0
  fi
  local sarif="${RUNNER_TEMP:?}/tracelint.sarif" sarif_code=0
  tracelint -format sarif "${args[@]}" >"$sarif" || sarif_code=$?
  case $sarif_code in
    0 | 3) echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT" ;;
    *)
      echo "::error title=tracelint::tracelint -format sarif ${args[*]} failed with exit code $sarif_code"
      return "$sarif_code"
      ;;
  esac
}

finish() {
  if truthy "${TRACELINT_FINDINGS:-false}" && truthy "${TRACELINT_FAIL_ON_FINDINGS:-true}"; then
    echo "tracelint reported findings (see the annotations); set fail-on-findings: false to report them without failing"
    return 3
  fi
}

case "${1:-}" in
  install | run | finish) "$1" ;;
  *)
    echo "usage: action.sh install|run|finish" >&2
    exit 2
    ;;
esac
