#!/usr/bin/env bash
# Build the one-folder application with PyInstaller, then check it starts and works:
#   bash packaging/build.sh            → build/dist/ictdesk/ictdesk (ictdesk.exe on Windows)
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q 'pyinstaller>=6.10'
# Compile the translations for the bundle (the .ts files stay the only committed source).
pyside6-lrelease -silent resources/i18n/*.ts
python3 -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath build/dist --workpath build/work packaging/ictdesk.spec
app=build/dist/ictdesk/ictdesk
[ -x "$app" ] || app=build/dist/ictdesk/ictdesk.exe

# The packaged app must start (offscreen) on a fresh demo database and exit 0.
check=$(mktemp -d)
export ICTDESK_DATA_DIR="$check" QT_QPA_PLATFORM=offscreen
"$app" --version
"$app" demo --db "$check/demo.db"
"$app" --smoke-test --db "$check/demo.db"
if "$app" --help | grep -q "report"; then
    "$app" report --db "$check/demo.db" --unit 25 --period 2025Q4 --kind rollup -o "$check/rollup.pdf"
    head -c 5 "$check/rollup.pdf" | grep -q '%PDF-' && echo "packaged report: PDF written"
fi
echo "packaged app OK: $app"
rm -rf "$check"
