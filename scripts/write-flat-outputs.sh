#!/usr/bin/env bash
# Writes the deployed stack's outputs where the integration tests read them: cfn-outputs/flat-outputs.json.
# Usage: scripts/write-flat-outputs.sh [stack]     (default: the currently selected stack)
set -euo pipefail
cd "$(dirname "$0")/.."
stack_args=()
if [ $# -ge 1 ]; then stack_args=(--stack "$1"); fi
mkdir -p cfn-outputs
pulumi stack output --json "${stack_args[@]}" > cfn-outputs/flat-outputs.json.tmp
mv cfn-outputs/flat-outputs.json.tmp cfn-outputs/flat-outputs.json
echo "wrote cfn-outputs/flat-outputs.json; run the integration tests with: mvn verify"
