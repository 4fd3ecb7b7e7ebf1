// Gensemconv writes the Go table of the OpenTelemetry semantic conventions
// that tracelint bundles, from the semconv YAML model.
//
// Usage:
//
//	gensemconv -model DIR -o FILE
//
// It reads the model with the contract package's own registry loader, so the
// table holds exactly what a registry with the same files would. When the
// model folder does not exist it says so and leaves FILE as it is, so that
// go generate works in a checkout without the model.
package main

import (
	"errors"
	"flag"
	"io/fs"
	"log"
	"os"

	"github.com/tracelint/tracelint/internal/contract"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gensemconv: ")
	model := flag.String("model", "", "folder of the semantic conventions YAML model")
	out := flag.String("o", "", "Go file to write")
	flag.Parse()
	if *model == "" || *out == "" {
		log.Fatal("usage: gensemconv -model DIR -o FILE")
	}
	if _, err := os.Stat(*model); errors.Is(err, fs.ErrNotExist) {
		log.Printf("no semconv model at %s; %s left as it is", *model, *out)
		return
	}
	src, err := contract.GenerateTable(*model)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatal(err)
	}
}
