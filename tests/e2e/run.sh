#!/usr/bin/env bash
# Serves dist/ with nginx using deploy/nginx.conf (listen and root rewritten for a local,
# unprivileged run), runs the Playwright suite against it, and stops nginx.
# `run.sh --serve` only serves (for looking at the release build by hand).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
port=${E2E_PORT:-8089}
work=$(mktemp -d /tmp/newsfront-e2e.XXXXXX)
site="${E2E_DIST:-$root/dist}"
[ -f "$site/index.html" ] || { echo "dist/ is missing: run make release first" >&2; exit 1; }

sed -e "s#^\(\s*\)listen 80;#\1listen 127.0.0.1:$port;#" \
    -e '/listen \[::\]:80;/d' \
    -e "s#root /var/www/newsfront;#root $site;#" \
    "$root/deploy/nginx.conf" > "$work/site.conf"
# The brotli modules (make browser-tools installs them), loaded by absolute path; without them
# the brotli lines of the deploy config are dropped.
modules=""
for so in /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so /usr/lib/nginx/modules/ngx_http_brotli_static_module.so; do
  [ -f "$so" ] && modules+="load_module $so;"$'\n'
done
[ -n "$modules" ] || sed -i '/^\s*brotli/d' "$work/site.conf"
cat > "$work/nginx.conf" <<CONF
daemon off;
worker_processes 1;
$modules
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $work/access.log;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    sendfile on;
    include $work/site.conf;
}
CONF
nginx -t -q -p "$work" -c "$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf" &
nginx_pid=$!
stop_nginx() { kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; }
trap stop_nginx EXIT
trap 'exit 143' INT TERM
for _ in $(seq 50); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.1
done
kill -0 "$nginx_pid" 2>/dev/null || { echo "nginx did not start:" >&2; cat "$work/error.log" >&2; exit 1; }
cd "$root"
if [ "${1:-}" = "--serve" ]; then
  echo "serving dist/ with deploy/nginx.conf on http://127.0.0.1:$port (Ctrl-C stops)"
  wait $nginx_pid
  exit 0
fi
BASE_URL="http://127.0.0.1:$port" NEWSFRONT_E2E_WORK="$work" NEWSFRONT_E2E_DIST="$site" npx playwright test -c tests/e2e/playwright.config.mjs "$@"
