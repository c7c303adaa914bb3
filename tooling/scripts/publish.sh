#!/bin/sh
# make publish DEST=/srv/policybook/site
# Builds a fresh site into a new release folder beside DEST, runs the gates on it, and only
# then points DEST (a symlink) at it in one atomic rename. A failing build or gate leaves the
# site being served untouched.
set -eu
DEST=${1:?usage: publish.sh DEST}
BIN=${BIN:-.venv/bin}
parent=$(dirname "$DEST")
release="$parent/.release-$(date +%Y%m%d%H%M%S)-$$"
mkdir -p "$parent"
echo "building into $release"
"$BIN/policybook" check
"$BIN/sphinx-build" -E -W --keep-going -q -b html . "$release"
# gates on the built output: the test suite's browser, accessibility, security and static
# checks run against this very folder
PB_SITE="$release" "$BIN/python" -m pytest -q -p no:cacheprovider tests/test_browser.py tests/test_security.py \
    tests/test_accessibility.py -k "every_page or static_audit or anchor or phone or wcag or dark_mode or tab_reaches"
ln -sfn "$release" "$DEST.next"
mv -T "$DEST.next" "$DEST"
echo "published: $DEST -> $release"
