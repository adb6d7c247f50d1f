#!/usr/bin/env bash
# cable-convert quick start: system packages, a virtual environment, then one job.
#
#   ./quickstart.sh run    install, then convert the bundled data/ to every format in build/
#   ./quickstart.sh test   install (with test tools), then run the whole test suite
#
# System packages (Debian names) are installed with apt-get when run as root; otherwise the
# missing ones are listed with the command to install them. Python packages go into .venv/.
set -euo pipefail

cd "$(dirname "$0")"
MODE="${1:-run}"
shift || true
PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"

# weasyprint needs Pango (and HarfBuzz's subsetter for speed and byte-reproducible PDFs);
# the themes use DejaVu through fontconfig; python3-venv makes the virtual environment.
RUN_PACKAGES=(python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig
              fonts-dejavu-core fonts-dejavu-extra)
# the tests also convert DOCX with LibreOffice, run EPUBCheck on Java, render PDF pages,
# trace every process's system calls (no network, no stray file reads), and run the
# accessibility checkers Ace and axe-core (npm, tools/a11y/) in Chromium on Node.js
TEST_PACKAGES=(libreoffice-writer-nogui default-jre-headless poppler-utils strace chromium nodejs)

case "$MODE" in
  run) PACKAGES=("${RUN_PACKAGES[@]}"); EXTRAS="" ;;
  test) PACKAGES=("${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"); EXTRAS="[test]" ;;
  *) echo "usage: $0 run|test [arguments for the job]" >&2; exit 2 ;;
esac

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      # a JRE from another package is as good as default-jre-headless
      if [ "$package" = default-jre-headless ] && command -v java >/dev/null 2>&1; then continue; fi
      # so is a Node.js with npm from elsewhere (NodeSource, nvm)
      if [ "$package" = nodejs ] && command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
        continue
      fi
      missing+=("$package")
    fi
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "quickstart: installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # Debian's nodejs leaves npm to a package of its own
    if [ "$MODE" = test ] && ! command -v npm >/dev/null 2>&1; then
      apt-get install -y -qq --no-install-recommends npm >/dev/null
    fi
  else
    echo "quickstart: these system packages are missing: ${missing[*]}" >&2
    echo "quickstart: install them with: sudo apt-get install ${missing[*]}" >&2
    echo "quickstart: (continuing: conversion works without them, but slower or without some fonts)" >&2
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet -e ".${EXTRAS}"

case "$MODE" in
  run)
    # the main job: every bundled sample cable, every format, into build/
    exec "$VENV/bin/python" -m convert data -o build --to all "$@"
    ;;
  test)
    # the accessibility checkers, pinned by tools/a11y/package-lock.json, no install scripts
    # (they would download browsers; the checkers run Debian's chromium)
    if command -v npm >/dev/null 2>&1; then
      (cd tools/a11y && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
    else
      echo "quickstart: no npm: the accessibility tests will fail (install nodejs and npm)" >&2
    fi
    # the slow accessibility tests fail, not skip, when Chromium or those tools are missing
    export CABLE_REQUIRE_A11Y=1
    # the whole suite: the fast tests, then the slow ones (corpus-wide, 10,000 property examples)
    "$VENV/bin/python" -m pytest -q "$@"
    status=0
    "$VENV/bin/python" -m pytest -q -m slow "$@" || status=$?
    # pytest says 5 when no test is selected: no slow tests is not a failure
    if [ "$status" -ne 0 ] && [ "$status" -ne 5 ]; then exit "$status"; fi
    ;;
esac
