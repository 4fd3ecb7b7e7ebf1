package main

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// TestWriteVersion covers the builds that the test of the built binary
// cannot make: a release installed with go install ...@version, which
// carries no revision, and a checkout with changes.
func TestWriteVersion(t *testing.T) {
	goLine := "go        go1.26.0 " + runtime.GOOS + "/" + runtime.GOARCH + "\n"
	for _, c := range []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{
			name: "release",
			bi:   debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/tracelint/tracelint", Version: "v0.2.0"}},
			want: "tracelint version v0.2.0\nmodule    github.com/tracelint/tracelint\nrevision  unknown (built without version control information)\n" + goLine,
		},
		{
			name: "modified checkout",
			bi: debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/tracelint/tracelint", Version: "v0.0.0-20261203071946-8007bf54ca48+dirty"},
				Settings: []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: "8007bf54ca482e0de536cb49104c15f583c1838a"},
					{Key: "vcs.time", Value: "2026-12-03T07:19:46Z"}, {Key: "vcs.modified", Value: "true"}}},
			want: "tracelint version v0.0.0-20261203071946-8007bf54ca48+dirty\nmodule    github.com/tracelint/tracelint\n" +
				"revision  8007bf54ca482e0de536cb49104c15f583c1838a (modified)\ntime      2026-12-03T07:19:46Z\n" + goLine,
		},
		{
			name: "clean checkout",
			bi: debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/tracelint/tracelint", Version: "(devel)"},
				Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "8007bf5"}, {Key: "vcs.modified", Value: "false"}}},
			want: "tracelint version (devel)\nmodule    github.com/tracelint/tracelint\nrevision  8007bf5\n" + goLine,
		},
	} {
		var b strings.Builder
		writeVersion(&b, &c.bi)
		if b.String() != c.want {
			t.Errorf("%s:\n%s\nwant:\n%s", c.name, b.String(), c.want)
		}
	}
}
