#!/usr/bin/env bash
# Nightly refresh: rebuild the site for today's date and put it online. Days left on a 公示, overdue
# status and the removal of personal data after `unpublishAfter` change only when this runs.
# Usage: deploy/refresh.sh <web root>   (run from the project folder, as the user that owns it)
set -euo pipefail
cd "$(dirname "$0")/.."
WEB_ROOT="${1:?usage: deploy/refresh.sh <web root, e.g. /srv/gongkai>}"
# Take the clerks' latest data if the project is a git checkout with a remote (skip otherwise).
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && git remote | grep -q .; then
  git pull --ff-only --quiet
fi
npm run build -- --web-root "$WEB_ROOT"
npm run publish -- "$WEB_ROOT"
