//go:build !unix

package names

import "time"

// cpuTime is not measured on this platform.
func cpuTime() time.Duration { return 0 }
