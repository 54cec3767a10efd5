package apichange

import (
	"fmt"
	"io"
	"strings"
)

// Write prints the report for a person: each change in Go terms with its
// meaning in the spec below it, then the operations and webhooks added and
// removed, then the version bump.
func (r *Report) Write(w io.Writer) error {
	var b strings.Builder
	changes := func(title string, list []Change) {
		fmt.Fprintf(&b, "%s (%d):\n", title, len(list))
		for _, c := range list {
			fmt.Fprintf(&b, "  - %s\n", c.Go)
			if c.API != "" {
				fmt.Fprintf(&b, "      %s\n", c.API)
			}
		}
	}
	names := func(title, mark string, list []string) {
		if len(list) == 0 {
			return
		}
		fmt.Fprintf(&b, "%s (%d):\n", title, len(list))
		for _, s := range list {
			fmt.Fprintf(&b, "  %s %s\n", mark, s)
		}
	}
	changes("Incompatible changes", r.Incompatible)
	changes("Compatible changes", r.Compatible)
	names("Operations added", "+", r.OperationsAdded)
	names("Operations removed", "-", r.OperationsRemoved)
	names("Webhooks added", "+", r.WebhooksAdded)
	names("Webhooks removed", "-", r.WebhooksRemoved)
	fmt.Fprintf(&b, "Semver: %s (%s)\n", r.Bump(), r.reason())
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Report) reason() string {
	switch r.Bump() {
	case Major:
		return "something callers may use changed or went away"
	case Minor:
		for _, c := range r.Compatible {
			if !strings.HasSuffix(c.Go, ": added") {
				return "only compatible changes"
			}
		}
		return "only additions"
	case Patch:
		return "the generated files changed, the Go API did not"
	}
	return "the generated files are identical"
}
