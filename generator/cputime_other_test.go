//go:build !unix

package generator

import "time"

// cpuTime is unknown here; the CPU ratio is then not reported.
func cpuTime() time.Duration { return 0 }
