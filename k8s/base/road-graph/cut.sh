#!/bin/sh
# Step 2 of the road-graph job: cuts the downloaded extract to the city's boundary with osmium
# ("complete_ways": a road crossing the boundary is kept whole, so no road near the edge ends in
# the middle of nowhere), then deletes the country extract.
#
# osmium is Debian's own package (osmium-tool), fetched at each run over HTTPS into the scratch
# volume and unpacked there, without root and with a read-only root filesystem: apt checks the
# packages against the Debian archive's signing key that the image carries (k8s/README.md, "Road
# graph", says why this image and what it costs).
#
#   WORK      the scratch volume shared by the job's steps (default /work)
#   BOUNDARY  the city's outline, GeoJSON (default /boundary/hanoi_boundary.geojson)
#   OSMIUM    an osmium already installed; skips the fetch (the tests use the machine's own)
set -eu

work=${WORK:-/work}
boundary=${BOUNDARY:-/boundary/hanoi_boundary.geojson}

fetch_osmium() {
    apt=$work/apt
    tools=$work/osmium-tool
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/sources.list.d" "$apt/debs" "$apt/tmp" "$tools"
    # apt verifies signatures in temporary files: on the scratch volume, the root filesystem is read-only
    TMPDIR=$apt/tmp
    export TMPDIR
    release=$(. /etc/os-release && echo "$VERSION_CODENAME")
    keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    cat > "$apt/sources.list" <<SOURCES
deb [signed-by=$keyring] https://deb.debian.org/debian $release main
deb [signed-by=$keyring] https://deb.debian.org/debian-security $release-security main
SOURCES
    set -- -q -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" \
        -o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/sources.list.d" \
        -o "Acquire::https::CaInfo=$work/ca-certificates.crt"
    apt-get "$@" update
    # osmium-tool and those of its libraries that apt itself does not need (so the image may lack
    # them); names of bookworm, the image's release: another names the boost library by its version
    (cd "$apt/debs" && apt-get "$@" download osmium-tool libboost-program-options1.74.0 libexpat1 \
        libbz2-1.0 liblz4-1)
    for deb in "$apt/debs"/*.deb; do
        dpkg-deb --extract "$deb" "$tools"
    done
    rm -rf "$apt"
    # (Debian ships some libraries under /lib, others under /usr/lib)
    LD_LIBRARY_PATH=$tools/usr/lib/$(uname -m)-linux-gnu:$tools/lib/$(uname -m)-linux-gnu
    export LD_LIBRARY_PATH
    OSMIUM=$tools/usr/bin/osmium
}

if [ -z "${OSMIUM:-}" ]; then
    fetch_osmium
fi
"$OSMIUM" --version | head -n 1

"$OSMIUM" extract --polygon "$boundary" --strategy complete_ways --overwrite \
    --output "$work/city.osm.pbf" "$work/extract.osm.pbf"
"$OSMIUM" fileinfo --extended "$work/city.osm.pbf" | grep -E 'Number of (nodes|ways|relations)'
rm -f "$work/extract.osm.pbf"
