#!/usr/bin/env bash
# Create or update .venv at the repository root and install ecocheck with its test tools.
# torch is installed first, pinned to 2.13.0: on these machines that is a CPU build on local
# disk, while a looser requirement would pull a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check "torch==2.13.0"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]"
