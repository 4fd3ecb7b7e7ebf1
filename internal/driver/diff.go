package driver

import "github.com/aymanbagabas/go-udiff"

// unified returns the unified diff of the texts before and after of the
// file named name (slash-separated, relative), with git's a/ and b/
// prefixes so that git apply takes it; "" when they are equal. The diff is
// go-udiff's, a maintained copy of the one gopls uses.
func unified(name string, before, after []byte) string {
	return udiff.Unified("a/"+name, "b/"+name, string(before), string(after))
}
