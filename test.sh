#!/usr/bin/env bash
# Runs every test: unit tests (JUnit 5) in each module, container tests (Pax Exam against
# the assembled distribution) and browser tests (headless Chromium) in karaf-features/itests.
# Installs Debian's Chromium, ChromeDriver, poppler-utils (pdftotext) and PostgreSQL when they are missing, and starts a
# throw-away PostgreSQL server on 127.0.0.1 for the test that migrates the whole platform on
# PostgreSQL (set CONGSO_SKIP_POSTGRES=1 to leave it out). Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_install() {
  echo "Installing $* from Debian's packages..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@"
}

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  apt_install chromium chromium-driver
fi
# The PDF tests read their documents back with pdftotext (Vietnamese text, links, pages).
if [ ! -x /usr/bin/pdftotext ]; then
  apt_install poppler-utils
fi

postgres_args=()
if [ "${CONGSO_SKIP_POSTGRES:-0}" != 1 ]; then
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt_install postgresql
  fi
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  pg_dir=$(mktemp -d /tmp/congso-pg.XXXXXX)
  pg_port=${CONGSO_PG_PORT:-15432}
  pg_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  # PostgreSQL refuses to run as root: as root, run it as Debian's postgres user.
  as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
  printf '%s\n' "$pg_password" > "$pg_dir/pw" && chmod 600 "$pg_dir/pw"
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir/pw"
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U congso --pwfile="$pg_dir/pw" -A scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log"
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" >/dev/null
  stop_postgres() {
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  }
  trap stop_postgres EXIT
  PGPASSWORD="$pg_password" "$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U congso -d postgres \
    -c "CREATE DATABASE congso ENCODING 'UTF8'"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port for the PostgreSQL migration test"
  postgres_args=("-Dcongso.postgres.url=jdbc:postgresql://127.0.0.1:$pg_port/congso"
    "-Dcongso.postgres.user=congso" "-Dcongso.postgres.password=$pg_password")
fi

# install (not just verify): the features check and the Pax Exam tests resolve our bundles
# through the local Maven repository.
mvn -B install "${postgres_args[@]}" "$@"
