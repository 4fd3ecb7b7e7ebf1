package config

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// newFlagSource returns a FlagSource over fallback and the flag set that
// holds its flag, as an analyzer's Flags would.
func newFlagSource(t *testing.T, fallback Source) (*FlagSource, *flag.FlagSet) {
	t.Helper()
	fs := flag.NewFlagSet("spanend", flag.ContinueOnError)
	s := WithFlag(fs, fallback, testRules)
	if fs.Lookup(FlagName) == nil {
		t.Fatalf("WithFlag defined no -%s flag", FlagName)
	}
	return s, fs
}

func writeFile(t *testing.T, path, data string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestFlagSource(t *testing.T) {
	tmp := t.TempDir()
	quiet := writeFile(t, filepath.Join(tmp, "cfg", "quiet.yml"), "disable: [TL201]\n")
	loud := writeFile(t, filepath.Join(tmp, "loud.yml"), "enable: [TL204]\n")
	fallback := Default()
	fallback.Spanend.InferWrappers = false // tells the fallback apart from the defaults
	s, fs := newFlagSource(t, fallback)

	// Unset: the fallback, for every directory.
	for _, dir := range []string{tmp, "elsewhere"} {
		if got, err := s.For(dir); err != nil || got != fallback {
			t.Errorf("unset: For(%q) = %p, %v; want the fallback %p", dir, got, err, fallback)
		}
	}

	// Set: the file, for every directory, loaded once.
	if err := fs.Parse([]string{"-" + FlagName, quiet}); err != nil {
		t.Fatal(err)
	}
	first, err := s.For(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(first.Disable, []string{"TL201"}) || !first.Spanend.InferWrappers || first.Dir != filepath.Dir(quiet) {
		t.Errorf("set: got %+v, want the file's configuration (disable: [TL201], the defaults otherwise, Dir %s)", first, filepath.Dir(quiet))
	}
	if again, err := s.For("elsewhere"); err != nil || again != first {
		t.Errorf("set: For of another directory = %p, %v; want the same configuration %p", again, err, first)
	}

	// Set again, to another file: that file.
	if err := fs.Set(FlagName, loud); err != nil {
		t.Fatal(err)
	}
	if got, err := s.For(tmp); err != nil || !slices.Equal(got.Enable, []string{"TL204"}) || len(got.Disable) != 0 {
		t.Errorf("set to %s: got %+v, %v; want enable: [TL204]", loud, got, err)
	}
	if got := fs.Lookup(FlagName).Value.String(); got != loud {
		t.Errorf("the flag's value is %q, want %q", got, loud)
	}

	// Set to empty: unset again.
	if err := fs.Set(FlagName, ""); err != nil {
		t.Fatal(err)
	}
	if got, err := s.For(tmp); err != nil || got != fallback {
		t.Errorf("set to empty: got %p, %v; want the fallback %p", got, err, fallback)
	}
}

func TestFlagSourceErrors(t *testing.T) {
	tmp := t.TempDir()
	bad := writeFile(t, filepath.Join(tmp, "bad.yml"), "# tracelint\nspanend:\n  infer-wrapers: true\n")
	unknownRule := writeFile(t, filepath.Join(tmp, "rule.yml"), "disable: [TL999]\n")
	for _, tt := range []struct {
		name, path, want string
	}{
		{"unknown key", bad, bad + `:3:3: unknown key "infer-wrapers" in spanend; did you mean "infer-wrappers"?`},
		{"unknown rule", unknownRule, unknownRule + `:1:11: unknown rule "TL999" in disable; known rules: TL201, TL202, TL203, TL204, TL301`},
		{"missing file", filepath.Join(tmp, "nope.yml"), filepath.Join(tmp, "nope.yml") + ": configuration file not found"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, fs := newFlagSource(t, Default())
			if err := fs.Set(FlagName, tt.path); err != nil {
				t.Fatalf("Set: %v; want the file read when a package needs it", err)
			}
			for range 2 { // remembered, not read again
				cfg, err := s.For(tmp)
				var e *Error
				if cfg != nil || !errors.As(err, &e) || err.Error() != tt.want {
					t.Fatalf("For = %v, %v; want the *Error %s", cfg, err, tt.want)
				}
			}
		})
	}
}

// TestFlagSourceRelative checks that a relative path starts at the working
// directory, which is what the package documentation promises for each
// driver.
func TestFlagSourceRelative(t *testing.T) {
	tmp := t.TempDir()
	writeFile(t, filepath.Join(tmp, "tools", "tracelint.yml"), "disable: [TL202]\n")
	t.Chdir(tmp)
	s, fs := newFlagSource(t, Default())
	if err := fs.Set(FlagName, filepath.Join("tools", "tracelint.yml")); err != nil {
		t.Fatal(err)
	}
	cfg, err := s.For(filepath.Join(tmp, "some", "package"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cfg.Disable, []string{"TL202"}) || cfg.Dir != filepath.Join(tmp, "tools") {
		t.Errorf("got %+v, want the file under the working directory, with Dir %s", cfg, filepath.Join(tmp, "tools"))
	}
}

func TestFlagSourceNilFallback(t *testing.T) {
	s, _ := newFlagSource(t, nil)
	cfg, err := s.For(t.TempDir())
	if err != nil || cfg == nil || !cfg.Spanend.InferWrappers {
		t.Errorf("For = %+v, %v; want the defaults", cfg, err)
	}
}

// TestFlagSourceFinderFallback checks the unset flag with a Finder
// behind it, as the exported Analyzers have: each package gets the file
// found for it.
func TestFlagSourceFinderFallback(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, "m/go.mod", "m/a/", "n/go.mod", "n/b/")
	writeFile(t, filepath.Join(root, "m", FileName), "enable: [TL204]\n")
	s, _ := newFlagSource(t, NewFinder("", testRules))
	if cfg, err := s.For(filepath.Join(root, "m", "a")); err != nil || !slices.Equal(cfg.Enable, []string{"TL204"}) {
		t.Errorf("m/a: got %+v, %v; want m/%s", cfg, err, FileName)
	}
	if cfg, err := s.For(filepath.Join(root, "n", "b")); err != nil || len(cfg.Enable) != 0 || cfg.Dir != "" {
		t.Errorf("n/b: got %+v, %v; want the defaults", cfg, err)
	}
}

func TestInlineFlag(t *testing.T) {
	s, fs := newFlagSource(t, Default())
	if fs.Lookup(InlineFlagName) == nil {
		t.Fatalf("WithFlag defined no -%s flag", InlineFlagName)
	}
	if err := fs.Parse([]string{"-" + InlineFlagName, "disable: [TL201]\nspanend:\n  infer-wrappers: false\n"}); err != nil {
		t.Fatal(err)
	}
	cfg, err := s.For(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(cfg.Disable, "TL201") || cfg.Spanend.InferWrappers {
		t.Errorf("the inline configuration was not applied: disable %v, infer-wrappers %v", cfg.Disable, cfg.Spanend.InferWrappers)
	}

	// A mistake names the flag and the line in its text.
	if err := fs.Set(InlineFlagName, "spanend:\n  infer-wrapers: true\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.For(t.TempDir()); err == nil || !strings.Contains(err.Error(), "flag config-yaml:2:") || !strings.Contains(err.Error(), "infer-wrapers") {
		t.Errorf("a misspelt key in the inline flag: %v, want an error naming flag config-yaml:2 and the key", err)
	}

	// Both flags at once is a mistake too.
	path := writeFile(t, filepath.Join(t.TempDir(), "c.yml"), "disable: [TL201]\n")
	if err := fs.Set(FlagName, path); err != nil {
		t.Fatal(err)
	}
	if _, err := s.For(t.TempDir()); err == nil || !strings.Contains(err.Error(), "both set") {
		t.Errorf("with both flags set: %v, want an error", err)
	}

	// Emptied, the inline flag gives way to the file flag.
	if err := fs.Set(InlineFlagName, ""); err != nil {
		t.Fatal(err)
	}
	if cfg, err := s.For(t.TempDir()); err != nil || !slices.Contains(cfg.Disable, "TL201") || !cfg.Spanend.InferWrappers {
		t.Errorf("with the file flag alone: %v, %v", cfg, err)
	}
}
