package rootlib

// Later does not import context, but calls a function that creates a root.
func Later() {
	reload()
}
