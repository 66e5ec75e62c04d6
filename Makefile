# scanpage: the only entry points a person needs.
#
#   make serve   build, then serve the page on http://127.0.0.1:8080
#   make test    everything: vet, Go tests natively and in wasm under node,
#                the JS library under node, the page in Chromium
#   make bench   benchmarks against the peers; writes BENCHMARKS.md
#   make fuzz    runs every fuzz target for FUZZTIME each
#
# Everything generated goes to build/ (never committed):
#   build/package/   the JS library as its npm package: loader, worker, types, wasm, wasm_exec.js
#   build/site/      the served page: index.html, dist/, the package's files, sw.js, .br/.gz twins
#   build/serve      the page's server
#   build/scanpage   the command line (scanpage check)

GO        ?= go
GOROOT    := $(shell $(GO) env GOROOT)
WASM_EXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
VERSION   := $(shell git describe --always --dirty 2>/dev/null || echo dev)
ADDR      ?= 127.0.0.1:8080
FUZZTIME  ?= 30s

PKG  := build/package
SITE := build/site

GO_SOURCES := go.mod go.sum $(shell find schema preview wasm third_party -name '*.go' -not -name '*_test.go' 2>/dev/null) \
	$(shell find schema preview \( -name '*.json' -o -name '*.tmpl' -o -name '*.css' \) -not -path '*/testdata/*' 2>/dev/null)
NODE_MODULES := node_modules/.package-lock.json

# The library: its JS half (wasm/js) and what the build adds beside it.
LIB_SOURCES := scanpage.js scanpage-node.js scanpage.cjs scanpage-worker.js scanpage.d.ts elements.js elements.d.ts
PKG_FILES   := $(addprefix $(PKG)/,$(LIB_SOURCES) scanpage.wasm wasm_exec.js create-product.schema.json)

