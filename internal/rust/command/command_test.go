package command

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/tracelint/tracelint/internal/rust/syntax"
)

// The tests of this file run the command with fake parsers, so that they
// tell which files were parsed and run in a build without cgo too; the
// lints see a bare tree and find nothing. The tests that need tree-sitter
// and the lints are in e2e_test.go.

// fakeParsers makes fake parsers that record the sources they parse.
type fakeParsers struct {
	mu     sync.Mutex
	parsed []string
}

func (fp *fakeParsers) new() (syntax.Parser, error) { return fakeParser{fp}, nil }

// fakeParser returns a bare tree for any source, and panics on a source
// that holds "PANIC"; one that holds "UNPARSABLE" is an error.
type fakeParser struct{ all *fakeParsers }

func (p fakeParser) Parse(src []byte) (*syntax.Node, error) {
	p.all.mu.Lock()
	p.all.parsed = append(p.all.parsed, string(src))
	p.all.mu.Unlock()
	switch {
	case bytes.Contains(src, []byte("PANIC")):
		panic("fake parser: PANIC")
	case bytes.Contains(src, []byte("UNPARSABLE")):
		return nil, errUnparsable
	}
	return &syntax.Node{Kind: "source_file", Named: true, End: len(src), Line: 1, Column: 1}, nil
}

func (fakeParser) Close() {}

var errUnparsable = &parseError{}

type parseError struct{}

func (*parseError) Error() string { return "fake parser: unparsable" }

// result is what one run of the command did.
type result struct {
	parsed         []string // the sources parsed, sorted
	stdout, stderr string
	code           int
}

// runFake runs the command as Main does, with fake parsers in place of
// tree-sitter's, in the working directory.
func runFake(t *testing.T, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	fp := &fakeParsers{}
	r := &run{stdout: &out, stderr: &errOut, newParser: fp.new}
	opts, code := r.parseFlags(args)
	if opts != nil {
		code = r.check(opts)
	}
	slices.Sort(fp.parsed)
	return result{fp.parsed, out.String(), errOut.String(), code}
}

