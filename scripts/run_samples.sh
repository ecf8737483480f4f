#!/usr/bin/env bash
# README command (1): set up .venv, then run the main job on the bundled sample documents.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ecocheck extract samples/ --format table
.venv/bin/ecocheck analyze samples/ --format table
.venv/bin/ecocheck batch samples/ --out out/samples --year 2023
