# scanpage: the only entry points a person needs.
#
#   make serve   build, then serve the page on http://127.0.0.1:8080
#   make test    everything: vet, Go tests natively and in wasm under node,
#                the JS API under node, the page in Chromium
#   make bench   benchmarks against the peers; writes BENCHMARKS.md
#   make fuzz    runs every fuzz target for FUZZTIME each

GO        ?= go
GOROOT    := $(shell $(GO) env GOROOT)
WASM_EXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
VERSION   := $(shell git describe --always --dirty 2>/dev/null || echo dev)
ADDR      ?= 127.0.0.1:8080
FUZZTIME  ?= 30s

GO_SOURCES := go.mod go.sum $(shell find schema preview wasm third_party -name '*.go' -not -name '*_test.go' 2>/dev/null) \
	$(shell find schema preview \( -name '*.json' -o -name '*.tmpl' -o -name '*.css' \) -not -path '*/testdata/*' 2>/dev/null)
NODE_MODULES := www/node_modules/.package-lock.json
# The page: sources bundled by esbuild, with the samples embedded.
PAGE_SOURCES := $(wildcard www/src/*.js www/src/*.css) $(wildcard schema/testdata/payloads/*)
# What the service worker caches; its version is a hash of these.
SHELL_FILES := www/index.html www/dist/boot.js www/dist/app.js www/dist/app.css www/scanpage.js www/scanpage-worker.js \
	www/scanpage.wasm www/wasm_exec.js www/favicon.svg www/create-product.schema.json
# Files sent to the browser compressed, with their precompressed twins.
COMPRESSED := www/scanpage.wasm www/wasm_exec.js www/scanpage.js www/scanpage-worker.js www/create-product.schema.json \
	www/dist/boot.js www/dist/app.js www/dist/app.css

.PHONY: all build serve test test-go test-wasm test-js vet bench bench-page fuzz clean
.DELETE_ON_ERROR:

all: build

build: www/scanpage.wasm www/wasm_exec.js www/create-product.schema.json www/dist/app.js build/serve $(COMPRESSED:=.br) www/sw.js

www/scanpage.wasm: $(GO_SOURCES)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w -X main.version=$(VERSION)' -o $@ ./wasm

# The published JSON Schema, served next to the page: its editor completes
# with it, and any other tool may fetch it.
www/create-product.schema.json: schema/create-product.schema.json
	cp $< $@

# The Go runtime glue must come from the toolchain that built the wasm.
www/wasm_exec.js: $(GOROOT)/lib/wasm/wasm_exec.js
	cp $< $@

# The page's bundle (CodeMirror and our modules; scanpage.js stays external).
www/dist/app.js: $(PAGE_SOURCES) www/tools/bundle.mjs $(NODE_MODULES)
	node www/tools/bundle.mjs
www/dist/app.css www/dist/boot.js: www/dist/app.js ;

# The service worker, versioned by the files it caches.
www/sw.js: www/src/sw.js www/tools/stamp.mjs Makefile $(SHELL_FILES)
	node www/tools/stamp.mjs

%.br: % www/tools/compress.mjs
	node www/tools/compress.mjs $<

build/serve: www/serve/main.go go.mod
	$(GO) build -o $@ ./www/serve

$(NODE_MODULES): www/package.json www/package-lock.json
	cd www && npm ci --no-audit --no-fund
	@touch $@

serve: build
	./build/serve -addr $(ADDR) -dir www

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo 'gofmt: the files above need formatting'; exit 1; }
	third_party/verify.sh

test-go:
	$(GO) test ./...

test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" ./...

test-js: build $(NODE_MODULES)
	cd www && node --test --test-reporter=spec test/*.test.mjs

test: vet test-go test-wasm test-js

bench: build $(NODE_MODULES)
	node www/bench/run.mjs

# The page in Chromium: keystroke → diagnostics + preview, cold load, repeat visit.
bench-page: build $(NODE_MODULES)
	node www/bench/page.mjs

fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf build www/scanpage.wasm* www/wasm_exec.js* www/create-product.schema.json www/dist www/sw.js
