#!/usr/bin/env bash
# Make sure a Chromium the browser tests can drive is installed, and print its path.
#
# Playwright cannot download its own browser builds on these machines, so the tests
# drive Debian's `chromium` package through `executable_path`. This script finds an
# existing Chromium (or Chrome) and, if there is none, installs Debian's package with
# apt-get. It also installs Node.js from Debian when `node` is missing (the
# assessment's unit tests run under `node --test`), and npm when it is missing (ESLint).
#
# Prints the browser's absolute path on stdout (everything else goes to stderr) and
# exits non-zero, with a message saying why, when no browser can be had.
set -euo pipefail

log() { printf 'ensure-browser: %s\n' "$*" >&2; }

find_chromium() {
    local candidate
    if [[ -n "${CHROMIUM_PATH:-}" && -x "${CHROMIUM_PATH}" ]]; then
        printf '%s\n' "${CHROMIUM_PATH}"
        return 0
    fi
    if [[ -x /usr/bin/chromium ]]; then
        printf '%s\n' /usr/bin/chromium
        return 0
    fi
    for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$candidate" >/dev/null 2>&1; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

apt_updated=0
apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        log "apt-get is not available: install $* yourself (Debian/Ubuntu package names: $*)."
        return 1
    fi
    local sudo=()
    if [[ "$(id -u)" -ne 0 ]]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            log "not root and no sudo: cannot run apt-get to install $*."
            return 1
        fi
    fi
    if [[ "$apt_updated" -eq 0 ]]; then
        log "running apt-get update"
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
        apt_updated=1
    fi
    log "installing $* with apt-get"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@" >&2
}

if ! command -v node >/dev/null 2>&1; then
    apt_install nodejs || { log "FAILED: node is missing and could not be installed."; exit 1; }
fi
# npm installs ESLint from package-lock.json (Debian packages it apart from nodejs).
if ! command -v npm >/dev/null 2>&1; then
    apt_install npm || { log "FAILED: npm is missing and could not be installed."; exit 1; }
fi

if path="$(find_chromium)"; then
    printf '%s\n' "$path"
    exit 0
fi

if ! apt_install chromium; then
    log "FAILED: no Chromium found and Debian's chromium package could not be installed."
    exit 1
fi

if path="$(find_chromium)"; then
    log "installed $("$path" --version 2>/dev/null || echo chromium)"
    printf '%s\n' "$path"
    exit 0
fi
log "FAILED: apt-get reported success but no chromium executable was found."
exit 1
