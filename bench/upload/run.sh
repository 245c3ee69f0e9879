#!/usr/bin/env bash
# Runs the upload benchmark described in docs/benchmarks.md.
# Usage: bench/upload/run.sh [runs] [path of the AWS CLI]   (defaults: 3 /usr/bin/aws)
# Needs the AWS CLI v2 (Debian: apt-get install awscli). It starts the emulator's S3Proxy on
# 127.0.0.1 and writes about 1.2 GiB of test data under java.io.tmpdir, deleted at the end.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

# Compile engine and emulator, and write their runtime class paths, without running tests.
./mvnw -q -DskipPlugin -pl engine,emulator -am compile dependency:build-classpath \
    -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime

classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
cp="engine/target/classes:emulator/target/classes:$(cat engine/target/runtime-classpath.txt)"
cp="$cp:$(cat emulator/target/runtime-classpath.txt)"
javac -d "$classes" -cp "$cp" $(find bench/upload/src -name '*.java')

# The transient S3 store keeps objects in memory; the harness deletes them after each case.
java -Xmx12g -cp "$classes:$cp" io.jenkins.plugins.sagemaker.bench.upload.UploadBenchmark "$@"
