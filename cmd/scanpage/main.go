// Command scanpage checks a whole catalogue of scan/product/create
// documents from the command line, as the page does one at a time:
//
//	scanpage check [-merchant FILE] [-lang zh|en] [-format text|json|sarif|csv] [-j N] PATH...
//
// A PATH is a .json file (one document, or an array of documents), an
// .ndjson/.jsonl file (one document per line), or a folder, searched
// recursively for those. Every document is validated as sp.validate does,
// with the merchant context when given, and the catalogue's cross-document
// rules are applied (schema.Catalogue).
//
// Exit status: 0 no document has an error; 1 some document (or the
// merchant context) has an error; 2 bad usage or an unreadable input (the
// readable ones are still checked and written).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"time"

	"scanpage/schema"
	"scanpage/schema/catalogue"
)

// version is set by the build (-X main.version=...).
var version = "dev"

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// tuneGC trades memory the command has for time: a catalogue run allocates
// a few hundred kilobytes per document and keeps little, so the collector's
// default pace (GOGC=100) spent about a sixth of the run collecting. At
// GOGC=400 under a 320 MiB soft limit a 20,000-document run took a quarter
// less CPU, and a 100,000-document one stays under the 500 MB the catalogue
// issue allows. GOGC or GOMEMLIMIT in the environment override either.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(320 << 20)
	}
}

const usage = `usage: scanpage check [-merchant FILE] [-lang zh|en] [-format text|json|sarif|csv] [-j N] PATH...

Checks scan/product/create documents: .json files (one document, or an array
of documents), .ndjson/.jsonl files (one document per line), or folders of
them, searched recursively.

exit status: 0 no document has an error, 1 some document has an error,
2 bad usage or unreadable input
`

// run is the command with its streams, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "check" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help") {
			fmt.Fprint(stdout, usage)
			return 0
		}
		if len(args) > 0 && args[0] == "version" {
			fmt.Fprintln(stdout, "scanpage", version)
			return 0
		}
		fmt.Fprint(stderr, usage)
		return 2
	}
	fl := flag.NewFlagSet("scanpage check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprint(stderr, usage+"\nflags:\n"); fl.PrintDefaults() }
	merchant := fl.String("merchant", "", "the merchantinfo/get response (JSON file) applied to every document")
	lang := fl.String("lang", "zh", "language of the messages: zh or en")
	format := fl.String("format", "text", "output: text, json, sarif or csv (one row per issue)")
	jobs := fl.Int("j", runtime.NumCPU(), "documents validated at once")
	progress := fl.String("progress", "auto", "progress on stderr: auto (when stderr is a terminal), on or off")
	cpuprofile := fl.String("cpuprofile", "", "write a CPU profile to this file (go tool pprof reads it)")
	memprofile := fl.String("memprofile", "", "write a heap profile, taken after the last document, to this file")
	if err := fl.Parse(args[1:]); err != nil {
		return 2
	}
	if *lang != "zh" && *lang != "en" {
		fmt.Fprintf(stderr, "scanpage check: -lang must be zh or en, not %q\n", *lang)
		return 2
	}
	if *jobs < 1 {
		fmt.Fprintf(stderr, "scanpage check: -j must be at least 1\n")
		return 2
	}
	if fl.NArg() == 0 {
		fmt.Fprint(stderr, "scanpage check: no PATH given\n\n"+usage)
		return 2
	}
	opts := catalogue.Options{Lang: schema.ParseLang(*lang), Workers: *jobs}
	if *merchant != "" {
		b, err := os.ReadFile(*merchant)
		if err != nil {
			fmt.Fprintf(stderr, "scanpage check: merchant context: %v\n", err)
			return 2
		}
		opts.Merchant, opts.MerchantName = string(b), *merchant
	}
	var sink catalogue.Sink
	switch *format {
	case "text":
		sink = catalogue.NewText(stdout, opts.Lang)
	case "json":
		sink = catalogue.NewJSON(stdout)
	case "sarif":
		sink = catalogue.NewSARIF(stdout, version)
	case "csv":
		sink = catalogue.NewCSV(stdout)
	default:
		fmt.Fprintf(stderr, "scanpage check: -format must be text, json, sarif or csv, not %q\n", *format)
		return 2
	}

	unreadable := false
	readErr := func(name string, err error) {
		unreadable = true
		fmt.Fprintf(stderr, "scanpage check: %s: %v\n", name, err)
	}
	inputs := collect(fl.Args(), readErr)
	opts.ReadError = readErr

	show := *progress == "on" || *progress == "auto" && isTerminal(os.Stderr) && stderr == io.Writer(os.Stderr)
	if show {
		p := &meter{w: stderr, start: time.Now()}
		opts.Progress = p.update
		defer p.clear()
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "scanpage check: %v\n", err)
			return 2
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if *memprofile != "" {
		opts.BeforeFinish = func() {
			if f, err := os.Create(*memprofile); err == nil {
				pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
	}
	sum, err := catalogue.Check(ctx, inputs, opts, sink)
	if err != nil {
		fmt.Fprintf(stderr, "scanpage check: %v\n", err)
		return 2
	}
	switch {
	case unreadable:
		return 2
	case sum.Invalid > 0 || sum.Severities[schema.Error] > 0:
		return 1
	}
	return 0
}

// collect turns the paths into inputs: a file as it is (whatever its
// name), a folder's .json/.ndjson/.jsonl files recursively, in lexical
// order. A path that cannot be read is reported to readErr.
func collect(paths []string, readErr func(string, error)) []catalogue.Input {
	var out []catalogue.Input
	add := func(name string) {
		out = append(out, catalogue.Input{Name: name, Open: func() (io.ReadCloser, error) { return os.Open(name) }})
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			readErr(p, err)
			continue
		}
		if !st.IsDir() {
			add(p)
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				readErr(path, err)
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() && catalogue.IsInput(path) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.SkipDir) {
			readErr(p, err)
		}
		sort.Strings(files) // WalkDir is lexical already; kept explicit
		for _, f := range files {
			add(f)
		}
	}
	return out
}

// A meter shows progress on one terminal line, at most ten times a second.
type meter struct {
	w     io.Writer
	start time.Time
	last  time.Time
	shown bool
}

func (m *meter) update(done int) {
	now := time.Now()
	if now.Sub(m.last) < 100*time.Millisecond {
		return
	}
	m.last = now
	rate := float64(done) / now.Sub(m.start).Seconds()
	fmt.Fprintf(m.w, "\r%d documents, %.0f/s ", done, rate)
	m.shown = true
}

func (m *meter) clear() {
	if m.shown {
		fmt.Fprint(m.w, "\r\033[K")
	}
}
