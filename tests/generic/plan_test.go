package generic

import "testing"

func TestCoverCalls(t *testing.T) {
	for ops, want := range map[int]int{0: maxCover, 1: maxCover, 50: maxCover, 58: 10, 148: 4, 242: minCover, 5000: minCover} {
		if got := coverCalls(ops); got != want {
			t.Errorf("coverCalls(%d) = %d, want %d", ops, got, want)
		}
	}
}
