package contract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tracelint/tracelint/internal/config"
)

// TestForConfigPaths checks that a registry path that names nothing
// readable is reported at its line in the configuration file, or by its
// setting when the configuration has no file.
func TestForConfigPaths(t *testing.T) {
	t.Cleanup(Forget)
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "contracts", "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	symlink(t, "gone.yaml", filepath.Join(root, "contracts", "link.yaml"))
	good, _ := filepath.Abs("testdata/valid/v2")
	for _, tt := range []struct {
		name, registry, want string
	}{
		{"missing", "contracts/reg.yaml", `.tracelint.yml:4:7: registry "contracts/reg.yaml" not found at ` + filepath.Join(root, "contracts", "reg.yaml")},
		{"missing absolute", filepath.Join(root, "abs.yaml"), `.tracelint.yml:4:7: registry "` + filepath.Join(root, "abs.yaml") + `" not found`},
		{"directory", "contracts/empty", `.tracelint.yml:4:7: registry "contracts/empty" is a directory with no .yaml or .yml file in it`},
		{"dangling symlink", "contracts/link.yaml", `.tracelint.yml:4:7: registry "contracts/link.yaml" is a symbolic link to "gone.yaml", which does not exist`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := "attrkeys:\n  semconv: true\n  registries:\n    - " + tt.registry + "\n    - " + good + "\n"
			cfg, err := config.Parse([]byte(src), filepath.Join(root, config.FileName), nil)
			if err != nil {
				t.Fatal(err)
			}
			_, err = ForConfig(cfg)
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if got, want := err.Error(), root+string(filepath.Separator)+tt.want; got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}

	// The contracts are cached by path, shared by every configuration that
	// names the same registries; each error names its own file.
	for _, name := range []string{"a.yml", "b.yml"} {
		cfg, err := config.Parse([]byte("attrkeys:\n  registries: [contracts/reg.yaml]\n"), filepath.Join(root, name), nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = ForConfig(cfg)
		want := filepath.Join(root, name) + `:2:16: registry "contracts/reg.yaml" not found at ` + filepath.Join(root, "contracts", "reg.yaml")
		if err == nil || err.Error() != want {
			t.Errorf("got  %v\nwant %s", err, want)
		}
	}

	// golangci-lint's settings have no file: the error names the setting.
	cfg, err := config.ParseSettings([]byte(`{"attrkeys":{"registries":["`+good+`","contracts/reg.yaml"]}}`), root, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = ForConfig(cfg)
	want := `attrkeys.registries[1]: registry "contracts/reg.yaml" not found at ` + filepath.Join(root, "contracts", "reg.yaml")
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}
