package main_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tracelint/tracelint/internal/testenv"
	"github.com/tracelint/tracelint/internal/testmodule"
)

// nvimApp has one TL201 finding with a fix (line 13) and one without
// (line 19, whose span is ended on another path).
const nvimApp = `package app

import (
	"context"
	"errors"

	"go.opentelemetry.io/otel"
)

func use(context.Context) {}

// Handle never ends its span.
func Handle(ctx context.Context) {
	ctx, span := otel.Tracer("app").Start(ctx, "handle")
	use(ctx)
	_ = span.IsRecording()
}

// Store leaks its span on the error path.
func Store(ctx context.Context, fail bool) error {
	ctx, span := otel.Tracer("app").Start(ctx, "store")
	if fail {
		return errors.New("failed")
	}
	use(ctx)
	span.End()
	return nil
}
`

// nvimScript runs in headless Neovim (0.7 and later) with its built-in
// LSP client: it starts tracelint lsp for app.go, waits for diagnostics,
// applies the first code action that has an edit, saves, waits for the
// diagnostics to change, and writes what it saw as JSON.
const nvimScript = `
local function run()
  local bin, file, out = os.getenv("TL_BIN"), os.getenv("TL_FILE"), os.getenv("TL_OUT")
  local client_id = vim.lsp.start_client({
    name = "tracelint",
    cmd = { bin, "lsp" },
    root_dir = vim.fn.fnamemodify(file, ":h:h"),
  })
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  local seen = {}
  if not vim.wait(180000, function() return #vim.diagnostic.get(buf) > 0 end, 100) then
    return { error = "no diagnostics" }
  end
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(seen, {
      line = d.lnum, code = d.code, source = d.source, severity = d.severity, message = d.message,
      href = lsp.codeDescription and lsp.codeDescription.href or "",
      related = lsp.relatedInformation and #lsp.relatedInformation or 0,
    })
  end
  table.sort(seen, function(a, b) return a.line < b.line end)
  local first = seen[1]
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = first.line, character = 0 }, ["end"] = { line = first.line, character = 0 } },
    context = { diagnostics = {} },
  }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 60000)
  local titles, action = {}, nil
  for _, r in pairs(responses or {}) do
    for _, a in ipairs(r.result or {}) do
      table.insert(titles, a.title)
      if not action and a.edit then action = a end
    end
  end
  if not action then
    return { diagnostics = seen, titles = titles, error = "no code action with an edit" }
  end
  vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
  vim.cmd("write")
  local after = {}
  vim.wait(180000, function() return #vim.diagnostic.get(buf) == #seen - 1 end, 100)
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(after, d.lnum) end
  return { diagnostics = seen, titles = titles, applied = action.title, after = after }
end
local ok, result = pcall(run)
if not ok then result = { error = tostring(result) } end
vim.fn.writefile({ vim.fn.json_encode(result) }, os.getenv("TL_OUT"))
vim.cmd("qa!")
`

// TestNeovim opens a file in headless Neovim with tracelint lsp as its
// server, checks the diagnostics Neovim received, applies a quick fix,
// saves, and checks that the fixed finding is gone.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		testenv.Missing(t, "nvim is not installed (apt-get install neovim): the editor test needs it")
	}
	bin := build(t)
	dir := t.TempDir()
	testdata := testmodule.Dir(t)
	for _, name := range []string{"go.mod", "go.sum"} {
		b, err := os.ReadFile(filepath.Join(testdata, name))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, name), string(b))
	}
	app := filepath.Join(dir, "app", "app.go")
	writeFile(t, app, nvimApp)
	script := filepath.Join(dir, "check.lua")
	writeFile(t, script, nvimScript)
	out := filepath.Join(dir, "result.json")

	// A guard against a hang, far beyond the run's few seconds.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-i", "NONE", "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TL_BIN="+bin, "TL_FILE="+app, "TL_OUT="+out,
		"GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "XDG_STATE_HOME="+dir, "XDG_DATA_HOME="+dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("nvim wrote no result: %v", err)
	}
	var got struct {
		Diagnostics []struct {
			Line     int
			Code     string
			Source   string
			Severity int
			Href     string
			Related  int
		}
		Titles  []string
		Applied string
		After   []int
		Error   string
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("result %s: %v", b, err)
	}
	if got.Error != "" {
		t.Fatalf("in nvim: %s (%s)", got.Error, b)
	}
	var lines []int
	for _, d := range got.Diagnostics {
		lines = append(lines, d.Line)
		if d.Code != "TL201" || d.Source != "tracelint" || !strings.HasSuffix(d.Href, "TL201.md") || d.Related != 1 {
			t.Errorf("diagnostic in nvim: %+v, want TL201 from tracelint, linking its page, with one related place", d)
		}
	}
	if len(lines) != 2 || lines[0] != 13 || lines[1] != 20 {
		t.Fatalf("nvim got diagnostics on lines %v, want [13 20] (zero-based)", lines)
	}
	if strings.Join(got.Titles, " | ") != "Add defer span.End() | Silence TL201 here with //nolint:TL201" {
		t.Errorf("code actions in nvim: %q", got.Titles)
	}
	if len(got.After) != 1 || got.After[0] != 21 {
		t.Errorf("after %q and a save, diagnostics on lines %v, want [21] (Store's, one line lower)", got.Applied, got.After)
	}
	fixed, err := os.ReadFile(app)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(fixed), "\"handle\")\n\tdefer span.End()\n") {
		t.Errorf("the saved file does not have the fix:\n%s", fixed)
	}
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
