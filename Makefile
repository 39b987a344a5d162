# nnlab: `make report` writes the seed lab report to output/seed-lab, `make test` runs
# every test, `make bench` compares nnlab's speed with the numpy oracle.
SWIFT ?= swift
RELEASE_BIN := $(shell $(SWIFT) build -c release --show-bin-path 2>/dev/null)
# Release builds link the Swift runtime and Foundation statically: nnlab then starts
# without loading a dozen shared libraries, and runs wherever Graphviz's are installed.
# (Package.swift links a release nnlab with lld, packed relocations and the function order
# of scripts/startup-order.txt.)
# SwiftPM does not link again when only --static-swift-stdlib changed, so the release
# nnlab is removed first (linking it again takes seconds; nothing is recompiled).
RELEASE_BUILD := $(if $(RELEASE_BIN),rm -f $(RELEASE_BIN)/nnlab &&) $(SWIFT) build -c release --static-swift-stdlib

.PHONY: report test bench build release clean install uninstall man startup-order

report: release
	$(RELEASE_BIN)/nnlab report

release:
	@scripts/install-prerequisites build
	$(RELEASE_BUILD) --product nnlab

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
	$(RELEASE_BUILD)
	python3 bench/bench.py --bin $(RELEASE_BIN)

clean:
	rm -rf .build

# `make startup-order` runs the release nnlab's commands under valgrind and writes
# scripts/startup-order.txt again: the functions they run, which release builds put
# together. Run it after large changes or with a new Swift toolchain; then `make release`.
startup-order: release
	@scripts/install-prerequisites startup-order
	scripts/startup-order $(RELEASE_BIN)/nnlab

# `make install PREFIX=/usr/local` (the default) installs nnlab, its templates, its man
# page and its bash, zsh and fish completions; `make uninstall PREFIX=...` removes exactly
# those files. DESTDIR stages the same tree under another root, for packages. The
# installed nnlab finds its templates in ../share/nnlab/templates beside its bin folder.
# INSTALL_BIN installs another build of nnlab instead of building the release one.
PREFIX ?= /usr/local
ROOT := $(DESTDIR)$(PREFIX)
INSTALL_BIN ?=
TEMPLATE_FILES := $(shell cd templates && find . -type f | sort)
INSTALLED_FILES := bin/nnlab share/man/man1/nnlab.1 share/bash-completion/completions/nnlab \
	share/zsh/site-functions/_nnlab share/fish/vendor_completions.d/nnlab.fish \
	$(addprefix share/nnlab/templates/,$(patsubst ./%,%,$(TEMPLATE_FILES)))

install: $(if $(INSTALL_BIN),,release)
	install -D -m 755 $(or $(INSTALL_BIN),$(RELEASE_BIN)/nnlab) "$(ROOT)/bin/nnlab"
	cd templates && for file in $(TEMPLATE_FILES); do \
	  install -D -m 644 "$$file" "$(ROOT)/share/nnlab/templates/$$file" || exit 1; done
	install -D -m 644 docs/nnlab.1 "$(ROOT)/share/man/man1/nnlab.1"
	mkdir -p "$(ROOT)/share/bash-completion/completions" "$(ROOT)/share/zsh/site-functions" \
	  "$(ROOT)/share/fish/vendor_completions.d"
	"$(ROOT)/bin/nnlab" --generate-completion-script bash > "$(ROOT)/share/bash-completion/completions/nnlab"
	"$(ROOT)/bin/nnlab" --generate-completion-script zsh > "$(ROOT)/share/zsh/site-functions/_nnlab"
	"$(ROOT)/bin/nnlab" --generate-completion-script fish > "$(ROOT)/share/fish/vendor_completions.d/nnlab.fish"

# Removes the installed files, then every folder they leave empty (and only those).
uninstall:
	for file in $(INSTALLED_FILES); do rm -f "$(ROOT)/$$file"; done
	for file in $(INSTALLED_FILES); do \
	  folder=$$(dirname "$(ROOT)/$$file"); \
	  while [ "$$folder" != "$(ROOT)" ] && rmdir "$$folder" 2>/dev/null; do folder=$$(dirname "$$folder"); done; \
	done

# `make man` writes docs/nnlab.1 again from the command's own help, with
# swift-argument-parser's generate-manual plugin (run it after changing a command). The
# plugin builds the package in release mode without --static-swift-stdlib, so `make
# install` and `make report` build the release nnlab again.
man:
	$(SWIFT) package generate-manual
	cp .build/plugins/GenerateManual/outputs/nnlab/nnlab.1 docs/nnlab.1

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
