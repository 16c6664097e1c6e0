#!/usr/bin/env bash
# The base of both images, assembled from this machine with no registry: a Java runtime made by jlink from the
# JDK that builds (JAVA_HOME), the C libraries it loads (found with ldd, copied from this machine's Debian), the
# fontconfig library and two Chinese fonts (exports measure text with them, the notices' PDFs embed one), /etc/passwd
# with the user the sides run as (10001), and an empty /tmp. No shell, no package manager: the sides' images are
# this plus the application's layers (Jib, FROM scratch), and their health check is Java (platform/health).
#
#   assemble-runtime.sh OUT [JAVA_HOME]   writes OUT (skipped when OUT/.assembled names the same JDK and script)
set -euo pipefail
out="${1:?usage: assemble-runtime.sh OUT [JAVA_HOME]}"
java_home="${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}}"
here="$(cd "$(dirname "$0")" && pwd)"

# the modules a Spring Boot side uses: Java SE, the JDK's locale data (zh_CN), charsets (GB18030), EC crypto,
# management (Actuator), jdk.unsupported (libraries that use sun.misc)
modules=java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.naming.dns,\
jdk.management,jdk.management.jfr,jdk.jfr,jdk.net,jdk.security.auth,jdk.security.jgss
# WenQuanYi: text measured in the exports; AR PL UMing: embedded in the written notices' PDFs
font_dirs="/usr/share/fonts/truetype/wqy /usr/share/fonts/truetype/arphic"

stamp="$("$java_home/bin/java" -version 2>&1 | head -n 2 | tr '\n' ' ') $(sha256sum "$0" | cut -c1-16)"
if [ -f "$out/.assembled" ] && [ "$(cat "$out/.assembled")" = "$stamp" ]; then
  exit 0
fi
[ -f "$java_home/jmods/java.base.jmod" ] || { echo "jlink needs the JDK's jmods: $java_home/jmods (Debian: openjdk-17-jdk-headless)" >&2; exit 1; }
for dir in $font_dirs; do
  [ -d "$dir" ] || { echo "$dir is needed in the image: apt-get install fonts-wqy-microhei fonts-arphic-uming" >&2; exit 1; }
done
fontconfig=$(ldconfig -p | awk '/libfontconfig\.so\.1 .*x86-64/ {print $NF; exit}')
[ -n "$fontconfig" ] || { echo "fontconfig is needed in the image: apt-get install libfontconfig1" >&2; exit 1; }

rm -rf "$out"
# /proc: where a container runtime mounts it (the JVM finds its libraries through /proc/self/exe)
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/proc"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$out/opt/java"
# a server is headless: no X11 window toolkit, splash screen or sound, nor the libraries they would pull in
rm -f "$out"/opt/java/lib/{libawt_xawt.so,libjawt.so,libsplashscreen.so,libjsound.so}
# no symbolic links in an image layer Jib writes: copy what a link points to
find "$out/opt/java" -type l | while read -r link; do target=$(readlink -f "$link"); rm "$link"; cp "$target" "$link"; done

# the C libraries: every shared object the runtime and fontconfig need, and the loader
copy_with_path() { mkdir -p "$out$(dirname "$1")"; cp -L "$1" "$out$1"; }
libraries() {
  { find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \); echo "$fontconfig"; } \
    | xargs ldd 2>/dev/null | awk '/=> \// {print $3} /^\t\/[^ ]*ld-linux/ {print $1}' | sort -u
}
for lib in $(libraries); do copy_with_path "$lib"; done
copy_with_path "$fontconfig"
for lib in $(ldd "$fontconfig" | awk '/=> \// {print $3}'); do copy_with_path "$lib"; done
[ -f "$out/lib64/ld-linux-x86-64.so.2" ] || copy_with_path /lib64/ld-linux-x86-64.so.2

# fontconfig's configuration and the fonts
mkdir -p "$out/etc/fonts"
cp -rL /etc/fonts/. "$out/etc/fonts/"
for dir in $font_dirs; do mkdir -p "$out$dir"; cp -L "$dir"/* "$out$dir/"; done

cp "$here/etc/passwd" "$here/etc/group" "$here/etc/nsswitch.conf" "$out/etc/"
echo "$stamp" > "$out/.assembled"
