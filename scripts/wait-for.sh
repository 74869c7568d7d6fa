#!/usr/bin/env bash
# Waits until a server answers URL with a success status, for at most WAIT_SECONDS (default 30).
# `scripts/wait-for.sh URL [PID]`: with PID (the server started in the background), gives up
# at once if that process has exited. Fails with a message when the server never answers.
set -euo pipefail
url=${1:?usage: scripts/wait-for.sh URL [PID]}
pid=${2:-}
limit=${WAIT_SECONDS:-30}
deadline=$((SECONDS + limit))
until curl -fsS -o /dev/null --connect-timeout 1 --max-time 5 "$url" 2>/dev/null; do
  if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
    echo "wait-for: the server (pid $pid) exited before $url answered" >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "wait-for: $url did not answer within ${limit} s" >&2
    exit 1
  fi
  sleep 0.2
done
