package allocation

import "strings"

// lastCode is the code of a region path: "KZ-35" of "/KZ/KZ-35/".
func lastCode(path string) string {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	return parts[len(parts)-1]
}
