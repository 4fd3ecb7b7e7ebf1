package rules

// allIDs are the IDs of every rule of the suite, ordered.
//
// The catalogue itself lives in the analyzer packages, and only the root
// package, which imports all four, can gather it (tracelint.RuleIDs); an
// analyzer package cannot import the root package without a cycle. Yet an
// analyzer that loads a configuration file on its own (the config flag,
// the exported Analyzer under nogo) must accept the rules of the other
// analyzers in enable and disable, since one .tracelint.yml configures the
// whole suite. Checking against the analyzer's own rules would reject such
// a file; a registry the analyzer packages fill at init would depend on
// which of them a binary links (a nogo binary links only those listed in
// its deps). So the IDs are written out here, and a test of the root
// package keeps this list equal to the catalogue.
var allIDs = []string{
	"TL101", "TL102", "TL103", "TL104", "TL105", "TL106",
	"TL201", "TL202", "TL203", "TL204", "TL205", "TL206",
	"TL301", "TL302", "TL303", "TL304", "TL305", "TL306", "TL307", "TL308",
	"TL401", "TL402", "TL403", "TL404", "TL405", "TL406",
}

// AllIDs returns the IDs of every rule of the suite, ordered: those that a
// configuration file's enable and disable may name.
func AllIDs() []string { return append([]string(nil), allIDs...) }
