#!/bin/sh
# Step 1 of the road-graph job: downloads the OpenStreetMap extract and checks it against the MD5
# sum its publisher puts beside it (<url>.md5, "<sum>  <file name>"). A sum that does not match (a
# broken transfer, or the file replaced between the two downloads) fails the step; the Job then
# tries again, and the BFF keeps its graph meanwhile.
#
#   OSM_EXTRACT_URL  the .osm.pbf to download
#   WORK             the scratch volume shared by the job's steps (default /work)
#   CURL_PROTOCOLS   what curl may use (default =https; the tests use =file)
#   CA_BUNDLE        copied to $WORK for the next step's apt, which has no CA bundle of its own
set -eu

url=${OSM_EXTRACT_URL:?OSM_EXTRACT_URL is not set}
work=${WORK:-/work}
protocols=${CURL_PROTOCOLS:-=https}
extract=$work/extract.osm.pbf

fetch() {
    curl --fail --silent --show-error --location --proto "$protocols" --proto-redir "$protocols" \
        --retry 3 --retry-delay 10 --connect-timeout 30 --output "$2" "$1"
}

fetch "$url.md5" "$extract.md5"
expected=$(cut -d ' ' -f 1 < "$extract.md5")
case $expected in
    *[!0-9a-f]* | "") echo "No MD5 sum in $url.md5: $(head -c 200 "$extract.md5")" >&2; exit 1 ;;
esac
if [ ${#expected} -ne 32 ]; then
    echo "No MD5 sum in $url.md5: $expected" >&2
    exit 1
fi

fetch "$url" "$extract"
actual=$(md5sum < "$extract" | cut -d ' ' -f 1)
if [ "$actual" != "$expected" ]; then
    echo "Checksum mismatch for $url: published $expected, downloaded $actual" >&2
    rm -f "$extract"
    exit 1
fi
echo "Downloaded $url: $(wc -c < "$extract") bytes, MD5 $actual (as published)"

bundle=${CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}
if [ -f "$bundle" ]; then
    cp "$bundle" "$work/ca-certificates.crt"
fi
