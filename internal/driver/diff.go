package driver

import (
	"fmt"
	"strings"
)

// contextLines is how many unchanged lines surround a change in a diff.
const contextLines = 3

// maxEdits bounds the work of the line diff: beyond it, the lines that
// differ after the common start and end are shown as replaced as a whole.
// A fix changes a few lines; only a reformatted file comes near it.
const maxEdits = 2000

// lineOp is one line of an edit script: kept (' '), deleted ('-') or
// inserted ('+').
type lineOp struct {
	kind byte
	text string // with its newline, if it has one
	a, b int    // the 0-based line in the old and the new text it is at
}

// unified returns the unified diff of the texts before and after of the
// file named name (slash-separated, relative), with git's a/ and b/
// prefixes so that git apply takes it; "" when they are equal.
func unified(name string, before, after []byte) string {
	ops := diffLines(splitLines(string(before)), splitLines(string(after)))
	var b strings.Builder
	for _, h := range hunks(ops) {
		if b.Len() == 0 {
			fmt.Fprintf(&b, "--- a/%s\n+++ b/%s\n", name, name)
		}
		first := ops[h[0]]
		aLen, bLen := 0, 0
		for _, op := range ops[h[0]:h[1]] {
			if op.kind != '+' {
				aLen++
			}
			if op.kind != '-' {
				bLen++
			}
		}
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(first.a, aLen), hunkRange(first.b, bLen))
		for _, op := range ops[h[0]:h[1]] {
			b.WriteByte(op.kind)
			b.WriteString(op.text)
			if !strings.HasSuffix(op.text, "\n") {
				b.WriteString("\n\\ No newline at end of file\n")
			}
		}
	}
	return b.String()
}

// hunkRange is a hunk header's "start,length": the start is 1-based, or
// the line before an empty range.
func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// hunks returns the [from, to) ranges of ops that make the diff's hunks:
// each change with the unchanged lines around it, changes close enough
// that their context would touch merged into one.
func hunks(ops []lineOp) [][2]int {
	var out [][2]int
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		from := max(i-contextLines, 0)
		end := i // one past the last change of the hunk
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j + 1
			} else if j-end >= 2*contextLines {
				break
			}
		}
		to := min(end+contextLines, len(ops))
		out = append(out, [2]int{from, to})
		i = end
	}
	return out
}

// splitLines splits s after each newline.
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// diffLines returns an edit script from a to b: the lines they share at
// their start and end kept, and between them a shortest script by
// Myers's algorithm ("An O(ND) difference algorithm and its variations",
// 1986), or, beyond maxEdits, the old lines deleted and the new inserted.
func diffLines(a, b []string) []lineOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []lineOp
	for i := range pre {
		ops = append(ops, lineOp{' ', a[i], i, i})
	}
	midA, midB := a[pre:len(a)-suf], b[pre:len(b)-suf]
	mid, ok := myers(midA, midB)
	if !ok {
		mid = nil
		for i, line := range midA {
			mid = append(mid, lineOp{'-', line, i, 0})
		}
		for j, line := range midB {
			mid = append(mid, lineOp{'+', line, len(midA), j})
		}
	}
	for _, op := range mid {
		op.a += pre
		op.b += pre
		ops = append(ops, op)
	}
	for i := range suf {
		ai, bi := len(a)-suf+i, len(b)-suf+i
		ops = append(ops, lineOp{' ', a[ai], ai, bi})
	}
	return ops
}

// myers returns a shortest edit script from a to b, or false when it
// needs more than maxEdits edits.
//
// v[k] is the furthest x reached on diagonal k = x - y; trace keeps, for
// each number of edits d, the part of v that step d reads (diagonals -d-1
// to d+1), to walk back from the end.
func myers(a, b []string) ([]lineOp, bool) {
	n, m := len(a), len(b)
	limit := min(n+m, maxEdits)
	off := limit + 1
	v := make([]int, 2*limit+3)
	var trace [][]int
	found := -1
	for d := 0; d <= limit && found < 0; d++ {
		trace = append(trace, append([]int(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1] // down: insert b[y]
			} else {
				x = v[off+k-1] + 1 // right: delete a[x]
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				found = d
				break
			}
		}
	}
	if found < 0 {
		return nil, false
	}
	var rev []lineOp
	x, y := n, m
	for d := found; d >= 0; d-- {
		snap := trace[d] // index i is diagonal i - (d+1)
		at := func(k int) int { return snap[k+d+1] }
		k := x - y
		var prevK int
		if k == -d || k != d && at(k-1) < at(k+1) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := 0
		if d > 0 {
			prevX = at(prevK)
		}
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x--
			y--
			rev = append(rev, lineOp{' ', a[x], x, y})
		}
		if d == 0 {
			break
		}
		if x == prevX {
			y--
			rev = append(rev, lineOp{'+', b[y], x, y})
		} else {
			x--
			rev = append(rev, lineOp{'-', a[x], x, y})
		}
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev, true
}