// tree writes files, by slash-separated name, under a new temporary
// directory, makes it the working directory and returns it. A file's
// text is its name unless given.
func tree(t *testing.T, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range files {
		name, text, ok := strings.Cut(f, "=")
		if !ok {
			text = name
		}
		write(t, filepath.Join(dir, filepath.FromSlash(name)), text)
	}
	t.Chdir(dir)
	return dir
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// git runs git in dir.
func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// files are the files of the listing tests: each file's text is its name.
var files = []string{
	"main.rs", "src/lib.rs", "src/deep/mod.rs",
	"notes.txt", "src/lib.rs.orig", // not Rust
	"target/debug/build/out.rs", "src/target/gen.rs", // cargo's output
	".hidden/h.rs", "src/.cache/c.rs", // hidden directories
	"ignored/i.rs", "gen.rs", // .gitignore'd, in a git work tree
}

// TestFiles checks which files a run parses, outside git and in a git
// work tree.
func TestRustFiles(t *testing.T) {
	for _, tc := range []struct {
		name string
		git  bool
		args []string
		want []string
	}{
		{"walk", false, nil, []string{"gen.rs", "ignored/i.rs", "main.rs", "src/deep/mod.rs", "src/lib.rs"}},
		{"walk a directory", false, []string{"src"}, []string{"src/deep/mod.rs", "src/lib.rs"}},
		{"walk from a hidden directory", false, []string{".hidden"}, []string{".hidden/h.rs"}},
		{"walk from a target directory", false, []string{"target"}, []string{"target/debug/build/out.rs"}},
		{"files named are checked", false, []string{"notes.txt", "src/target/gen.rs"}, []string{"notes.txt", "src/target/gen.rs"}},
		{"each file once", false, []string{".", "main.rs", "./src/../main.rs"}, []string{"gen.rs", "ignored/i.rs", "main.rs", "src/deep/mod.rs", "src/lib.rs"}},
		// In a work tree, git decides, hidden directories included; the
		// index's src/removed.rs is gone from the disk.
		{"git", true, nil, []string{".hidden/h.rs", "main.rs", "src/.cache/c.rs", "src/deep/mod.rs", "src/lib.rs"}},
		{"git, a directory", true, []string{"src"}, []string{"src/.cache/c.rs", "src/deep/mod.rs", "src/lib.rs"}},
		{"git, an ignored file named", true, []string{"gen.rs", "src/lib.rs"}, []string{"gen.rs", "src/lib.rs"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tree(t, files...)
			if tc.git {
				write(t, filepath.Join(dir, ".gitignore"), "ignored/\n/gen.rs\n")
				write(t, filepath.Join(dir, "src/removed.rs"), "src/removed.rs")
				git(t, dir, "init", "-q")
				git(t, dir, "add", "main.rs", "src/removed.rs")
				if err := os.Remove(filepath.Join(dir, "src/removed.rs")); err != nil {
					t.Fatal(err)
				}
			}
			res := runFake(t, tc.args...)
			if res.code != exitClean || !slices.Equal(res.parsed, tc.want) {
				t.Errorf("tracelint rust %s: exit code %d, parsed %q, want 0 and %q\nstderr:\n%s",
					strings.Join(tc.args, " "), res.code, res.parsed, tc.want, res.stderr)
			}
			if want := summary(nil, len(tc.want), 0) + "\n"; res.stderr != want {
				t.Errorf("stderr %q, want %q", res.stderr, want)
			}
		})
	}
}

// TestFilesOutsideWorkingDirectory checks that a file outside the working
// directory is named by its absolute path, and one below it relatively.
func TestRustFilesOutsideWorkingDirectory(t *testing.T) {
	other := t.TempDir()
	write(t, filepath.Join(other, "x.rs"), "PANIC")
	tree(t, "a.rs=PANIC")
	res := runFake(t, ".", other)
	for _, want := range []string{
		"a.rs:1:1: internal error: tracelint rust stopped on file a.rs: ",
		filepath.ToSlash(filepath.Join(other, "x.rs")) + ":1:1: internal error",
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, res.stdout)
		}
	}
}

// TestMissingPath checks that a path that does not exist is an error,
// after which the other paths are checked.
func TestRustMissingPath(t *testing.T) {
	tree(t, "a.rs")
	res := runFake(t, "nothing", "a.rs")
	if res.code != exitError || !slices.Equal(res.parsed, []string{"a.rs"}) ||
		!strings.HasPrefix(res.stderr, "tracelint rust: stat ") || !strings.Contains(res.stderr, "nothing: no such file or directory\n") ||
		!strings.HasSuffix(res.stderr, "\nno findings in 1 file\n") {
		t.Errorf("exit code %d, parsed %q, stderr:\n%s\nwant 1, a.rs, the missing path named and the summary", res.code, res.parsed, res.stderr)
	}
}

// TestPanic checks that a panic while checking a file is an internal
// error on that file, that the other files are checked, and that the run
// exits with 1.
func TestRustPanic(t *testing.T) {
	tree(t, "a.rs", "b.rs=PANIC", "c.rs")
	for _, jobs := range []string{"1", "2"} {
		res := runFake(t, "-j", jobs)
		want := "b.rs:1:1: internal error: tracelint rust stopped on file b.rs: fake parser: PANIC; please report it with this file's code (no tracelint frame)\n"
		if res.code != exitError || res.stdout != want || !slices.Equal(res.parsed, []string{"PANIC", "a.rs", "c.rs"}) ||
			res.stderr != "1 finding (internal-error ×1) in 3 files\n" {
			t.Errorf("-j %s: exit code %d, parsed %q\nstdout:\n%s\nstderr:\n%s\nwant 1, every file parsed, stdout\n%s",
				jobs, res.code, res.parsed, res.stdout, res.stderr, want)
		}
	}
}

