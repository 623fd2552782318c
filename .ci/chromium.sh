#!/usr/bin/env bash
# Headless Chromium and its driver for the dashboard's browser tests, from Debian's packages, installed when missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && { [ -x /usr/bin/chromedriver ] || [ -x /usr/lib/chromium/chromedriver ]; }; then
  echo "Chromium is already installed."
  exit 0
fi
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >&2
echo "Chromium installed: $(chromium --version 2>/dev/null | head -n 1)"
