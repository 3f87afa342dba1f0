#!/usr/bin/env bash
# Times the JVM Lambda artifact locally, as the managed Java runtime would run it: target/function.zip
# unpacked, started by AWS's runtime interface client (the managed runtime's own bootstrap) against
# runtime_api.py (a stand-in for the Lambda Runtime API), with S3Proxy as S3. Prints one JSON line per
# invocation: cold start (JVM start to first answer), then warm invocations of the example batch and of
# a large generated one.
#
# usage: ./mvnw package -DskipTests && infra/bench/coldstart.sh [CALLS] [TASKSET_CPUS]
#   CALLS         calls in the large batch (default 100000)
#   TASKSET_CPUS  pin the function's JVM to these CPUs, e.g. 0 for one core (default: no pinning)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
calls="${1:-100000}"
cpus="${2:-}"
work="$root/target/bench"
bucket=callaudit-bench
rm -rf "$work" && mkdir -p "$work/function" "$work/events"
cd "$root"

[ -f target/function.zip ] || { echo "build first: ./mvnw package -DskipTests" >&2; exit 2; }
(cd "$work/function" && unzip -q -o "$root/target/function.zip")
# The managed Java runtime's bootstrap: the runtime interface client and its serialization library.
for artifact in com.amazonaws:aws-lambda-java-runtime-interface-client:2.9.0 \
        com.amazonaws:aws-lambda-java-serialization:1.2.0; do
    ./mvnw -B -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$work/ric" >&2
done
[ -f target/s3proxy/s3proxy.jar ] || ./mvnw -B -q dependency:copy \
    -Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies -DoutputDirectory=target/s3proxy \
    -Dmdep.stripVersion=true -Dmdep.stripClassifier=true >&2
[ -f target/s3proxy/s3proxy.jar ] || mv target/s3proxy/s3proxy-jar-with-dependencies.jar target/s3proxy/s3proxy.jar 2>/dev/null || true

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
s3_port=$(free_port)
api_port=$(free_port)
cat > "$work/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$s3_port
s3proxy.authorization=none
jclouds.provider=transient
jclouds.identity=bench
jclouds.credential=bench
PROPS
java -Xmx2g -jar target/s3proxy/s3proxy.jar --properties "$work/s3proxy.properties" > "$work/s3proxy.log" 2>&1 &
s3proxy_pid=$!
jvm_pid=
api_pid=
cleanup() {
    [ -n "$jvm_pid" ] && kill "$jvm_pid" 2>/dev/null || true
    [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null || true
    kill "$s3proxy_pid" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$s3_port/" && break; sleep 0.2; done

s3="http://127.0.0.1:$s3_port/$bucket"
curl -sf -X PUT "$s3" -o /dev/null
curl -sf -T examples/aircall/profile.yaml "$s3/incoming/callaudit-profile.yaml" -o /dev/null
curl -sf -T examples/aircall/calls.json "$s3/incoming/example/calls.json" -o /dev/null
python3 - "$calls" "$work/large.ndjson" <<'PY'
import copy, json, sys
n, out = int(sys.argv[1]), sys.argv[2]
calls = json.load(open("examples/aircall/calls.json"))["calls"]
with open(out, "w") as f:
    for i in range(n):
        c = copy.deepcopy(calls[i % len(calls)])
        shift = (i // len(calls)) * 3600
        c["id"] = 1_000_000 + i
        for k in ("started_at", "answered_at", "ended_at"):
            if c.get(k) is not None:
                c[k] -= shift
        f.write(json.dumps(c, separators=(",", ":")) + "\n")
PY
curl -sf -T "$work/large.ndjson" "$s3/incoming/large/calls.ndjson" -o /dev/null
echo "{\"large_batch_bytes\": $(stat -c %s "$work/large.ndjson"), \"calls\": $calls}"

for name in example example-again large large-again; do
    case $name in example*) key=incoming/example/calls.json ;; *) key=incoming/large/calls.ndjson ;; esac
    echo "{\"bucket\": \"$bucket\", \"key\": \"$key\"}" > "$work/events/$name.json"
done

python3 infra/bench/runtime_api.py "$api_port" "$work/events/example.json" "$work/events/example-again.json" \
    "$work/events/large.json" "$work/events/large-again.json" > "$work/timings.jsonl" &
api_pid=$!
for _ in $(seq 1 50); do grep -q ready "$work/timings.jsonl" 2>/dev/null && break; sleep 0.1; done

pin=()
[ -n "$cpus" ] && pin=(taskset -c "$cpus")
# What infra/template.yaml gives the JVM flavour: the same environment variables and JAVA_TOOL_OPTIONS.
AWS_LAMBDA_RUNTIME_API="127.0.0.1:$api_port" \
AWS_REGION=eu-west-1 AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench \
AWS_LAMBDA_FUNCTION_NAME=callaudit-bench AWS_LAMBDA_FUNCTION_MEMORY_SIZE=1024 \
CALLAUDIT_LAMBDA_INPUT_PREFIX=incoming/ CALLAUDIT_LAMBDA_OUTPUT_PREFIX=reports/ \
QUARKUS_S3_ENDPOINT_OVERRIDE="http://127.0.0.1:$s3_port" QUARKUS_S3_PATH_STYLE_ACCESS=true \
QUARKUS_LOG_CONSOLE_JSON_ENABLED=true \
JAVA_TOOL_OPTIONS="-XX:+TieredCompilation -XX:TieredStopAtLevel=1" \
    "${pin[@]}" java -Xmx870m -cp "$work/function:$work/function/lib/*:$work/ric/*" \
    com.amazonaws.services.lambda.runtime.api.client.AWSLambda \
    io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest > "$work/function.log" 2>&1 &
jvm_pid=$!
# Stop waiting if the function's JVM dies before answering every event.
while kill -0 "$api_pid" 2>/dev/null; do
    if ! kill -0 "$jvm_pid" 2>/dev/null; then
        kill "$api_pid" 2>/dev/null || true
        echo "the function's JVM exited early; see $work/function.log" >&2
        tail -20 "$work/function.log" >&2
        exit 1
    fi
    sleep 0.2
done
grep -v ready "$work/timings.jsonl"
echo "function log: $work/function.log" >&2