// TestNotChecked checks that a file that cannot be parsed, or read, is an
// error naming it, after which the other files are checked.
func TestRustNotChecked(t *testing.T) {
	dir := tree(t, "a.rs", "b.rs=UNPARSABLE", "c.rs")
	res := runFake(t)
	want := "tracelint rust: b.rs: fake parser: unparsable\nno findings in 2 files; 1 file could not be checked\n"
	if res.code != exitError || res.stderr != want || !slices.Equal(res.parsed, []string{"UNPARSABLE", "a.rs", "c.rs"}) {
		t.Errorf("exit code %d, parsed %q, stderr:\n%s\nwant 1, every file parsed, stderr\n%s", res.code, res.parsed, res.stderr, want)
	}

	if err := os.Chmod(filepath.Join(dir, "c.rs"), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.ReadFile(filepath.Join(dir, "c.rs")); err == nil {
		return // root reads anything
	}
	res = runFake(t, "a.rs", "c.rs")
	want = "tracelint rust: c.rs: permission denied\nno findings in 1 file; 1 file could not be checked\n"
	if res.code != exitError || res.stderr != want {
		t.Errorf("an unreadable file: exit code %d, stderr:\n%s\nwant 1, stderr\n%s", res.code, res.stderr, want)
	}
}

// TestExitCodes checks the exit codes and outputs of runs that find
// nothing, and of command-line mistakes, through Main: flags are parsed
// before the build's lack of cgo, if any, is reported.
func TestRustExitCodes(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string // a part of it
	}{
		{[]string{"-format", "xml"}, exitUsage, `tracelint rust: -format "xml": want text, json, sarif, github` + "\n"},
		{[]string{"-json", "-format", "sarif"}, exitUsage, "-json and -format sarif ask for two formats"},
		{[]string{"-j", "0"}, exitUsage, "-j 0: want 1 or more"},
		{[]string{"-diff"}, exitUsage, "tracelint rust: flag provided but not defined: -diff (tracelint rust -help lists the flags)\n"},
	} {
		var out, errOut bytes.Buffer
		code := Main(tc.args, &out, &errOut)
		if code != tc.code || out.Len() > 0 || !strings.Contains(errOut.String(), tc.stderr) {
			t.Errorf("tracelint rust %s: exit code %d, stdout %q, stderr %q; want %d and a stderr with %q",
				strings.Join(tc.args, " "), code, out.String(), errOut.String(), tc.code, tc.stderr)
		}
	}

	tree(t, "src/lib.rs")
	for _, tc := range []struct {
		args   []string
		stdout string
	}{
		{nil, ""},
		{[]string{"-format", "text"}, ""},
		{[]string{"-format", "json"}, "{}\n"},
		{[]string{"-json"}, "{}\n"},
		{[]string{"-format", "github"}, ""},
	} {
		res := runFake(t, tc.args...)
		if res.code != exitClean || res.stdout != tc.stdout || res.stderr != "no findings in 1 file\n" {
			t.Errorf("tracelint rust %s: exit code %d, stdout %q, stderr %q; want 0, %q and the summary",
				strings.Join(tc.args, " "), res.code, res.stdout, res.stderr, tc.stdout)
		}
	}
	tree(t)
	if res := runFake(t); res.code != exitClean || res.stdout != "" || res.stderr != "no findings in 0 files\n" {
		t.Errorf("no Rust files: exit code %d, stdout %q, stderr %q; want 0 and the summary", res.code, res.stdout, res.stderr)
	}
}

// TestHelp checks -h: the usage on stdout, exit code 0.
func TestRustHelp(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Main([]string{"-h"}, &out, &errOut)
	for _, want := range []string{
		"usage: tracelint rust [-config file] [-format text|json|sarif|github] [-fix] [-j N] [paths]\n",
		"  -config string\n", "  -format string\n", "  -j int\n", "  -json\n",
		"// nolint:pii_in_telemetry",
		"Exit codes: 0 no findings, 3 findings, 1 something could not be checked,\n2 a mistake on the command line.",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the usage lacks %q:\n%s", want, out.String())
		}
	}
	if code != exitClean || errOut.Len() > 0 {
		t.Errorf("exit code %d, stderr %q; want 0 and nothing", code, errOut.String())
	}
}
