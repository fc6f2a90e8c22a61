#!/usr/bin/env bash
# Installs CloudNativePG's typed API model and the TypeScript compiler from the npm registry, at the
# versions package-lock.json pins (with their integrity hashes), into k8s/cnpg-model/node_modules.
# CloudNativePgSchemaTest holds the rendered CloudNativePG objects to that model; .ci/run calls this
# script, and a developer runs it once to have the test run rather than skip. Needs Node.js and npm.
set -euo pipefail
cd "$(dirname "$0")"
if [ -x node_modules/.bin/tsc ] && cmp -s package-lock.json node_modules/.package-lock.json.pinned; then
  exit 0 # already installed from this lock file
fi
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
cp package-lock.json node_modules/.package-lock.json.pinned
echo "CloudNativePG model: $(node_modules/.bin/tsc --version), @kubernetes-models/cloudnative-pg $(node -p 'require("./node_modules/@kubernetes-models/cloudnative-pg/package.json").version')"
