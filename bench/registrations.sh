#!/usr/bin/env bash
# 1,000 concurrent registrations (REGISTRATION_BENCH_COUNT) for one event with 20 places, on SQLite, through the
# real app in process (antiforgery, validation, the list lock, the mails through the queue to a real SMTP listener).
# Passes when exactly 20 are confirmed, the rest are waiting, there are no duplicates and no answer is a 5xx
# (every answer must be 200). Cheap enough for CI: about a minute on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
export REGISTRATION_BENCH_COUNT="${REGISTRATION_BENCH_COUNT:-1000}"
start=$(date +%s)
dotnet test tests/Coalition.IntegrationTests \
  --filter "FullyQualifiedName~EventRegistrationTests.Register_200InParallel_ExactlyCapacityConfirmedTheRestWaitingNoDuplicates" \
  --logger "console;verbosity=normal"
echo "registrations: ${REGISTRATION_BENCH_COUNT} concurrent, capacity 20: passed in $(( $(date +%s) - start )) s (build included)"
