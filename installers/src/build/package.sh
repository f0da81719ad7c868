#!/usr/bin/env bash
# Builds SafeStream's Linux packages from the two shaded jars. `./mvnw -Pinstallers package` runs it with the right
# arguments (installers/pom.xml); by hand, after `./mvnw package`:
#   JAVA_HOME=/path/to/jdk installers/src/build/package.sh VERSION SERVER_JAR CONSOLE_JAR OUT_DIR
# Writes
#   OUT_DIR/app-images/safestream-server, .../safestream-console   jpackage app-images, each with a jlink runtime
#   OUT_DIR/debs/safestream-server_*.deb, safestream-console_*.deb  when dpkg-deb and fakeroot are installed
# The runtime is linked from the JDK that runs this script (jlink needs no jmods on JDK 24+, JEP 493).
set -euo pipefail

if [ $# -ne 4 ]; then
  echo "usage: $0 VERSION SERVER_JAR CONSOLE_JAR OUT_DIR" >&2
  exit 2
fi
version=$1
server_jar=$2
console_jar=$3
out=$4
src=$(cd "$(dirname "$0")/.." && pwd)
jdk=${JAVA_HOME:?JAVA_HOME must point to a JDK 21 or newer}
for tool in jdeps jlink jpackage; do
  [ -x "$jdk/bin/$tool" ] || { echo "error: $jdk/bin/$tool not found; JAVA_HOME must be a full JDK" >&2; exit 1; }
done
# Debian sorts 0.1.0~SNAPSHOT before the 0.1.0 release; jpackage accepts the same string as the app version.
pkg_version=${version/-/\~}

rm -rf "$out/runtimes" "$out/app-images" "$out/debs" "$out/deb-staging"
mkdir -p "$out/runtimes" "$out/app-images" "$out/debs"

# modules_for, link_runtime, app_image and server_app_image (shared with the container image's build)
# shellcheck source=server-app-image.sh
. "$src/build/server-app-image.sh"

server_app_image "$server_jar"
# Console: no java or jcmd binaries; the launcher is jpackage's.
link_runtime console "$(modules_for "$console_jar" jdk.zipfs)" --strip-native-commands
# JavaFX 21's renderer still uses sun.misc.Unsafe; runtimes from JDK 23 on warn about it at every start unless told.
console_options=()
jdk_major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
if [ "${jdk_major:-0}" -ge 23 ]; then
  console_options+=(--java-options --sun-misc-unsafe-memory-access=allow)
fi
app_image safestream-console "$console_jar" "SafeStream moderator console" ${console_options[@]+"${console_options[@]}"}

if ! command -v dpkg-deb >/dev/null 2>&1 || ! command -v fakeroot >/dev/null 2>&1; then
  echo "note: dpkg-deb or fakeroot not installed; built the app-images only, no .deb packages"
  exit 0
fi

# Console: jpackage's own .deb (desktop entry and icon through xdg-utils, shared-library Depends from ldd);
# src/jpackage/console holds the desktop entry, replacing jpackage's generated one.
"$jdk/bin/jpackage" --type deb --app-image "$out/app-images/safestream-console" --dest "$out/debs" \
  --resource-dir "$src/jpackage/console" \
  --name safestream-console --app-version "$pkg_version" --vendor SafeStream \
  --description "SafeStream moderator console: live feed, review queue and actions for live-stream chat" \
  --icon "$src/icons/safestream-console.png" --linux-shortcut --linux-menu-group "Network;Chat;" \
  --linux-app-category net --linux-deb-maintainer team@safestream.dev \
  --linux-package-deps "libgtk-3-0t64 | libgtk-3-0, libgl1"

# Server: assembled here, because jpackage cannot ship a systemd unit or a conffile outside /opt (decision 0005).
stage="$out/deb-staging/safestream-server"
mkdir -p "$stage/opt" "$stage/usr/bin"
cp -a "$out/app-images/safestream-server" "$stage/opt/"
cp -r "$src/deb/server/." "$stage/"
rm "$stage/DEBIAN/control.in"
ln -s /opt/safestream-server/bin/safestream-server "$stage/usr/bin/safestream-server"
find "$stage" -path "$stage/opt" -prune -o -type d -exec chmod 0755 {} +
find "$stage/etc" "$stage/usr/lib" "$stage/usr/share" "$stage/DEBIAN/conffiles" -type f -exec chmod 0644 {} +
chmod 0755 "$stage/DEBIAN/postinst" "$stage/DEBIAN/prerm" "$stage/DEBIAN/postrm"
installed_kib=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$pkg_version/" -e "s/@INSTALLED_SIZE@/$installed_kib/" \
  "$src/deb/server/DEBIAN/control.in" >"$stage/DEBIAN/control"
fakeroot dpkg-deb -Zxz --build "$stage" "$out/debs/safestream-server_${pkg_version}_amd64.deb" >/dev/null
ls -l "$out/debs"
