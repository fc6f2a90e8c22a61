#!/bin/sh
# Step 5 of the road-graph job: a rolling restart of the BFF, so that its pods load the new graph
# (each loads it once, at startup). The same patch as `kubectl rollout restart`: a new
# restartedAt annotation on the pod template. The rollout adds a pod before removing one
# (maxUnavailable 0); pods serve the old graph until they are replaced.
#
# The role allows exactly this: patch on the Deployment mobile-bff, nothing else.
#
#   DEPLOYMENT  default mobile-bff
#   TOKEN_DIR   the projected service account token, CA and namespace (default
#               /var/run/secrets/hcc/kube-api)
#   KUBE_API    the API server (default https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT)
set -eu

deployment=${DEPLOYMENT:-mobile-bff}
dir=${TOKEN_DIR:-/var/run/secrets/hcc/kube-api}
namespace=$(cat "$dir/namespace")
host=${KUBERNETES_SERVICE_HOST:-}
case $host in *:*) host="[$host]" ;; esac
api=${KUBE_API:-https://$host:${KUBERNETES_SERVICE_PORT:-443}}
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
answer=${TMPDIR:-/tmp}/restart-answer.json

if ! curl --fail-with-body --silent --show-error --retry 3 --retry-connrefused --connect-timeout 10 \
    --cacert "$dir/ca.crt" \
    --header "Authorization: Bearer $(cat "$dir/token")" \
    --header 'Content-Type: application/strategic-merge-patch+json' \
    --request PATCH \
    --data "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\"$now\"}}}}}" \
    --output "$answer" \
    "$api/apis/apps/v1/namespaces/$namespace/deployments/$deployment"; then
    echo "Could not restart deployment/$deployment; the API server's answer, if any, follows" >&2
    if [ -f "$answer" ]; then cat "$answer" >&2; fi
    exit 1
fi
echo "Rolling restart of deployment/$deployment requested at $now"
