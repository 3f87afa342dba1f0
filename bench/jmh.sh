#!/usr/bin/env bash
# Runs callaudit's JMH benchmarks (src/test/java/io/callaudit/bench/*Benchmark.java): reading 10 000 Aircall
# records from memory (plain and gzip), rule evaluation of 10 000 calls, JSON report writing. Scores are calls
# per second. Arguments go to JMH as they are:
#
#   bench/jmh.sh                           # all benchmarks, the settings in their annotations (~2 min)
#   bench/jmh.sh ReadBenchmark             # one class (a regex over benchmark names)
#   bench/jmh.sh -wi 1 -i 2 -w 1 -r 1      # quicker, noisier
#   bench/jmh.sh -prof gc                  # allocation per call
#   bench/jmh.sh -l                        # list them
#
# MVN_ARGS is passed to Maven (e.g. MVN_ARGS=-Dcli to build without the Lambda face). The build never runs
# these: ./mvnw verify only compiles them.
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a mvn_args <<< "${MVN_ARGS:-}"
./mvnw -B -q "${mvn_args[@]}" test-compile
cp_file=target/bench-classpath.txt
if [[ ! -s $cp_file || pom.xml -nt $cp_file ]]; then
    ./mvnw -B -q "${mvn_args[@]}" dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
fi
exec java -cp "target/test-classes:target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main "$@"
