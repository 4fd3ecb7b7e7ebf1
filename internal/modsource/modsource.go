// Package modsource reads the declarations of functions that live in other
// packages of the module being analysed, straight from their source files.
//
// An analyzer that wants to know what a callee in another package does would
// normally declare facts, which makes the standalone driver parse and
// type-check every dependency from source (several times the cost of a
// facts-free run). Export data, however, carries each function's position,
// so the callee's file can be parsed on demand, without types, when the
// callee belongs to the same module. Parsed files are kept by a Reader,
// which the analyzers built from one configuration share (see
// internal/memo), and which a long-lived process tells to Forget.
package modsource

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Reader reads and remembers the module sources the analyzers look into.
// Parsed files, directory listings and module roots are kept for the life
// of the Reader, shared by all passes that use it; a long-lived process (an
// editor server) calls Forget when files change. The zero value is not
// usable: use NewReader.
type Reader struct {
	// fset holds the positions of every file the Reader parses. It is not a
	// pass's FileSet: positions inside returned declarations belong here, so
	// callers use declarations for their shape, not their positions.
	fset *token.FileSet

	files   sync.Map // absolute filename -> *parsed
	roots   sync.Map // directory -> module root ("" when none)
	dirs    sync.Map // directory -> names of its non-test Go files
	mirrors sync.Map // mirrorKey -> *token.File
}

// NewReader returns an empty Reader.
func NewReader() *Reader { return &Reader{fset: token.NewFileSet()} }

// Forget drops every parsed file, listing and module root, so that the next
// lookups read the sources again, and the positions of the files parsed so
// far: a FileSet only grows, by the line table of every file parsed. It must
// not run while lookups are under way.
func (r *Reader) Forget() {
	r.fset = token.NewFileSet()
	r.files.Clear()
	r.roots.Clear()
	r.dirs.Clear()
	r.mirrors.Clear()
}

// Module is a Reader's view of one module: the declarations it returns lie
// inside Root. A nil Module, or one without a Root, finds nothing.
type Module struct {
	Root string
	r    *Reader
}

// Module returns the module that holds dir.
func (r *Reader) Module(dir string) *Module { return &Module{Root: r.ModuleRoot(dir), r: r} }

// ModuleOf returns the module the first of files belongs to.
func (r *Reader) ModuleOf(fset *token.FileSet, files []*ast.File) *Module {
	if len(files) == 0 {
		return &Module{r: r}
	}
	f := fset.File(files[0].Pos())
	if f == nil {
		return &Module{r: r}
	}
	return r.Module(filepath.Dir(f.Name()))
}

// ok reports whether m can find anything.
func (m *Module) ok() bool { return m != nil && m.Root != "" }

type parsed struct {
	once sync.Once
	file *ast.File // nil when the file could not be read or parsed
}

// ModuleRoot returns the directory holding the go.mod that governs dir, or
// "" when there is none.
func (r *Reader) ModuleRoot(dir string) string {
	if root, ok := r.roots.Load(dir); ok {
		return root.(string)
	}
	root := ""
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		root = dir
	} else if parent := filepath.Dir(dir); parent != dir {
		root = r.ModuleRoot(parent)
	}
	r.roots.Store(dir, root)
	return root
}

// Decl returns the declaration of fn, parsed from its source file, when that
// file lies inside the module (and not in its vendor tree). passFset is the
// FileSet fn's position belongs to. Decl returns nil when the source is not
// part of the module or cannot be read.
func (m *Module) Decl(passFset *token.FileSet, fn *types.Func) *ast.FuncDecl {
	if !m.ok() || !fn.Pos().IsValid() {
		return nil
	}
	moduleRoot := m.Root
	pos := passFset.Position(fn.Pos())
	name := filepath.Clean(pos.Filename)
	if !strings.HasPrefix(name, moduleRoot+string(filepath.Separator)) ||
		strings.Contains(name[len(moduleRoot):], string(filepath.Separator)+"vendor"+string(filepath.Separator)) {
		return nil
	}
	file := m.r.parse(name)
	if file == nil {
		return nil
	}
	for _, d := range file.Decls {
		decl, ok := d.(*ast.FuncDecl)
		if !ok || decl.Name.Name != fn.Name() || decl.Body == nil {
			continue
		}
		if m.r.fset.Position(decl.Name.Pos()).Line == pos.Line {
			return decl
		}
	}
	return nil
}

// parse returns the syntax of the named file, parsing it at most once per
// Reader (until Forget).
func (r *Reader) parse(name string) *ast.File {
	v, _ := r.files.LoadOrStore(name, new(parsed))
	p := v.(*parsed)
	p.once.Do(func() {
		src, err := os.ReadFile(name)
		if err != nil {
			return
		}
		f, err := parser.ParseFile(r.fset, name, src, parser.SkipObjectResolution)
		if err == nil {
			p.file = f
		}
	})
	return p.file
}

// DeclFile is Decl that also returns the file the declaration is in, for
// resolving the names the file imports.
func (m *Module) DeclFile(passFset *token.FileSet, fn *types.Func) (*ast.FuncDecl, *ast.File) {
	decl := m.Decl(passFset, fn)
	if decl == nil {
		return nil, nil
	}
	return decl, m.r.parse(filepath.Clean(passFset.Position(fn.Pos()).Filename))
}

