#!/usr/bin/env bash
# Optional system packages (Debian): headless Chromium and a CJK font, used by the test that
# screenshots the HTML summary, and LibreOffice for DOC/WPS input. Best effort: without root or
# network the tests that need them are skipped, everything else works.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}") >/dev/null 2>&1 \
    || echo "system_deps: could not install ${need[*]}; the tests that need them will be skipped"
fi
exit 0
