#!/usr/bin/env bash
# Renders a Word document to PDF (LibreOffice) and PNG pages (pdftoppm), with
# the official document fonts mapped to Noto CJK by config/fontconfig/fonts.conf.
#
# Usage: scripts/render-docx.sh [--no-png] [--dpi N] FILE.docx [OUT_DIR]
#   OUT_DIR   where NAME.pdf and NAME-1.png, NAME-2.png… are written
#             (default: the directory of FILE.docx)
#   --dpi N   PNG resolution in dots per inch (default 100)
#   --no-png  write the PDF only
# Prints the PDF path on stdout. Needs libreoffice, poppler-utils, zip and
# unzip (.ci/install-system-deps.sh installs them).
set -euo pipefail

usage() {
  echo "usage: $0 [--no-png] [--dpi N] FILE.docx [OUT_DIR]" >&2
  exit 2
}

png=1
dpi=100
while [ $# -gt 0 ]; do
  case "$1" in
    --no-png) png=0; shift ;;
    --dpi) [ $# -ge 2 ] || usage; dpi="$2"; shift 2 ;;
    -h|--help) usage ;;
    --*) echo "render-docx: unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] && [ $# -le 2 ] || usage
case "$dpi" in ''|*[!0-9]*) echo "render-docx: --dpi must be a whole number, got '$dpi'" >&2; exit 2 ;; esac

input="$1"
if [ ! -f "$input" ]; then
  echo "render-docx: input file not found: $input" >&2
  exit 1
fi
out_dir="${2:-$(dirname "$input")}"
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"

for command_name in libreoffice pdftoppm zip unzip; do
  if ! command -v "$command_name" >/dev/null 2>&1; then
    echo "render-docx: $command_name not found; run .ci/install-system-deps.sh as root" >&2
    exit 127
  fi
done

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export FONTCONFIG_FILE="$repo_root/config/fontconfig/fonts.conf"

# A throwaway LibreOffice profile: parallel runs cannot lock each other out,
# and no settings leak in from a user's own profile.
work_dir="$(mktemp -d /tmp/render-docx.XXXXXX)"
trap 'rm -rf "$work_dir"' EXIT

name="$(basename "$input")"
name="${name%.*}"
pdf="$out_dir/$name.pdf"
rm -f "$pdf"

convert() { # FORMAT OUT_DIR FILE
  timeout 180 libreoffice --headless --norestore \
    "-env:UserInstallation=file://$work_dir/profile" \
    --convert-to "$1" --outdir "$2" "$3" >"$work_dir/convert.log" 2>&1 || {
    echo "render-docx: libreoffice failed to convert $3 to $1:" >&2
    cat "$work_dir/convert.log" >&2
    exit 1
  }
}

# LibreOffice 7.4 ignores w:overflowPunct="false" and lets a comma hang past
# the right margin, and in justified paragraphs it then leaves the comma out
# of the PDF. When the document turns hanging punctuation off, go through ODT
# and set the same rule there (punctuation-wrap="simple"), which it honours.
if unzip -p "$input" word/document.xml 2>/dev/null | grep -Eq '<w:overflowPunct w:val="(false|0|off)"'; then
  mkdir -p "$work_dir/odt/content"
  cp "$input" "$work_dir/odt/$name.docx"
  convert odt "$work_dir/odt" "$work_dir/odt/$name.docx"
  (
    cd "$work_dir/odt/content"
    unzip -q "../$name.odt"
    sed -i 's/style:punctuation-wrap="hanging"/style:punctuation-wrap="simple"/g' content.xml styles.xml
    rm "../$name.odt"
    # ODF requires the mimetype entry first and uncompressed.
    zip -q -X -0 "../$name.odt" mimetype
    zip -q -X -r "../$name.odt" . -x mimetype
  )
  convert pdf "$out_dir" "$work_dir/odt/$name.odt"
else
  convert pdf "$out_dir" "$input"
fi

if [ ! -s "$pdf" ]; then
  echo "render-docx: libreoffice wrote no PDF for $input:" >&2
  cat "$work_dir/convert.log" >&2
  exit 1
fi

if [ "$png" -eq 1 ]; then
  pdftoppm -png -r "$dpi" "$pdf" "$out_dir/$name"
fi
echo "$pdf"
