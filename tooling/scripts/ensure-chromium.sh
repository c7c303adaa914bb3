#!/bin/sh
# Browser tests drive Debian's Chromium (Playwright's own browser download cannot work on
# an intranet or in CI). Install it when we can; otherwise say exactly what is missing.
set -e
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Browser tests need Debian's Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium'." >&2
exit 1
