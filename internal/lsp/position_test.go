package lsp

import (
	"go/token"
	"testing"
)

// TestPosition checks the conversion of byte columns to the UTF-16
// columns of the protocol: é is one unit in two bytes, 😀 two in four.
func TestPosition(t *testing.T) {
	line := "\ts := \"é😀\" + x"
	texts := newTexts(map[string][]byte{"a.go": []byte("package a\n" + line + "\n")})
	byteCol := len("\ts := \"é😀\" + ") + 1 // where x starts, 1-based
	got := texts.position(token.Position{Filename: "a.go", Line: 2, Column: byteCol})
	want := position{line: 1, col: uint32(len("\ts := \"") + 1 + 2 + len("\" + "))}
	if got != want {
		t.Errorf("position of x: %+v, want %+v", got, want)
	}
}
