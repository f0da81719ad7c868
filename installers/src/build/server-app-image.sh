# Sourced, not run: the jlink runtime and jpackage app-image steps that package.sh (the .deb packages) and
# container/src/build/base-image.sh (the container image) share, so both ship the same runtime and JVM options.
# The caller sets: jdk (a full JDK 21+), out (output directory), src (installers/src), pkg_version (jpackage's
# app version). Results: $out/runtimes/NAME, $out/app-images/NAME.

# The modules a jar needs (jdeps), plus those it loads reflectively that jdeps cannot see.
modules_for() {
  local jar=$1 extra=$2 found
  found=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 21 "$jar")
  echo "$found,$extra"
}

link_runtime() {
  local name=$1 modules=$2
  shift 2
  echo "jlink $name runtime: $modules"
  rm -rf "$out/runtimes/$name"
  mkdir -p "$out/runtimes"
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
    "$@" --output "$out/runtimes/$name"
}

app_image() {
  local name=$1 jar=$2 description=$3
  shift 3
  local input="$out/jpackage-input/$name"
  rm -rf "$input" "$out/app-images/$name"
  mkdir -p "$input" "$out/app-images"
  cp "$jar" "$input/$name.jar"
  "$jdk/bin/jpackage" --type app-image --dest "$out/app-images" --name "$name" \
    --input "$input" --main-jar "$name.jar" --runtime-image "$out/runtimes/${name#safestream-}" \
    --app-version "$pkg_version" --vendor SafeStream --description "$description" \
    --icon "$src/icons/$name.png" --java-options --enable-native-access=ALL-UNNAMED "$@"
  echo "app-image: $out/app-images/$name"
}

# The server: jdk.zipfs for resources read as file systems, jdk.jcmd so operators can take thread and heap dumps.
# Its JVM options are the launcher's (lib/app/safestream-server.cfg), the same in the .deb and the container image.
server_app_image() {
  local server_jar=$1
  link_runtime server "$(modules_for "$server_jar" jdk.zipfs,jdk.jcmd)"
  app_image safestream-server "$server_jar" "SafeStream chat server with local ML moderation" \
    --java-options -XX:+ExitOnOutOfMemoryError --java-options -Djava.awt.headless=true
}
