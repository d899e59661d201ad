# Duebook build, test and packaging. GNU make; recipes run in bash.
#
#   make run      install what the GUI needs to build, build, make a sample company, start it
#   make test     install what the tests need, go vet, Windows cross-build check, go test
#   make bench    benchmarks (10k / 100k / 1M invoices), one line per figure
#   make windows  cross-build bin/duebook.exe with Debian's mingw-w64 and check it
#   make screens  every screen and main dialog of the sample company as PNGs in bin/screens/
#   make build    bin/duebook
#   make clean    remove bin/ (the Go build cache is kept)
#
# Debian/Ubuntu packages are installed only when missing (apt-get is not called at all when
# everything is there); on other systems a note lists what must be present.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build
# Steps run in the order written, even under make -j (apt must not run twice at once).
.NOTPARALLEL:

GO ?= go
TAGS := migrated_fynedo
# Tests read CI (CI=true: a missing external tool fails the test instead of skipping it).
# Passed on unchanged; left unset when it is unset.
ifneq ($(origin CI),undefined)
export CI
endif

# Sample company for `make run`.
SAMPLE ?= $(HOME)/.local/share/duebook/sample.duebook

# cgo + the GL/X11 headers Fyne's GLFW driver compiles against. gcc only recommends
# libc6-dev, and recommends are not installed, so it is named.
DEPS_RUN := gcc libc6-dev pkg-config libgl1-mesa-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev
# Windows cross-build: the mingw-w64 C compiler, and `file` to check the result.
DEPS_WINDOWS := gcc-mingw-w64-x86-64 file
# Tests: Xvfb for the real-window test, pdftotext/pdftoppm, a Dovecot IMAP server.
DEPS_TEST := $(DEPS_RUN) xvfb xauth poppler-utils dovecot-imapd $(DEPS_WINDOWS)

.PHONY: build run test bench windows screens clean deps-run deps-test deps-windows deps-screens check-go

# $(call apt_install,PACKAGES): install the packages that are not installed yet.
define apt_install
	@missing=""; \
	if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "note: not a Debian/Ubuntu system (no dpkg); make sure these (or your system's equivalents) are installed: $(strip $(1))"; \
	else \
		for p in $(1); do \
			status=$$(dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null || true); \
			case "$$status" in *'install ok installed'*) ;; *) missing="$$missing $$p";; esac; \
		done; \
		if [ -z "$$missing" ]; then \
			echo "apt packages: all $(words $(1)) present, nothing to install"; \
		else \
			sudo=""; \
			if [ "$$(id -u)" -ne 0 ]; then \
				if command -v sudo >/dev/null 2>&1; then \
					sudo=sudo; \
				else \
					echo "error: missing packages:$$missing; run this as root or install them yourself" >&2; \
					exit 1; \
				fi; \
			fi; \
			echo "apt packages: installing$$missing"; \
			$$sudo apt-get update; \
			$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
		fi; \
	fi
endef

deps-run:
	$(call apt_install,$(DEPS_RUN))

deps-test:
	$(call apt_install,$(DEPS_TEST))

deps-windows:
	$(call apt_install,$(DEPS_WINDOWS))

# imagemagick: its `import` reads the window from the X server, since under Xvfb the GL
# read-back is empty and Fyne's software painter draws fields outside a scrolled form.
deps-screens:
	$(call apt_install,$(DEPS_RUN) xvfb xauth imagemagick)

check-go:
	@if ! command -v $(GO) >/dev/null 2>&1; then \
		v=$$(sed -n 's/^go //p' go.mod); \
		arch=$$(uname -m | sed 's/x86_64/amd64/; s/aarch64/arm64/'); \
		echo "error: the Go toolchain ('$(GO)') is not installed or not on PATH." >&2; \
		echo "  Install Go $$v or newer from https://go.dev/dl/, for example:" >&2; \
		echo "    curl -LO https://go.dev/dl/go$$v.linux-$$arch.tar.gz" >&2; \
		echo "    sudo rm -rf /usr/local/go && sudo tar -C /usr/local -xzf go$$v.linux-$$arch.tar.gz" >&2; \
		echo "    export PATH=\$$PATH:/usr/local/go/bin" >&2; \
		echo "  then run make again (or pass GO=/path/to/go)." >&2; \
		exit 1; \
	fi

build: check-go deps-run
	$(GO) build -tags $(TAGS) -o bin/duebook .

