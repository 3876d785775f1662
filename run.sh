#!/usr/bin/env bash
# Starts CongSo in the foreground with embedded Derby at http://localhost:8181
# (CONGSO_HTTP_PORT changes the port). Builds whatever is missing first. Ctrl-C stops it.
# Works without a terminal too: the Karaf console is reached with bin/client (see README).
set -euo pipefail
cd "$(dirname "$0")"

ASSEMBLY=karaf-features/distribution/target/assembly
HOME_DIR="${CONGSO_HOME:-$PWD/.congso}"

need_build() {
  [ -x "$ASSEMBLY/bin/karaf" ] || return 0
  # Any source or build file newer than the assembly means it is out of date.
  [ -n "$(find pom.xml core plugins themes karaf-features -path '*/target' -prune -o \
          -type f -newer "$ASSEMBLY/etc/startup.properties" -print -quit)" ]
}

if need_build; then
  echo "Building CongSo (first run or sources changed)..."
  # plugins/archetype too: the plugin archetype of README's "Writing a plugin" must be in ~/.m2.
  mvn -B -q install -DskipTests -Darchetype.test.skip -pl karaf-features/distribution,plugins/archetype -am
fi

# The runtime lives outside target/ so that 'mvn clean' never deletes its data.
if [ ! -x "$HOME_DIR/bin/karaf" ] || [ "$ASSEMBLY/etc/startup.properties" -nt "$HOME_DIR/.built-from" ]; then
  mkdir -p "$HOME_DIR"
  # Code and defaults come from the new build; data/ (the database) and edited etc/ files stay.
  for d in bin lib system; do rm -rf "${HOME_DIR:?}/$d"; cp -r "$ASSEMBLY/$d" "$HOME_DIR/$d"; done
  mkdir -p "$HOME_DIR/etc" "$HOME_DIR/deploy"
  cp -rn "$ASSEMBLY/etc/." "$HOME_DIR/etc/"
  cp "$ASSEMBLY/etc/startup.properties" "$ASSEMBLY/etc/org.apache.karaf.features.cfg" "$HOME_DIR/etc/"
  # Older builds trusted the repository's public TEST signing certificate; anyone can sign with
  # its key, so a home made by them stops trusting it (karaf-features/signing/README.md).
  if cmp -s karaf-features/signing/congso-test-signer.pem "$HOME_DIR/etc/congso-trust/congso-test-signer.pem"; then
    rm -f "$HOME_DIR/etc/congso-trust/congso-test-signer.pem"
    echo "Removed the public test signing certificate from $HOME_DIR/etc/congso-trust/"
  fi
  # Bundles cached from an older build must not shadow the new ones.
  rm -rf "$HOME_DIR/data/cache" "$HOME_DIR/data/tmp"
  touch "$HOME_DIR/.built-from"
fi

# The Karaf console has no default user: the first start creates 'admin' with a random password.
if ! grep -q '^admin *=' "$HOME_DIR/etc/users.properties"; then
  PASSWORD="$(head -c 18 /dev/urandom | base64 | tr -d '/+=' | head -c 20)"
  umask 077
  mkdir -p "$HOME_DIR/data"
  printf '%s\n' "$PASSWORD" > "$HOME_DIR/data/console-password"
  {
    echo "admin = $PASSWORD,_g_:admingroup"
    echo '_g_\:admingroup = group,admin,manager,viewer,systembundles,ssh'
  } >> "$HOME_DIR/etc/users.properties"
  chmod 600 "$HOME_DIR/etc/users.properties"
  echo "Karaf console user 'admin' created; its password is in $HOME_DIR/data/console-password"
fi

echo "CongSo starting at http://localhost:${CONGSO_HTTP_PORT:-8181}/ (Ctrl-C stops it)"
export JAVA_OPTS="${JAVA_OPTS:-} -Djava.awt.headless=true"
exec "$HOME_DIR/bin/karaf" run
