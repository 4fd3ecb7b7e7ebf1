package lint_test

import (
	"strings"
	"testing"
)

// TestTestFileNames: files named test.rs or *_tests.rs are test code too.
func TestTestFileNames(t *testing.T) {
	src := []byte("use tracing::info_span;\npub fn f() {\n    let _root = info_span!(parent: None, \"root\");\n}\n")
	for path, want := range map[string]int{
		"src/lib.rs": 1, "src/test.rs": 0, "src/client_tests.rs": 0, "src/contest.rs": 1, "src/tests_util.rs": 1,
	} {
		if got := len(check(t, path, src, "testdata")); got != want {
			t.Errorf("%s: %d findings, want %d", path, got, want)
		}
	}
}

// TestSpanNameMessages: an opentelemetry span's name and an event's name
// are told apart in the message.
func TestSpanNameMessages(t *testing.T) {
	src := []byte(`use opentelemetry::trace::{Span, Tracer};

pub fn f(tracer: &dyn Tracer, span: &mut dyn Span, user: &User) {
    let _s = tracer.start(user.email.clone());
    span.add_event(user.email.clone(), vec![]);
}
`)
	want := map[int]string{4: "the span name includes", 5: "the event name includes"}
	fds := check(t, "src/lib.rs", src, "testdata")
	if len(fds) != len(want) {
		t.Fatalf("%d findings, want %d: %v", len(fds), len(want), fds)
	}
	for _, fd := range fds {
		if !strings.HasPrefix(fd.Message, want[fd.Pos.Line]) {
			t.Errorf("line %d: %q, want it to start with %q", fd.Pos.Line, fd.Message, want[fd.Pos.Line])
		}
	}
}

// TestSpawnRange: a spawn is reported at the function called, not the
// whole call.
func TestSpawnRange(t *testing.T) {
	src := []byte("#[tracing::instrument]\npub async fn f() {\n    tokio::spawn(work());\n}\n")
	fds := check(t, "src/lib.rs", src, "testdata")
	if len(fds) != 1 {
		t.Fatalf("%d findings, want 1: %v", len(fds), fds)
	}
	if from, to := fds[0].Pos, fds[0].End; from.Line != 3 || from.Column != 5 || to.Line != 3 || to.Column != 17 {
		t.Errorf("reported at %d:%d-%d:%d, want 3:5-3:17 (tokio::spawn)", from.Line, from.Column, to.Line, to.Column)
	}
}
