#!/usr/bin/env bash
# Installs the Debian packages that the tests and Word exports need.
# Chromium runs the browser tests. Noto CJK fonts, LibreOffice Writer,
# poppler, zip and unzip render .docx exports to PDF and PNG, and fontconfig
# maps the official fonts. PostgreSQL 15 is added when its binaries are missing.
# Safe to run repeatedly: it does nothing when every package is present.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "install-system-deps: must run as root (apt-get needs it)" >&2
  exit 1
fi

packages=(chromium fonts-noto-cjk libreoffice-writer-nogui poppler-utils fontconfig zip unzip)
if [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  packages+=(postgresql-15)
fi

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

missing=()
for package in "${packages[@]}"; do
  if ! is_installed "$package"; then
    missing+=("$package")
  fi
done

# The commands the tests call; a package can be installed while its command
# is not on PATH (e.g. after a manual removal), so check both.
for command_name in chromium libreoffice pdftoppm pdftotext pdfinfo pdffonts fc-match zip unzip; do
  if ! command -v "$command_name" >/dev/null 2>&1; then
    echo "install-system-deps: command $command_name not found" >&2
    missing+=(required-command-missing)
    break
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-system-deps: all packages present, nothing to do"
  exit 0
fi

echo "install-system-deps: installing ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${packages[@]}"

for command_name in chromium libreoffice pdftoppm pdftotext pdfinfo pdffonts fc-match zip unzip; do
  if ! command -v "$command_name" >/dev/null 2>&1; then
    echo "install-system-deps: $command_name still not found after install" >&2
    exit 1
  fi
done
echo "install-system-deps: done"
