package command

import (
	"fmt"
	"os"
	"slices"

	"github.com/aymanbagabas/go-udiff"

	"github.com/tracelint/tracelint/internal/finding"
	"github.com/tracelint/tracelint/internal/findingout"
)

// fixed is what -fix did.
type fixed struct {
	fixes, files, overlapping int
	remaining                 []finding.Finding // the findings no applied fix resolves
}

// applyFixes applies the first suggested fix of each finding, file by
// file, in the findings' order. A fix that overlaps one already taken is
// left for the next run, as the Go command leaves it.
func (r *run) applyFixes(found []finding.Finding) (fixed, error) {
	var done fixed
	byFile := make(map[string][]int)
	var files []string
	for i, f := range found {
		if len(f.Fixes) == 0 {
			done.remaining = append(done.remaining, f)
			continue
		}
		name := f.Fixes[0].Edits[0].Pos.File
		if _, ok := byFile[name]; !ok {
			files = append(files, name)
		}
		byFile[name] = append(byFile[name], i)
	}
	for _, name := range files {
		path := r.paths.Abs(name)
		src, err := os.ReadFile(path)
		if err != nil {
			return done, err
		}
		var edits []udiff.Edit
		applied := 0
		for _, i := range byFile[name] {
			candidate := slices.Clone(edits)
			for _, e := range found[i].Fixes[0].Edits {
				candidate = append(candidate, udiff.Edit{Start: e.Pos.Offset, End: e.End.Offset, New: e.NewText})
			}
			if _, err := udiff.Apply(string(src), candidate); err != nil {
				done.overlapping++
				done.remaining = append(done.remaining, found[i])
				continue
			}
			edits = candidate
			applied++
		}
		if applied == 0 {
			continue
		}
		out, err := udiff.Apply(string(src), edits)
		if err != nil {
			return done, fmt.Errorf("%s: %v", name, err)
		}
		info, err := os.Stat(path)
		if err != nil {
			return done, err
		}
		if err := os.WriteFile(path, []byte(out), info.Mode().Perm()); err != nil {
			return done, err
		}
		done.fixes += applied
		done.files++
	}
	slices.SortStableFunc(done.remaining, func(a, b finding.Finding) int { return findingout.Compare(&a, &b) })
	return done, nil
}
