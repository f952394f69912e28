#!/usr/bin/env bash
# The step of action.yml after setup-node (kept in a script so test/cli/github-action.test.ts runs it as GitHub
# would): `specdrift breaking BASE REVISION` once in the log format (annotations by default, deciding the exit code),
# and the markdown job summary (written by --format github itself, else by a second markdown run); the exit code goes to $GITHUB_OUTPUT as exit-code.
# SPECDRIFT_COMMAND replaces `npx --yes specdrift@VERSION` (tests run the clone's bin).
set -uo pipefail

if [ -z "${INPUT_BASE:-}" ] || [ -z "${INPUT_REVISION:-}" ]; then
  echo "::error title=specdrift::inputs base and revision are required"
  exit 2
fi
read -r -a specdrift <<< "${SPECDRIFT_COMMAND:-npx --yes specdrift@${INPUT_VERSION:-latest}}"
args=(breaking "$INPUT_BASE" "$INPUT_REVISION")
if [ -n "${INPUT_ACCEPT:-}" ]; then args+=(--accept "$INPUT_ACCEPT"); fi
read -r -a extra <<< "${INPUT_ARGS:-}"

"${specdrift[@]}" "${args[@]}" "${extra[@]}" --format "${INPUT_FORMAT:-github}" --fail-on "${INPUT_FAIL_ON:-breaking}"
code=$?

# --format github appends the job summary itself; other log formats get it from a second, markdown run.
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ "$code" -le 1 ] && [ "${INPUT_FORMAT:-github}" != "github" ]; then
  "${specdrift[@]}" "${args[@]}" "${extra[@]}" --format markdown --fail-on none >> "$GITHUB_STEP_SUMMARY" 2>/dev/null \
    || echo "::warning title=specdrift::could not write the job summary"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "exit-code=$code" >> "$GITHUB_OUTPUT"; fi
exit "$code"
