#!/usr/bin/env bash
# Runs every test: unit tests (JUnit 5) in each module, container tests (Pax Exam against
# the assembled distribution) and browser tests (headless Chromium) in karaf-features/itests.
# Installs Debian's Chromium and ChromeDriver when they are missing. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "Installing Chromium and ChromeDriver from Debian's packages..."
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
fi

# install (not just verify): the features check and the Pax Exam tests resolve our bundles
# through the local Maven repository.
exec mvn -B install "$@"
