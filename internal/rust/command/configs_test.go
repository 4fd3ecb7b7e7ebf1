package command

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestConfig checks which configuration files a run reads, and that a
// broken one stops it with one message naming the file and line.
func TestRustConfig(t *testing.T) {
	const broken = "enable: [TL201]\nspanend: {no-such-option: true}\n"
	for _, tc := range []struct {
		name  string
		files []string
		args  []string
		code  int
		// stderr is what the run prints on stderr; with a %s, which the
		// temporary directory replaces.
		stderr string
	}{{
		name:   "no file: the defaults",
		files:  []string{"src/lib.rs"},
		stderr: "no findings in 1 file\n",
	}, {
		name:   "broken, found from each file's directory",
		files:  []string{".tracelint.yml=" + broken, "a.rs", "src/b.rs", "src/deep/c.rs"},
		code:   exitError,
		stderr: "tracelint rust: %s/.tracelint.yml:2:11: ",
	}, {
		name:   "broken, nearer to the file than a good one",
		files:  []string{".tracelint.yml=disable: [TL401]\n", "a.rs", "src/.tracelint.yml=" + broken, "src/b.rs"},
		code:   exitError,
		stderr: "tracelint rust: %s/src/.tracelint.yml:2:11: ",
	}, {
		name:   "broken, in a directory of no file",
		files:  []string{"a.rs", "docs/.tracelint.yml=" + broken},
		stderr: "no findings in 1 file\n",
	}, {
		name:   "a Rust-only lint named",
		files:  []string{".tracelint.yml=enable: [span_guard_across_await, TL204]\ndisable: [TL401]\n", "a.rs"},
		stderr: "no findings in 1 file\n",
	}, {
		name:   "an unknown lint named",
		files:  []string{".tracelint.yml=disable: [span_guard_across_wait]\n", "a.rs"},
		code:   exitError,
		stderr: "tracelint rust: %s/.tracelint.yml:1:11: ",
	}, {
		name:   "-config: one file for all",
		files:  []string{"ci.yml=disable: [TL401]\n", ".tracelint.yml=" + broken, "a.rs", "src/.tracelint.yml=" + broken, "src/b.rs"},
		args:   []string{"-config", "ci.yml"},
		stderr: "no findings in 2 files\n",
	}, {
		name:   "-config: broken",
		files:  []string{"ci.yml=" + broken, "a.rs"},
		args:   []string{"-config", "ci.yml"},
		code:   exitError,
		stderr: "tracelint rust: ci.yml:2:11: ",
	}, {
		name:   "-config: no such file",
		files:  []string{"a.rs"},
		args:   []string{"-config", "none.yml"},
		code:   exitError,
		stderr: "tracelint rust: none.yml: ",
	}, {
		name:   "-config: broken, and no file to check",
		files:  []string{"ci.yml=" + broken, "notes.txt"},
		args:   []string{"-config", "ci.yml"},
		code:   exitError,
		stderr: "tracelint rust: ci.yml:2:11: ",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tree(t, tc.files...)
			res := runFake(t, tc.args...)
			want := tc.stderr
			if strings.Contains(want, "%s") {
				want = strings.ReplaceAll(want, "%s", filepath.ToSlash(dir))
			}
			ok := res.stderr == want
			if tc.code == exitError {
				// The message, once, and nothing checked.
				ok = strings.HasPrefix(filepath.ToSlash(res.stderr), want) && strings.Count(res.stderr, "\n") == 1 && res.parsed == nil
			}
			if res.code != tc.code || !ok || res.stdout != "" {
				t.Errorf("exit code %d, parsed %q, stdout %q, stderr:\n%s\nwant %d, stderr %q", res.code, res.parsed, res.stdout, res.stderr, tc.code, want)
			}
		})
	}
}

// TestConfigStopsAtRepository checks that the search for a configuration
// file stops at the directory that holds .git.
func TestRustConfigStopsAtRepository(t *testing.T) {
	dir := tree(t, ".tracelint.yml=bad: [", "a.rs", "repo/src/lib.rs")
	git(t, filepath.Join(dir, "repo"), "init", "-q")
	if res := runFake(t, "repo"); res.code != exitClean || res.stderr != "no findings in 1 file\n" {
		t.Errorf("exit code %d, stderr:\n%s\nwant 0: the file above the repository is not read", res.code, res.stderr)
	}
	if res := runFake(t, "a.rs"); res.code != exitError || !strings.HasPrefix(res.stderr, "tracelint rust: "+filepath.Join(dir, ".tracelint.yml")+":2:1: invalid YAML") {
		t.Errorf("a file outside the repository: exit code %d, stderr:\n%s\nwant 1 and the broken file named", res.code, res.stderr)
	}
}

// TestConfigCache checks that a configuration is read once and has one
// checker, whatever the number of directories it serves.
func TestRustConfigCache(t *testing.T) {
	dir := tree(t, ".tracelint.yml=disable: [TL401]\n", "a/b/c.rs", "a/d.rs", "sub/.tracelint.yml=", "sub/e.rs")
	cs := newConfigs("")
	abs := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	c1, err1 := cs.checker(abs("a/b"))
	c2, err2 := cs.checker(abs("a"))
	c3, err3 := cs.checker(abs("sub"))
	if err1 != nil || err2 != nil || err3 != nil {
		t.Fatal(err1, err2, err3)
	}
	if c1 != c2 || c1 == c3 || len(cs.loaded) != 2 || len(cs.checkers) != 2 {
		t.Errorf("checkers %p %p %p, %d files read, %d checkers; want one file and checker for a and a/b, another for sub", c1, c2, c3, len(cs.loaded), len(cs.checkers))
	}
	if got := cs.fileOf[abs("a")]; got != abs(".tracelint.yml") {
		t.Errorf("the file of a: %q, want the one at the root", got)
	}
}
