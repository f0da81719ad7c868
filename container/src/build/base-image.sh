#!/usr/bin/env bash
# Builds what the container image is made of, without a container engine or registry (decision 0006):
#   OUT_DIR/base-image.tar   a `docker save`-format image Jib builds on (from.image tar://): Debian's libc6,
#                            libgcc-s1, libstdc++6 and dash, /etc/passwd and /etc/group with the user safestream (10001),
#                            /tmp, /data (owned by 10001), and the server's app-image without its jar
#   OUT_DIR/app-layer        the app-image's lib/app (jar and launcher configuration), Jib's own layer on top
# `./mvnw -Pcontainer package` runs it (container/pom.xml); by hand, after `./mvnw package`:
#   JAVA_HOME=/path/to/jdk container/src/build/base-image.sh VERSION SERVER_JAR OUT_DIR
# Needs apt-get (Debian/Ubuntu with reachable apt sources; no root needed) and dpkg-deb.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: $0 VERSION SERVER_JAR OUT_DIR" >&2
  exit 2
fi
version=$1
server_jar=$2
out=$3
jdk=${JAVA_HOME:?JAVA_HOME must point to a JDK 21 or newer}
src=$(cd "$(dirname "$0")/../../../installers/src" && pwd)
pkg_version=${version/-/\~}
for tool in apt-get dpkg-deb sha256sum; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found; the image is built on Debian or Ubuntu" >&2; exit 1; }
done

# The same runtime, launcher and JVM options as the .deb (installers/src/build/server-app-image.sh).
# shellcheck source=../../../installers/src/build/server-app-image.sh
. "$src/build/server-app-image.sh"
server_app_image "$server_jar"

root="$out/rootfs"
rm -rf "$root" "$out/app-layer" "$out/debs" "$out/base"
mkdir -p "$root" "$out/debs" "$out/base" "$out/app-layer/opt/safestream-server/lib"

# Shared libraries of the launcher, the runtime and ONNX Runtime's natives (ldd: libc, libm, libdl, libpthread,
# librt, the loader, libstdc++, libgcc_s; the JDK bundles zlib; AWT's X11 libraries are never loaded headless),
# and dash as /bin/sh, because `docker run --health-cmd` runs its command through /bin/sh -c.
# Taken from the build machine's apt sources, so they match what the .deb runs on.
packages=(libc6 libgcc-s1 libstdc++6 dash)
apt_options=()
[ "$(id -u)" = 0 ] && apt_options+=(-o APT::Sandbox::User=root)
(cd "$out/debs" && apt-get download -q "${apt_options[@]}" "${packages[@]}") \
  || { echo "error: apt-get download ${packages[*]} failed; run apt-get update first" >&2; exit 1; }
mkdir -p "$root/var/lib/dpkg/status.d"
for deb in "$out/debs"/*.deb; do
  dpkg-deb -x "$deb" "$root"
  # status.d lets image scanners (trivy, grype) see which Debian packages are inside, as in distroless images
  dpkg-deb -f "$deb" >"$root/var/lib/dpkg/status.d/$(dpkg-deb -f "$deb" Package)"
done
# Keep the licences; drop documentation and the iconv modules (Java does not use iconv).
find "$root/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$root/usr/share/lintian" "$root/usr/lib/x86_64-linux-gnu/gconv"

mkdir -p "$root/etc" "$root/tmp" "$root/data" "$root/opt"
cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/usr/sbin/nologin
safestream:x:10001:10001:SafeStream server:/data:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
PASSWD
cat >"$root/etc/group" <<'GROUP'
root:x:0:
safestream:x:10001:
nogroup:x:65534:
GROUP
cat >"$root/etc/nsswitch.conf" <<'NSS'
passwd: files
group: files
hosts: files dns
NSS
chmod 1777 "$root/tmp"
chmod 0750 "$root/data"

# The app-image: runtime and launcher in the base, the jar (changes every build) in Jib's layer.
cp -a "$out/app-images/safestream-server" "$root/opt/"
mv "$root/opt/safestream-server/lib/app" "$out/app-layer/opt/safestream-server/lib/"

# One layer, reproducible: sorted, fixed times, root-owned except /data, which the server (10001) writes to.
layer="$out/base/layer.tar"
tar_options=(--sort=name --mtime=@0 --numeric-owner --format=gnu -C "$root")
tar -cf "$layer" "${tar_options[@]}" --owner=0 --group=0 --exclude=./data .
tar -rf "$layer" "${tar_options[@]}" --owner=10001 --group=10001 --no-recursion ./data
diff_id=sha256:$(sha256sum "$layer" | cut -d' ' -f1)
cat >"$out/base/config.json" <<CONFIG
{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"container/src/build/base-image.sh: ${packages[*]}, safestream-server $version app-image"}]}
CONFIG
echo '[{"Config":"config.json","RepoTags":["safestream-base:local"],"Layers":["layer.tar"]}]' >"$out/base/manifest.json"
tar -cf "$out/base-image.tar" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
  -C "$out/base" manifest.json config.json layer.tar
rm "$layer"
echo "base image: $out/base-image.tar ($(du -h "$out/base-image.tar" | cut -f1)); app layer: $out/app-layer"