run: build
	@if [ ! -f "$(SAMPLE)" ]; then \
		mkdir -p "$$(dirname "$(SAMPLE)")"; \
		echo "making a sample company: $(SAMPLE)"; \
		./bin/duebook demo -o "$(SAMPLE)" -customers 60 -invoices 1500 -seed 1 \
			|| { rm -f "$(SAMPLE)" "$(SAMPLE)-wal" "$(SAMPLE)-shm"; exit 1; }; \
	fi
	./bin/duebook -db "$(SAMPLE)"

# Cross-build for 64-bit Windows as a GUI program (no console window), then check that the
# file really is one: MZ header, PE signature, x86-64, PE32+ optional header, subsystem 2 (GUI).
define windows_build
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -tags $(TAGS) -ldflags "-H=windowsgui" -o bin/duebook.exe .
	@f=bin/duebook.exe; \
	hex() { od -An -tx1 -v -j "$$1" -N "$$2" "$$f" | tr -d ' \n'; }; \
	bad() { echo "error: $$f is not a 64-bit Windows GUI executable: $$1" >&2; exit 1; }; \
	[ "$$(hex 0 2)" = 4d5a ] || bad "no MZ header"; \
	set -- $$(od -An -tu1 -v -j 60 -N 4 "$$f"); \
	pe=$$(( $$1 + 256 * $$2 + 65536 * $$3 + 16777216 * $$4 )); \
	[ "$$(hex $$pe 4)" = 50450000 ] || bad "no PE signature at offset $$pe"; \
	[ "$$(hex $$(( pe + 4 )) 2)" = 6486 ] || bad "machine is not x86-64"; \
	[ "$$(hex $$(( pe + 24 )) 2)" = 0b02 ] || bad "optional header is not PE32+"; \
	[ "$$(hex $$(( pe + 24 + 68 )) 2)" = 0200 ] || bad "subsystem is not GUI (2)"; \
	if command -v file >/dev/null 2>&1; then \
		desc=$$(file -b "$$f"); \
		case "$$desc" in *PE32+*GUI*) ;; *) bad "file(1) says: $$desc";; esac; \
	fi; \
	echo "$$f: PE32+ x86-64 Windows GUI executable, $$(( $$(wc -c < "$$f") / 1048576 )) MiB"
endef

windows: check-go deps-windows
	$(windows_build)

# go test comes last so that the output ends with its summary.
test: check-go deps-test
	$(GO) vet -tags $(TAGS) ./...
	$(windows_build)
	$(GO) test -tags $(TAGS) -timeout 40m ./...

# make bench: the figures of issue 14 with the real binary at 100k and 1M invoices beside
# their targets, one line each, plus the C sqlite3 CLI on the same as-of aging query
# (bench/bench.sh; sqlite3 and time are installed when missing; the sample companies are
# cached in bin/bench/). make bench-go runs every Go benchmark once. No timed assertion is
# part of go test.
.PHONY: bench-go
bench-go: check-go deps-test
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchtime 1x -timeout 60m ./...
bench: build
	$(call apt_install,sqlite3 time)
	GO=$(GO) TAGS=$(TAGS) bench/bench.sh bin/duebook

# The real window under Xvfb on a fresh sample company, at each size: the screens tour
# (app/screens_tour.go, build tag "screens") opens every screen and main dialog in turn and
# saves it as bin/screens/WxH-NN-name.png, then quits. A line saying TOO SMALL means a
# screen needs more room than the size given.
SCREEN_SIZES := 1280x800 1024x640
screens: check-go deps-screens
	$(GO) build -tags "$(TAGS) screens" -o bin/duebook-screens .
	rm -rf bin/screens bin/screens-work
	mkdir -p bin/screens bin/screens-work
	./bin/duebook-screens demo -o bin/screens-work/sample.duebook -customers 60 -invoices 1500 -seed 1
	for size in $(SCREEN_SIZES); do \
		DUEBOOK_CONFIG_DIR="$$PWD/bin/screens-work/config" DUEBOOK_SCREENS="$$PWD/bin/screens" DUEBOOK_SCREENS_SIZE=$$size \
			timeout 300 xvfb-run -a -s "-screen 0 $${size}x24" ./bin/duebook-screens -db bin/screens-work/sample.duebook; \
	done
	rm -rf bin/screens-work
	@echo "screens: $$(ls bin/screens | wc -l) PNG files in bin/screens/"

clean:
	rm -rf bin/
