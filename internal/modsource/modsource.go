// Package modsource reads the declarations of functions that live in other
// packages of the module being analysed, straight from their source files.
//
// An analyzer that wants to know what a callee in another package does would
// normally declare facts, which makes the standalone driver parse and
// type-check every dependency from source (several times the cost of a
// facts-free run). Export data, however, carries each function's position,
// so the callee's file can be parsed on demand, without types, when the
// callee belongs to the same module. Parsed files are cached for the life of
// the process and shared by all passes.
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

// fset holds the positions of every file this package parses. It is not the
// pass's FileSet: positions inside returned declarations belong here, so
// callers use declarations for their shape, not their positions.
var fset = token.NewFileSet()

var (
	files sync.Map // absolute filename -> *parsed
	roots sync.Map // directory -> module root ("" when none)
	dirs  sync.Map // directory -> names of its non-test Go files
)

type parsed struct {
	once sync.Once
	file *ast.File // nil when the file could not be read or parsed
}

// ModuleRoot returns the directory holding the go.mod that governs dir, or
// "" when there is none.
func ModuleRoot(dir string) string {
	if root, ok := roots.Load(dir); ok {
		return root.(string)
	}
	root := ""
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		root = dir
	} else if parent := filepath.Dir(dir); parent != dir {
		root = ModuleRoot(parent)
	}
	roots.Store(dir, root)
	return root
}

// Decl returns the declaration of fn, parsed from its source file, when that
// file lies inside moduleRoot (and not in its vendor tree). passFset is the
// FileSet fn's position belongs to. Decl returns nil when the source is not
// part of the module or cannot be read.
func Decl(passFset *token.FileSet, fn *types.Func, moduleRoot string) *ast.FuncDecl {
	if moduleRoot == "" || !fn.Pos().IsValid() {
		return nil
	}
	pos := passFset.Position(fn.Pos())
	name := filepath.Clean(pos.Filename)
	if !strings.HasPrefix(name, moduleRoot+string(filepath.Separator)) ||
		strings.Contains(name[len(moduleRoot):], string(filepath.Separator)+"vendor"+string(filepath.Separator)) {
		return nil
	}
	file := parse(name)
	if file == nil {
		return nil
	}
	for _, d := range file.Decls {
		decl, ok := d.(*ast.FuncDecl)
		if !ok || decl.Name.Name != fn.Name() || decl.Body == nil {
			continue
		}
		if fset.Position(decl.Name.Pos()).Line == pos.Line {
			return decl
		}
	}
	return nil
}

// parse returns the syntax of the named file, parsing it at most once per
// process.
func parse(name string) *ast.File {
	v, _ := files.LoadOrStore(name, new(parsed))
	p := v.(*parsed)
	p.once.Do(func() {
		src, err := os.ReadFile(name)
		if err != nil {
			return
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err == nil {
			p.file = f
		}
	})
	return p.file
}

// DeclFile is Decl that also returns the file the declaration is in, for
// resolving the names the file imports.
func DeclFile(passFset *token.FileSet, fn *types.Func, moduleRoot string) (*ast.FuncDecl, *ast.File) {
	decl := Decl(passFset, fn, moduleRoot)
	if decl == nil {
		return nil, nil
	}
	return decl, parse(filepath.Clean(passFset.Position(fn.Pos()).Filename))
}

// Sibling returns the declaration of the package-level function (not a
// method) called name in the package that holds the file named file, with
// the file it is declared in. It reads the package's other non-test files
// once per process.
func Sibling(file, name string) (*ast.FuncDecl, *ast.File) {
	dir := filepath.Dir(file)
	for _, n := range goFiles(dir) {
		f := parse(filepath.Join(dir, n))
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
// directory once per process.
func goFiles(dir string) []string {
	if names, ok := dirs.Load(dir); ok {
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
	dirs.Store(dir, names)
	return names
}

// Position returns the position of a node of a declaration returned by
// this package.
func Position(pos token.Pos) token.Position { return fset.Position(pos) }

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

// mirrors holds, per FileSet of a pass and file name, the token.File that
// PassPos added to that FileSet.
var mirrors sync.Map // mirrorKey -> *token.File

type mirrorKey struct {
	fset *token.FileSet
	name string
}

// PassPos maps pos, a position in a declaration returned by this package,
// into passFset, so that a diagnostic can point into a file the pass only
// knows from export data (which records the lines of exported declarations,
// not every line). It adds to passFset, once per file, a token.File with the
// file's real line table.
func PassPos(passFset *token.FileSet, pos token.Pos) token.Pos {
	src := fset.File(pos)
	if src == nil {
		return token.NoPos
	}
	key := mirrorKey{passFset, src.Name()}
	v, ok := mirrors.Load(key)
	if !ok {
		mirror := passFset.AddFile(src.Name(), -1, src.Size())
		mirror.SetLines(src.Lines())
		v, _ = mirrors.LoadOrStore(key, mirror)
	}
	mirror := v.(*token.File)
	return mirror.Pos(src.Offset(pos))
}

// Methods returns the methods called name that are declared, with a body,
// in the package directory of the file holding pos (a position of passFset),
// when that directory lies inside moduleRoot: the implementations next to an
// interface method.
func Methods(passFset *token.FileSet, pos token.Pos, name, moduleRoot string) []*ast.FuncDecl {
	if moduleRoot == "" || !pos.IsValid() {
		return nil
	}
	file := filepath.Clean(passFset.Position(pos).Filename)
	if !strings.HasPrefix(file, moduleRoot+string(filepath.Separator)) {
		return nil
	}
	dir := filepath.Dir(file)
	var methods []*ast.FuncDecl
	for _, n := range goFiles(dir) {
		f := parse(filepath.Join(dir, n))
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
func FilesContaining(moduleRoot, needle string) []*ast.File {
	if moduleRoot == "" {
		return nil
	}
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
		if f := parse(path); f != nil {
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

// FilesModuleRoot returns the root of the module the first of files
// belongs to, "" when there is none.
func FilesModuleRoot(fset *token.FileSet, files []*ast.File) string {
	if len(files) == 0 {
		return ""
	}
	f := fset.File(files[0].Pos())
	if f == nil {
		return ""
	}
	return ModuleRoot(filepath.Dir(f.Name()))
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
