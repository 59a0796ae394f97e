package importing

// maxShown bounds, in characters, a value of the file shown on a page: a
// cell may hold Excel's 32,767 characters, and a page of fifty such would
// weigh megabytes. The downloadable report keeps the whole value.
const maxShown = 200

// clip cuts s to maxShown characters, marking the cut with an ellipsis.
func clip(s string) string {
	if len(s) <= maxShown {
		return s
	}
	n := 0
	for i := range s {
		if n == maxShown {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
