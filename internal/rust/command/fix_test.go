package command

import (
	"os"
	"strings"
	"testing"
)

// TestRustFix applies the fixes of a file: the renamed key and the guard
// kept to the end of the block; the finding without a fix remains, and a
// second run finds nothing more to fix.
func TestRustFix(t *testing.T) {
	const before = `use tracing::info_span;

pub fn handle(token: &str) {
    let span = info_span!("handle", http.method = "GET", auth.token = token);
    let _ = span.enter();
}
`
	const after = `use tracing::info_span;

pub fn handle(token: &str) {
    let span = info_span!("handle", http.request.method = "GET", auth.token = token);
    let _guard = span.enter();
}
`
	tree(t, "src/lib.rs="+before)
	res := runMain(t, "-fix")
	if res.code != exitFindings || !strings.Contains(res.stderr, "applied 2 fixes in 1 file; 1 finding remains\n") {
		t.Errorf("-fix: exit code %d, stderr %q; want 3 and the fixes counted", res.code, res.stderr)
	}
	if !strings.Contains(res.stdout, "TL401") || strings.Contains(res.stdout, "TL303") || strings.Contains(res.stdout, "TL202") {
		t.Errorf("-fix printed:\n%s\nwant only the finding without a fix (TL401)", res.stdout)
	}
	got, err := os.ReadFile("src/lib.rs")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != after {
		t.Errorf("after -fix:\n%s\nwant:\n%s", got, after)
	}
	res = runMain(t, "-fix")
	if !strings.Contains(res.stderr, "applied 0 fixes in 0 files; 1 finding remains\n") {
		t.Errorf("second -fix: stderr %q", res.stderr)
	}
}
