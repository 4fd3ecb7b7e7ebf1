package driver

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/tracelint/tracelint/internal/finding"
)

// loadMode is what the analyzers need: syntax and types of the packages
// named, export data of their dependencies (tracelint declares no facts).
const loadMode = packages.LoadSyntax | packages.NeedModule

// loaded are the packages the patterns matched, sorted into those that
// can be checked and those that cannot.
type loaded struct {
	// clean are the packages that type-check: each package before its
	// test variants, so that a finding in a file of both is credited to
	// the package.
	clean []*packages.Package
	// broken are the packages that do not, in the same order.
	broken []*packages.Package
	// checked and failed are the import paths of the packages, a package
	// and its tests counted once, that were checked, and that were not
	// (or not all of their variants).
	checked, failed map[string]bool
}

// load loads the packages the patterns name and prints the errors of each
// package that does not type-check, once, naming it.
func (r *run) load(patterns []string) (*loaded, error) {
	cfg := &packages.Config{Mode: loadMode, Tests: r.opts.tests}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	slices.SortFunc(pkgs, func(a, b *packages.Package) int {
		return cmp.Or(cmp.Compare(variant(a), variant(b)), strings.Compare(a.ID, b.ID))
	})
	l := &loaded{checked: make(map[string]bool), failed: make(map[string]bool)}
	printed := make(map[string]bool)
	// The test binaries: "x.test" of each test variant "x [x.test]".
	binaries := make(map[string]bool)
	for _, p := range pkgs {
		if _, variant, ok := strings.Cut(p.ID, " ["); ok {
			binaries[strings.TrimSuffix(variant, "]")] = true
		}
	}
	for _, p := range pkgs {
		if binaries[p.ID] {
			continue // the generated main of a test binary: nothing of the user's
		}
		if len(p.Errors) == 0 && !p.IllTyped {
			l.clean = append(l.clean, p)
			l.checked[basePath(p)] = true
			continue
		}
		l.broken = append(l.broken, p)
		l.failed[basePath(p)] = true
		r.printErrors(p, printed)
	}
	return l, nil
}

// variant is 1 for a test variant of a package ("x [x.test]"), else 0.
func variant(p *packages.Package) int {
	if p.ID != p.PkgPath {
		return 1
	}
	return 0
}

// basePath is the import path of the package p belongs to, its external
// test package ("x_test") counted with it.
func basePath(p *packages.Package) string {
	if strings.HasSuffix(p.Name, "_test") {
		return strings.TrimSuffix(p.PkgPath, "_test")
	}
	return p.PkgPath
}

// printErrors prints the errors of p, which does not type-check, each
// once (a package's test variant repeats them): its own type and syntax
// errors when it has some, else its other errors, else those of the
// dependencies that keep it from type-checking.
func (r *run) printErrors(p *packages.Package, printed map[string]bool) {
	errs := p.Errors
	var typed []packages.Error
	for _, e := range errs {
		if e.Kind == packages.TypeError || e.Kind == packages.ParseError {
			typed = append(typed, e)
		}
	}
	if len(typed) > 0 {
		// go list's own report of a failed compile repeats them.
		errs = typed
	}
	if len(errs) == 0 {
		r.printDependencyErrors(p, printed, make(map[*packages.Package]bool))
		return
	}
	for _, e := range errs {
		line := fmt.Sprintf("package %s: %s", p.PkgPath, r.errorText(e))
		if !printed[line] {
			printed[line] = true
			r.errorf("%s", line)
		}
	}
}

// printDependencyErrors prints the errors of the dependencies of p that
// have some.
func (r *run) printDependencyErrors(p *packages.Package, printed map[string]bool, seen map[*packages.Package]bool) {
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	for _, path := range paths {
		dep := p.Imports[path]
		if seen[dep] {
			continue
		}
		seen[dep] = true
		if len(dep.Errors) > 0 {
			r.printErrors(dep, printed)
		} else {
			r.printDependencyErrors(dep, printed, seen)
		}
	}
}

// errorText is e with its file relative to the working directory, and
// the lines of a message of several indented.
func (r *run) errorText(e packages.Error) string {
	msg := strings.ReplaceAll(strings.TrimSpace(e.Msg), "\n", "\n\t")
	if e.Pos == "" || e.Pos == "-" {
		return msg
	}
	pos := e.Pos
	if file, line, col, ok := finding.ParsePos(pos); ok && col > 0 {
		pos = fmt.Sprintf("%s:%d:%d", r.paths.Rel(file), line, col)
	} else if ok {
		pos = fmt.Sprintf("%s:%d", r.paths.Rel(file), line)
	}
	return pos + ": " + msg
}
