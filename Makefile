# nnlab: `make report` writes the seed lab report to output/seed-lab, `make test` runs
# every test, `make bench` compares nnlab's speed with the numpy oracle.
SWIFT ?= swift
RELEASE_BIN := $(shell $(SWIFT) build -c release --show-bin-path 2>/dev/null)

.PHONY: report test bench build release clean

report:
	@scripts/install-prerequisites build
	$(SWIFT) build -c release --product nnlab
	$(RELEASE_BIN)/nnlab report

build:
	@scripts/install-prerequisites build
	$(SWIFT) build

test:
	@scripts/install-prerequisites test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 -m pytest -q Tests/browser

bench:
	@scripts/install-prerequisites bench
	$(SWIFT) build -c release
	python3 bench/bench.py --bin $(RELEASE_BIN)

clean:
	rm -rf .build
