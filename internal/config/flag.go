package config

import (
	"flag"
	"fmt"
	"sync"
)

// FlagName is the name of the analyzer flag that names a configuration
// file: -spanend.config in tracelint or go vet -vettool, the key "config" of
// an analyzer's "analyzer_flags" in a nogo configuration.
const FlagName = "config"

// InlineFlagName is the name of the analyzer flag that holds a
// configuration itself, as YAML text: nogo compiles its analyzer_flags into
// the nogo binary, so a configuration given inline is an input of every nogo
// action, where a file a flag names is not (Bazel's sandbox and remote
// executors do not see it, and editing it re-runs nothing).
const InlineFlagName = "config-yaml"

// FlagSource is a [Source] that an analyzer flag can override: while the
// flag names a file, every package gets the configuration in that file;
// while it is unset or empty, each package gets what the fallback Source
// gives it. Bazel's nogo has no module root to walk up to and no driver
// flag, so the flag is how it configures an analyzer.
//
// A relative path starts at the working directory of the process that runs
// the analyzer, as every path on a command line does: the directory
// tracelint runs in; under nogo, Bazel's execution root; under go vet, the
// directory of the package being checked (go vet runs its tool there), so
// an absolute path is the one that works for every package.
//
// The file is read once, on the first package that needs it, with the
// strictness of [Load]: a problem in it is an [*Error] naming the file and
// line, which For returns for every package. A FlagSource is safe for
// concurrent use.
type FlagSource struct {
	fallback Source
	ruleIDs  []string

	mu     sync.Mutex
	path   string  // the flag's value; "" when unset
	finder *Finder // loads path; nil until the first For after the flag is set
	inline string  // the inline flag's value; "" when unset
	parsed *Config // inline, parsed; nil until the first For after it is set
	err    error   // the error parsing inline gave
}

// WithFlag defines the flag [FlagName] on flags, an analyzer's Flags, and
// returns the Source that obeys it, falling back to fallback (to [Default]
// when fallback is nil). ruleIDs are passed to [Load]: the IDs that enable
// and disable may name, those of every analyzer of the suite, since one
// file usually configures them all.
//
// The flag is parsed after the analyzer is built, so the Source reads it
// when a package asks for its configuration, not here.
func WithFlag(flags *flag.FlagSet, fallback Source, ruleIDs []string) *FlagSource {
	if fallback == nil {
		fallback = Default()
	}
	s := &FlagSource{fallback: fallback, ruleIDs: append([]string(nil), ruleIDs...)}
	flags.Var((*pathFlag)(s), FlagName, "a configuration file ("+FileName+" schema) for every package, "+
		"in place of the configuration found or given otherwise; a relative path starts at "+
		"the working directory of the analysis (under go vet, each package's directory)")
	flags.Var((*inlineFlag)(s), InlineFlagName, "a configuration ("+FileName+" schema) as YAML text, "+
		"for every package, in place of the configuration found or given otherwise; "+
		"for Bazel nogo, where a file the -"+FlagName+" flag names is not an input of the action")
	return s
}

// For returns the configuration for the package in dir: the flag's file
// when the flag is set, else the fallback's configuration.
func (s *FlagSource) For(dir string) (*Config, error) {
	s.mu.Lock()
	if s.inline != "" {
		defer s.mu.Unlock()
		if s.path != "" {
			return nil, fmt.Errorf("the analyzer flags %s and %s are both set; set one", FlagName, InlineFlagName)
		}
		if s.parsed == nil && s.err == nil {
			s.parsed, s.err = Parse([]byte(s.inline), "flag "+InlineFlagName, s.ruleIDs)
			if s.parsed != nil {
				s.parsed.Dir = "" // relative registry paths start at the working directory
			}
		}
		return s.parsed, s.err
	}
	path, finder := s.path, s.finder
	if path != "" && finder == nil {
		// A Finder with an explicit file loads it once and remembers the
		// result, errors included.
		finder = NewFinder(path, s.ruleIDs)
		s.finder = finder
	}
	s.mu.Unlock()
	if path == "" {
		return s.fallback.For(dir)
	}
	return finder.For(dir)
}

// pathFlag is the flag.Value of a FlagSource: its file's path.
type pathFlag FlagSource

func (f *pathFlag) String() string {
	if f == nil { // the flag package calls String on a zero value
		return ""
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.path
}

// Set records the path; the file is read when a package needs it, so that
// its errors come from the analyzer's run with their position.
func (f *pathFlag) Set(path string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if path != f.path {
		f.path, f.finder = path, nil
	}
	return nil
}

// inlineFlag is the flag.Value of a FlagSource's inline configuration.
type inlineFlag FlagSource

func (f *inlineFlag) String() string {
	if f == nil {
		return ""
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.inline
}

// Set records the text; it is parsed when a package needs it, so that its
// errors come from the analyzer's run with their position.
func (f *inlineFlag) Set(text string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if text != f.inline {
		f.inline, f.parsed, f.err = text, nil, nil
	}
	return nil
}
