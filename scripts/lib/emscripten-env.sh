# Sourced by the scripts: the environment Debian's Emscripten 3.1.6 needs
# (its optimizer finds acorn through NODE_PATH; its cache must be writable).
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
export EM_CACHE="${EM_CACHE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.cache/emscripten}"
