# Sourced by the scripts: the environment Debian's Emscripten 3.1.6 needs
# (its optimizer finds acorn through NODE_PATH; its cache must be writable).
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"
export EM_CACHE="${EM_CACHE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.cache/emscripten}"
# Debian's config sets FROZEN_CACHE = True, which forbids building into our own
# cache; an empty value turns it off.
export EM_FROZEN_CACHE=""
