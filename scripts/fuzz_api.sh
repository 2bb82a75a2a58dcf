#!/usr/bin/env bash
# Fuzz the API against its own OpenAPI schema with schemathesis (not part of `make test`: it needs a
# running server and takes minutes). Usage, with a server on the demo data:
#   .venv/bin/python manage.py runserver 127.0.0.1:8001 &
#   bash scripts/fuzz_api.sh http://127.0.0.1:8001 [token ...]
# Each token (`manage.py drf_create_token gumi`) adds a run as that user; one run is anonymous.
# schemathesis lives in its own virtual environment so that it does not pin the project's packages.
set -euo pipefail
base=${1:?usage: fuzz_api.sh BASE_URL [TOKEN ...]}
shift
venv=${FUZZ_VENV:-.venv-fuzz}
[ -x "$venv/bin/st" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet schemathesis; }
run() {
  # --workers 1: two workers can crash on Python 3.11.7. Check the "generated" count: a run that
  # generated nothing also exits 0.
  "$venv/bin/st" run "$base/api/v1/schema/" --workers 1 --max-examples "${MAX_EXAMPLES:-40}" \
    --checks not_a_server_error --phases fuzzing "$@"
}
run
for token in "$@"; do
  run -H "Authorization: Token $token"
done
