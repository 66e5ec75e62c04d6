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

GO_SOURCES := go.mod go.sum $(shell find schema preview wasm -name '*.go' -not -name '*_test.go' 2>/dev/null) \
	$(shell find schema preview \( -name '*.json' -o -name '*.tmpl' -o -name '*.css' \) -not -path '*/testdata/*' 2>/dev/null)
NODE_MODULES := www/node_modules/.package-lock.json
# Files sent to the browser compressed, with their precompressed twins.
COMPRESSED := www/scanpage.wasm www/wasm_exec.js

.PHONY: all build serve test test-go test-wasm test-js vet bench fuzz clean
.DELETE_ON_ERROR:

all: build

build: www/scanpage.wasm www/wasm_exec.js www/create-product.schema.json build/serve $(COMPRESSED:=.br)

www/scanpage.wasm: $(GO_SOURCES)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w -X main.version=$(VERSION)' -o $@ ./wasm

# The published JSON Schema, served next to the page: its editor completes
# with it, and any other tool may fetch it.
www/create-product.schema.json: schema/create-product.schema.json
	cp $< $@

# The Go runtime glue must come from the toolchain that built the wasm.
www/wasm_exec.js: $(GOROOT)/lib/wasm/wasm_exec.js
	cp $< $@

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

test-go:
	$(GO) test ./...

test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" ./...

test-js: build $(NODE_MODULES)
	cd www && node --test --test-reporter=spec test/*.test.mjs

test: vet test-go test-wasm test-js

bench: build $(NODE_MODULES)
	node www/bench/run.mjs

fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf build www/scanpage.wasm* www/wasm_exec.js* www/create-product.schema.json www/dist
