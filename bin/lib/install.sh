# What the two commands need, from Debian's packages, installed when missing: one function for bin/start,
# bin/test and .ci/run. Sourced, not run. Without the rights to install it prints the one command that does.
#
#   ensure_installed start   JDK 17, Maven, PostgreSQL, nginx, the notices' font (fonts-arphic-uming)
#   ensure_installed test    the same, and for the tests python3 (the contract smoke), Chromium, its driver, a
#                            Chinese font (the screenshots and the images), fontconfig, openssl (the HTTPS test)
#                            and docker compose's parser (the compose file is checked)

java17_present() {
  # a JDK (javac, jlink), not only a JRE, of version 17 or later
  command -v javac >/dev/null 2>&1 || return 1
  local major
  major=$(javac -version 2>&1 | sed -n 's/^javac \([0-9]*\).*/\1/p')
  [ -n "$major" ] && [ "$major" -ge 17 ]
}

nginx_present() { command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; }

compose_present() {
  { command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; } \
    || command -v docker-compose >/dev/null 2>&1
}

missing_packages() {
  local purpose="$1" missing=()
  java17_present || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  nginx_present || missing+=(nginx)
  # the TrueType font the written notices' PDFs embed (the command side renders them; the images carry it too)
  [ -r /usr/share/fonts/truetype/arphic/uming.ttc ] || missing+=(fonts-arphic-uming)
  if [ "$purpose" = test ]; then
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
    fc-list 2>/dev/null | grep -qi 'wqy\|noto sans cjk' || missing+=(fonts-wqy-microhei)
    command -v openssl >/dev/null 2>&1 || missing+=(openssl)
    # the browser tests' accessibility checker, axe-core, comes from the npm registry at build time (system-tests/pom.xml)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    # the deployment images carry fontconfig and the font (deploy/image/assemble-runtime.sh)
    ldconfig -p 2>/dev/null | grep -q 'libfontconfig\.so\.1' || missing+=(libfontconfig1)
    compose_present || missing+=(docker-compose)
  fi
  echo "${missing[*]}"
}

ensure_installed() {
  local purpose="${1:-start}" missing
  read -r -a missing <<< "$(missing_packages "$purpose")"
  [ ${#missing[@]} -eq 0 ] && return 0
  local command="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  if ! command -v apt-get >/dev/null 2>&1; then
    die "缺少 / missing: ${missing[*]} — 请用本机的包管理器安装 / install them with this system's package manager"
  fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      die "缺少 ${missing[*]}。请运行 / missing ${missing[*]}; run:
  sudo sh -c '$command'"
    fi
  fi
  say "安装 / installing: ${missing[*]}"
  # the packages must not start their own services (a PostgreSQL or an nginx on port 80): bin/start and the
  # tests start what they need themselves. Debian's way of saying so is a policy-rc.d that answers 101.
  local policy=/usr/sbin/policy-rc.d made_policy=""
  if [ ! -e "$policy" ]; then
    $sudo sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy" && made_policy=1
  fi
  local status=0
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq || status=$?
  if [ "$status" = 0 ]; then
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" || status=$?
  fi
  [ -n "$made_policy" ] && $sudo rm -f "$policy"
  [ "$status" = 0 ] || die "安装失败 / installing ${missing[*]} failed (apt-get: $status)"
  read -r -a missing <<< "$(missing_packages "$purpose")"
  [ ${#missing[@]} -eq 0 ] || die "安装后仍缺少 / still missing after the install: ${missing[*]}"
}
