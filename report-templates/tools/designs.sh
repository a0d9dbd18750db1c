#!/usr/bin/env bash
# Writes the four scenario designs (report-templates/{startup,consultancy,agency,restaurant}.rptdesign) with
# ScenarioDesigns.java from its description and the shared parts in report-templates/tools/parts, into
# report-templates or the folder given. Needs a build (./kpikit build: the BIRT chart model jars in
# runner/target/lib). Afterwards run report-templates/tools/templates.sh for the Designer templates.
set -euo pipefail
cd "$(dirname "$0")/../.."
jdk=$(./kpikit jdk)
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
"$jdk/bin/javac" -nowarn -cp "runner/target/lib/*" -d "$classes" report-templates/tools/ChartXml.java report-templates/tools/ScenarioDesigns.java
# the chart model's serializer tries to start BIRT's platform and logs a harmless warning when it cannot
"$jdk/bin/java" -cp "$classes:runner/target/lib/*" ScenarioDesigns "$@" 2> >(grep -v -e 'PluginSettings\|CannotStartupOSGIPlatform\|^\s*at \|NullPointerException\|^Caused by\|\.\.\. [0-9]* more\|^WARNING: Exception' >&2)
