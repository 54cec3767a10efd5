package generic

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/whopgen/whopgen/tests/cases"
)

// SharedSpecsEnv names a directory of extra specs to include; without it,
// the suite looks for ../shared/specs beside the repository and skips it
// when absent.
const SharedSpecsEnv = "WHOPGEN_SHARED_SPECS"

// specFile is one spec of the corpus.
type specFile struct {
	ID   string // Go package name and URL prefix: positive_all_of, case_trailing_slash, ...
	Name string // where it comes from, for messages
	File string // the name the generator reports positions in
	Data []byte
}

// corpus lists every spec the suite runs, from the repository at root:
// spec/openapi.yml, testdata/positive/*/openapi.yml, the construct cases that must generate,
// testdata/specs/*, and the shared specs beside the repository.
func corpus(root string) ([]specFile, error) {
	var out []specFile
	add := func(prefix, name, file string) error {
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		out = append(out, specFile{ID: cases.Identifier(prefix + "_" + name), Name: file, File: file, Data: data})
		return nil
	}
	// The Whop spec the repository generates from comes first.
	if err := add("whop", "openapi", filepath.Join(root, "spec", "openapi.yml")); err != nil {
		return nil, err
	}
	positive, _ := filepath.Glob(filepath.Join(root, "testdata", "positive", "*", "openapi.yml"))
	for _, f := range positive {
		if err := add("positive", filepath.Base(filepath.Dir(f)), f); err != nil {
			return nil, err
		}
	}
	all, err := cases.LoadDir(filepath.Join(root, "testdata", "cases"))
	if err != nil {
		return nil, err
	}
	for _, c := range all {
		if !c.WantFail {
			out = append(out, specFile{ID: cases.Identifier("case_" + c.Name), Name: c.File, File: c.SpecName, Data: c.Spec})
		}
	}
	dirs := []string{filepath.Join(root, "testdata", "specs"), sharedSpecs(root)}
	for i, dir := range dirs {
		prefix := []string{"specs", "shared"}[i]
		for _, f := range specsIn(dir) {
			name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
			if err := add(prefix, name, f); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// sharedSpecs is the directory of shared specs: $WHOPGEN_SHARED_SPECS, or
// ../shared/specs beside the repository.
func sharedSpecs(root string) string {
	if dir := os.Getenv(SharedSpecsEnv); dir != "" {
		return dir
	}
	return filepath.Join(root, "..", "shared", "specs")
}

// specsIn lists the YAML and JSON files of dir, sorted; none when dir is
// missing.
func specsIn(dir string) []string {
	var out []string
	for _, pattern := range []string{"*.yml", "*.yaml", "*.json"} {
		files, _ := filepath.Glob(filepath.Join(dir, pattern))
		out = append(out, files...)
	}
	slices.Sort(out)
	return out
}