// Sibling returns the declaration of the package-level function (not a
// method) called name in the package that holds the file named file, with
// the file it is declared in. It reads the package's other non-test files
// once per Reader.
func (m *Module) Sibling(file, name string) (*ast.FuncDecl, *ast.File) {
	if m == nil {
		return nil, nil
	}
	dir := filepath.Dir(file)
	for _, n := range m.r.goFiles(dir) {
		f := m.r.parse(filepath.Join(dir, n))
		if f == nil {
			continue
		}
		for _, d := range f.Decls {
			if decl, ok := d.(*ast.FuncDecl); ok && decl.Recv == nil && decl.Name.Name == name && decl.Body != nil {
				return decl, f
			}
		}
	}
	return nil, nil
}

// goFiles returns the names of the non-test Go files in dir, listing each
// directory once per Reader.
func (r *Reader) goFiles(dir string) []string {
	if names, ok := r.dirs.Load(dir); ok {
		return names.([]string)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") {
			names = append(names, n)
		}
	}
	r.dirs.Store(dir, names)
	return names
}

// Position returns the position of a node of a declaration the module's
// Reader returned.
func (m *Module) Position(pos token.Pos) token.Position { return m.r.fset.Position(pos) }

// ImportName returns the name under which file imports the package with
// the given path ("" when it does not import it, "." for a dot import).
func ImportName(file *ast.File, path string) string {
	for _, imp := range file.Imports {
		if strings.Trim(imp.Path.Value, "`\"") != path {
			continue
		}
		if imp.Name != nil {
			return imp.Name.Name
		}
		return path[strings.LastIndex(path, "/")+1:]
	}
	return ""
}

// mirrorKey names the token.File that PassPos added to a pass's FileSet for
// a file.
type mirrorKey struct {
	fset *token.FileSet
	name string
}

// PassPos maps pos, a position in a declaration returned by this package,
// into passFset, so that a diagnostic can point into a file the pass only
// knows from export data (which records the lines of exported declarations,
// not every line). It adds to passFset, once per file, a token.File with the
// file's real line table.
func (m *Module) PassPos(passFset *token.FileSet, pos token.Pos) token.Pos {
	src := m.r.fset.File(pos)
	if src == nil {
		return token.NoPos
	}
	key := mirrorKey{passFset, src.Name()}
	v, ok := m.r.mirrors.Load(key)
	if !ok {
		mirror := passFset.AddFile(src.Name(), -1, src.Size())
		mirror.SetLines(src.Lines())
		v, _ = m.r.mirrors.LoadOrStore(key, mirror)
	}
	mirror := v.(*token.File)
	return mirror.Pos(src.Offset(pos))
}

// Methods returns the methods called name that are declared, with a body,
// in the package directory of the file holding pos (a position of passFset),
// when that directory lies inside the module: the implementations next to
// an interface method.
func (m *Module) Methods(passFset *token.FileSet, pos token.Pos, name string) []*ast.FuncDecl {
	if !m.ok() || !pos.IsValid() {
		return nil
	}
	file := filepath.Clean(passFset.Position(pos).Filename)
	if !strings.HasPrefix(file, m.Root+string(filepath.Separator)) {
		return nil
	}
	dir := filepath.Dir(file)
	var methods []*ast.FuncDecl
	for _, n := range m.r.goFiles(dir) {
		f := m.r.parse(filepath.Join(dir, n))
		if f == nil {
			continue
		}
		for _, d := range f.Decls {
			if decl, ok := d.(*ast.FuncDecl); ok && decl.Recv != nil && decl.Name.Name == name && decl.Body != nil {
				methods = append(methods, decl)
			}
		}
	}
	return methods
}

// FilesContaining returns the syntax of the module's non-test Go files whose
// text contains needle, outside vendor, testdata, hidden directories and
// nested modules. It reads the module's files on every call: callers cache
// what they conclude.
func (m *Module) FilesContaining(needle string) []*ast.File {
	if !m.ok() {
		return nil
	}
	moduleRoot := m.Root
	var found []*ast.File
	_ = filepath.WalkDir(moduleRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if path == moduleRoot {
				return nil
			}
			if name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil || !bytes.Contains(src, []byte(needle)) {
			return nil
		}
		if f := m.r.parse(path); f != nil {
			found = append(found, f)
		}
		return nil
	})
	return found
}

// ParamName returns the name of decl's i-th parameter, "" when it has none
// or i is out of range.
func ParamName(decl *ast.FuncDecl, i int) string {
	for _, field := range decl.Type.Params.List {
		if len(field.Names) == 0 {
			if i == 0 {
				return ""
			}
			i--
			continue
		}
		if i < len(field.Names) {
			return field.Names[i].Name
		}
		i -= len(field.Names)
	}
	return ""
}

// ParamIndexes maps the names of decl's parameters to their indexes,
// leaving out blank and unnamed ones.
func ParamIndexes(decl *ast.FuncDecl) map[string]int {
	out := make(map[string]int)
	i := 0
	for _, field := range decl.Type.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if name.Name != "_" {
				out[name.Name] = i
			}
			i++
		}
	}
	return out
}
