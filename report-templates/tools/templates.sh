#!/usr/bin/env bash
# Writes the four scenario designs from their description and shared parts (designs.sh), then renders the first page of each report that exists and makes from it
#   report-templates/designer-templates/NAME.png   the Designer template's thumbnail (low resolution)
#   docs/pictures/SCENARIO.png                     the README picture (scenario reports only)
# then writes report-templates/designer-templates/NAME.rpttemplate with DesignerTemplates.java.
# Needs a build (./kpikit build) and pdftoppm (poppler-utils). Run from anywhere:
#   report-templates/tools/templates.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v pdftoppm >/dev/null || { echo "templates.sh: pdftoppm not found (install poppler-utils)" >&2; exit 1; }
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
report-templates/tools/designs.sh
mkdir -p report-templates/designer-templates docs/pictures
for name in startup consultancy agency restaurant key-account-review; do
    design=report-templates/$name.rptdesign
    if [[ ! -f $design ]]; then
        echo "templates.sh: $design does not exist yet, skipped"
        continue
    fi
    ./kpikit render --template "$design" --format pdf --locale en --out "$work" >/dev/null
    pdftoppm -r 20 -f 1 -l 1 -singlefile -png "$work/$name.pdf" "report-templates/designer-templates/$name"
    if [[ $name != key-account-review ]]; then
        pdftoppm -r 70 -f 1 -l 1 -singlefile -png "$work/$name.pdf" "docs/pictures/$name"
        echo "docs/pictures/$name.png"
    fi
done
"$java" report-templates/tools/DesignerTemplates.java