# The page: sources bundled by esbuild, with the samples embedded.
PAGE_SOURCES := $(wildcard www/src/*.js www/src/*.css) $(wildcard samples/0*)
# The package's files the page loads at run time, as any static site would.
SITE_LIB := $(addprefix $(SITE)/,scanpage.js scanpage-worker.js scanpage.wasm wasm_exec.js create-product.schema.json)
# What the service worker caches; its version is a hash of these.
SHELL_FILES := $(SITE)/index.html $(SITE)/dist/boot.js $(SITE)/dist/app.js $(SITE)/dist/app.css $(SITE)/dist/catalogue-worker.js $(SITE)/scanpage.js \
	$(SITE)/scanpage-worker.js $(SITE)/scanpage.wasm $(SITE)/wasm_exec.js $(SITE)/favicon.svg $(SITE)/create-product.schema.json
# Files sent to the browser compressed, with their precompressed twins.
COMPRESSED := $(SITE)/scanpage.wasm $(SITE)/wasm_exec.js $(SITE)/scanpage.js $(SITE)/scanpage-worker.js \
	$(SITE)/create-product.schema.json $(SITE)/dist/boot.js $(SITE)/dist/app.js $(SITE)/dist/app.css $(SITE)/dist/catalogue-worker.js

# Tests that need Chromium or zbarimg skip without them under plain `go test`;
# here they must run.
export SCANPAGE_NO_SKIP := 1

.PHONY: all build package site serve test test-go test-wasm test-js vet bench bench-page bench-catalogue fuzz fuzz-share clean
.DELETE_ON_ERROR:

all: build

build: package site build/serve build/scanpage

package: $(PKG_FILES) $(PKG)/package.json $(PKG)/LICENSE $(PKG)/README.md build/scanpage.tgz

# The npm package: its manifest (version from git), licences and README
# (with the shipped sizes measured), and the tarball npm pack makes of it.
$(PKG)/package.json: wasm/js/package.json wasm/js/tools/manifest.mjs build/git-describe
	@mkdir -p $(@D)
	node wasm/js/tools/manifest.mjs $< $@ "$(VERSION)"
$(PKG)/LICENSE: wasm/js/LICENSE.head $(GOROOT)/LICENSE
	@mkdir -p $(@D)
	cat $^ > $@
$(PKG)/README.md: wasm/js/README.md wasm/js/tools/readme.mjs $(PKG)/scanpage.wasm $(PKG)/wasm_exec.js $(PKG)/scanpage.js $(PKG)/scanpage-worker.js $(PKG)/elements.js
	node wasm/js/tools/readme.mjs $< $@ $(PKG)
build/scanpage.tgz: $(PKG_FILES) $(PKG)/package.json $(PKG)/LICENSE $(PKG)/README.md
	rm -f build/scanpage-*.tgz
	cd build && npm pack --silent ./package >/dev/null
	cp build/scanpage-*.tgz $@

# The version the package says, rewritten only when git describe changes.
build/git-describe: FORCE
	@mkdir -p $(@D); echo "$(VERSION)" | cmp -s - $@ || echo "$(VERSION)" > $@
FORCE:

site: $(SITE_LIB) $(SITE)/index.html $(SITE)/favicon.svg $(SITE)/dist/app.js $(COMPRESSED:=.br) $(SITE)/sw.js

$(PKG)/scanpage.wasm: $(GO_SOURCES)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w -X main.version=$(VERSION)' -o $@ ./wasm

# The Go runtime glue must come from the toolchain that built the wasm.
$(PKG)/wasm_exec.js: $(GOROOT)/lib/wasm/wasm_exec.js
	@mkdir -p $(@D)
	cp $< $@

# The published JSON Schema: the page's editor completes with it, and any
# other tool may use it.
$(PKG)/create-product.schema.json: schema/create-product.schema.json
	@mkdir -p $(@D)
	cp $< $@

$(addprefix $(PKG)/,$(LIB_SOURCES)): $(PKG)/%: wasm/js/%
	@mkdir -p $(@D)
	cp $< $@

$(SITE_LIB): $(SITE)/%: $(PKG)/%
	@mkdir -p $(@D)
	cp $< $@

$(SITE)/index.html $(SITE)/favicon.svg: $(SITE)/%: www/%
	@mkdir -p $(@D)
	cp $< $@

# The page's bundle (CodeMirror and our modules; the library stays external).
$(SITE)/dist/app.js: $(PAGE_SOURCES) www/tools/bundle.mjs $(NODE_MODULES)
	node www/tools/bundle.mjs $(SITE)/dist
$(SITE)/dist/app.css $(SITE)/dist/boot.js $(SITE)/dist/catalogue-worker.js: $(SITE)/dist/app.js ;

# The service worker, versioned by the files it caches.
$(SITE)/sw.js: www/src/sw.js www/tools/stamp.mjs Makefile $(SHELL_FILES)
	node www/tools/stamp.mjs $(SITE)

%.br: % www/tools/compress.mjs
	node www/tools/compress.mjs $<

build/serve: www/serve/main.go go.mod
	$(GO) build -o $@ ./www/serve

# The command line: scanpage check, native.
build/scanpage: $(GO_SOURCES) $(shell find cmd -name '*.go' -not -name '*_test.go' 2>/dev/null)
	$(GO) build -trimpath -ldflags='-X main.version=$(VERSION)' -o $@ ./cmd/scanpage

$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

serve: build
	./build/serve -addr $(ADDR) -dir $(SITE)

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo 'gofmt: the files above need formatting'; exit 1; }
	third_party/verify.sh

test-go:
	$(GO) test ./...
	cd third_party/gojsonschema && $(GO) test ./...

test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" ./...

JS_TESTS := $(wildcard wasm/js/test/*.test.mjs www/test/*.test.mjs bench/test/*.test.mjs)

test-js: build $(NODE_MODULES)
	node --test --test-reporter=spec $(JS_TESTS)

test: vet test-go test-wasm test-js

bench: build $(NODE_MODULES)
	node bench/run.mjs

# A catalogue alone: scanpage check on CATALOGUE_N (default 100,000) generated
# documents, next to Ajv and a JS API loop (also a step of make bench).
bench-catalogue: build $(NODE_MODULES)
	@mkdir -p build/bench
	node bench/catalogue.mjs > build/bench/catalogue.json
	node -e 'import("./bench/catalogue.mjs").then((m) => console.log(m.catalogueSection(JSON.parse(require("fs").readFileSync("build/bench/catalogue.json", "utf8")))))'

# The page in Chromium: keystroke → diagnostics + preview, cold load, repeat visit.
bench-page: build $(NODE_MODULES)
	node bench/page.mjs

fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done
	$(MAKE) fuzz-share

# Share-link decoding (www/src/share.js) under Node, for SHARE_FUZZTIME seconds.
SHARE_FUZZTIME ?= 20
fuzz-share:
	node www/test/share-fuzz.mjs $(SHARE_FUZZTIME)

clean:
	rm -rf build
