package generator

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/whopgen/whopgen/generator/manifest"
)

// ReadPins reads the names a previous generation published into dir (its
// manifest). A directory without one gives no pins: a fresh generation.
func ReadPins(dir string) (map[string]string, error) {
	path := filepath.Join(dir, manifest.Name)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	pins, err := manifest.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w (delete it to generate without the names it keeps)", path, err)
	}
	return pins, nil
}

// Pins returns the names a generation published, as a later generation
// reads them back from its manifest.
func (r Result) Pins() map[string]string {
	if r.API == nil {
		return nil
	}
	pins := make(map[string]string, len(r.API.Names))
	for _, n := range r.API.Names {
		pins[n.Key] = n.Name
	}
	return pins
}
