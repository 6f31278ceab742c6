#!/usr/bin/env bash
# The consumer check (issue 17): installs the SDK's library modules into the local Maven repository, then builds
# examples/consumer — a separate project whose pom.xml is the README's consumer pom, word for word (ConsumerPomTest
# holds them equal) — against those installed artifacts. Its test must run: the pom's failIfNoTests turns
# "Tests run: 0" into a failed build, and this script also checks the report.
#
#   scripts/consumer-check.sh [extra mvn args for both builds]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

echo "== consumer check: installing the library modules"
mvn -B -ntp -q install -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
    -pl sdk-bom,sdk-core,sdk-images,sdk-members,sdk-links,sdk-testing -am "$@"
echo "== consumer check: building examples/consumer against the installed artifacts"
rm -rf examples/consumer/target
mvn -B -ntp -f examples/consumer/pom.xml verify "$@"
ran=$(grep -ho 'tests="[0-9]*"' examples/consumer/target/surefire-reports/TEST-*.xml 2>/dev/null \
      | tr -dc '0-9\n' | awk '{s+=$1} END {print s+0}')
if [ "$ran" -lt 1 ]; then
  echo "consumer check: no test ran in examples/consumer" >&2
  exit 1
fi
echo "== consumer check: $ran test(s) ran in examples/consumer"
