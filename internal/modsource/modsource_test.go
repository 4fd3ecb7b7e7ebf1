package modsource

import (
	"os"
	"path/filepath"
	"testing"
)

func TestModuleRoot(t *testing.T) {
	root := t.TempDir()
	nested := filepath.Join(root, "svc", "internal", "api")
	if err := os.MkdirAll(nested, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "svc", "go.mod"), []byte("module example.com/svc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := NewReader().ModuleRoot(nested), filepath.Join(root, "svc"); got != want {
		t.Errorf("ModuleRoot(%s) = %q, want %q", nested, got, want)
	}
	if got := NewReader().ModuleRoot(root); got != "" {
		t.Errorf("ModuleRoot above every go.mod = %q, want \"\"", got)
	}
}
