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

# `make sanitize` runs the Swift tests under AddressSanitizer (with LeakSanitizer), then
# under ThreadSanitizer, each built in its own folder. The nnlab that the tests start is
# built with the same sanitizer, and the options reach it through the environment: every
# report, from the test process or from any nnlab it starts, is written to a file in
# .build-sanitizer-logs, and a run with any such file fails whatever the tests said (a
# child that expected to fail, or that is killed on purpose, cannot hide a report).
# scripts/lsan.supp and scripts/asan.supp list the reports that are not nnlab's, each with
# its reason.
SANITIZER_LOGS := $(CURDIR)/.build-sanitizer-logs
ASAN_ENV := ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:exitcode=86:log_path=$(SANITIZER_LOGS)/asan:suppressions=$(CURDIR)/scripts/asan.supp \
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp:print_suppressions=0
TSAN_ENV := TSAN_OPTIONS=halt_on_error=0:exitcode=66:second_deadlock_stack=1:log_path=$(SANITIZER_LOGS)/tsan
# Runs the tests of the build in $(1) with the environment $(2), then fails on a failed
# test or on any report file named $(3).*.
sanitized_test = rm -rf $(SANITIZER_LOGS)/$(3).*; mkdir -p $(SANITIZER_LOGS); \
	status=0; $(2) $(SWIFT) test --skip-build --sanitize=$(1) --scratch-path .build-$(3) || status=$$?; \
	if ls $(SANITIZER_LOGS)/$(3).* >/dev/null 2>&1; then \
	  cat $(SANITIZER_LOGS)/$(3).*; \
	  echo "make sanitize: the $(1) sanitizer reported the problems above (in $(SANITIZER_LOGS))" >&2; exit 1; \
	fi; \
	if [ $$status -ne 0 ]; then echo "make sanitize: tests failed under the $(1) sanitizer" >&2; fi; \
	exit $$status

.PHONY: sanitize
sanitize:
	@scripts/install-prerequisites test
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	@$(call sanitized_test,address,$(ASAN_ENV),asan)
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	@$(call sanitized_test,thread,$(TSAN_ENV),tsan)
