# DietAudit — build, demo and test entry points.
# `make demo` runs the default audit; `make test` runs every test; `make lint` checks the style;
# `make fuzz` fuzzes the readers.
# They install the system libraries they need first (Debian/Ubuntu, as root or with sudo).

SWIFT        ?= swift
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SYSTEM_PKGS  := libopenblas-dev libsqlite3-dev zlib1g-dev pkg-config libpq-dev postgresql
OUT          ?= out

.PHONY: deps build release demo test lint fuzz clean

## Install the system packages (OpenBLAS, SQLite headers, libpq, PostgreSQL for the engine tests) when any is missing.
deps:
	@missing=""; for p in $(SYSTEM_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product dietaudit

## The default audit: German credit, MLP, EL2N/GraNd/input norm, default ruleset.
## Writes $(OUT)/german-credit.md, $(OUT)/german-credit.json and $(OUT)/dietaudit.sqlite.
## The gate's exit code (1 when findings fail the ruleset) is reported, not treated as a crash.
demo: release
	@mkdir -p $(OUT)
	@./.build/release/dietaudit run audits/german-credit.yaml --db $(OUT)/dietaudit.sqlite --out $(OUT) --json $(OUT)/german-credit.json; \
	code=$$?; if [ $$code -gt 1 ]; then exit $$code; fi; \
	echo "gate exit code: $$code (0 passed, 1 failed); report: $(OUT)/german-credit.md"

test: deps
	python3 scripts/check-package-graph.py
	python3 scripts/check-line-length.py
	$(SWIFT) build --product dietaudit
	$(SWIFT) test

## Style: swift-format's rules and layout (.swift-format: 4 spaces, 120 columns), lines of at most 120 characters
## and function bodies of at most 80 lines in Sources/. Fails listing file:line for each finding.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests
	python3 scripts/check-line-length.py
	python3 scripts/check-function-length.py

## Fuzz the file readers and spec loaders (Fuzz/, a separate package; see docs/FUZZING.md):
## each target runs FUZZ_SECONDS of CPU time (default 600) with libFuzzer and AddressSanitizer, one after the other.
## Fails when any target crashed, hung or drew a sanitizer report. `make fuzz FUZZ_SECONDS=60` for a quick pass.
FUZZ_SECONDS ?= 600
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) SWIFT=$(SWIFT) ./Fuzz/fuzz.sh $(FUZZ_TARGETS)

clean:
	rm -rf .build $(OUT)
