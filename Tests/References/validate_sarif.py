"""Validates a SARIF log against the published SARIF 2.1.0 JSON schema.

Python 3.11, jsonschema 4.26 (`pip install jsonschema`). The schema itself
(OASIS, sarif-2.1/schema/sarif-schema-2.1.0.json of github.com/oasis-tcs/sarif-spec)
is not part of this repository (OASIS IPR licence); download it and run:

    python3 Tests/References/validate_sarif.py SCHEMA.json LOG.sarif

SARIFReportTests runs this when DIETAUDIT_SARIF_SCHEMA names the schema file.
Exit 0: valid. Exit 1: the first errors are printed.
"""
import json
import sys

import jsonschema

schema_path, log_path = sys.argv[1], sys.argv[2]
with open(schema_path, encoding="utf-8") as handle:
    schema = json.load(handle)
with open(log_path, encoding="utf-8") as handle:
    log = json.load(handle)
validator = jsonschema.Draft4Validator(schema)
errors = sorted(validator.iter_errors(log), key=lambda error: list(error.absolute_path))
for error in errors[:10]:
    print("/".join(str(part) for part in error.absolute_path), error.message)
print("valid" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
