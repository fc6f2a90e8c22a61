#!/bin/sh
# Step 4 of the road-graph job: makes the build just imported the current graph, then deletes the
# builds older than the last few.
#
#   activate.sh <staging directory name>
#
# The import wrote into $GRAPH_ROOT/<staging>, a hidden name never taken for a build. It is renamed
# to <UTC time>-<staging> (so that builds sort by age), and the relative symlink "current" is
# switched to it atomically (a new link renamed over the old one): a BFF pod starting at any moment
# finds either the old graph or the new one, never a half-written one. The link is relative, so it
# resolves wherever the volume is mounted (/graph here, /var/lib/hcc/graph in the BFF).
#
# Kept: the new build and the KEEP_PREVIOUS (default 2) builds before it, for a rollback
# (k8s/README.md, "Road graph"). Deleted: older builds, and staging directories left by attempts that
# died (older than STALE_MINUTES, default 180, past the Job's deadline, so never a running import's).
set -eu

staging=${1:?usage: activate.sh <staging directory name>}
root=${GRAPH_ROOT:-/graph}
keep=${KEEP_PREVIOUS:-2}
stale=${STALE_MINUTES:-180}

case $staging in
    .incoming-*) ;;
    *) echo "Not a staging directory name: $staging" >&2; exit 2 ;;
esac
if [ ! -f "$root/$staging/properties" ]; then
    echo "No finished graph in $root/$staging" >&2
    exit 1
fi

build=$(date -u +%Y%m%dT%H%M%SZ)-${staging#.incoming-}
mv -T "$root/$staging" "$root/$build"
ln -sfn "$build" "$root/.current.new"
mv -T "$root/.current.new" "$root/current"
echo "current -> $build"

# builds are the directories named <UTC time>-...; newest first, skip the new one and the kept ones
find "$root" -mindepth 1 -maxdepth 1 -type d -name '[0-9]*T[0-9]*Z-*' -printf '%f\n' | sort -r |
    tail -n +$((keep + 2)) | while read -r old; do
        echo "deleting the old build $old"
        rm -rf "${root:?}/$old"
    done
find "$root" -mindepth 1 -maxdepth 1 -type d -name '.incoming-*' -mmin +"$stale" -printf '%f\n' |
    while read -r dead; do
        echo "deleting what a failed import left: $dead"
        rm -rf "${root:?}/$dead"
    done
ls -l "$root"
