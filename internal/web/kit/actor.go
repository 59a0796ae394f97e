package kit

import "github.com/jolproject/jol/internal/access"

// Actor is the name a record keeps of who wrote it, as the reader reads
// it: work the installation did by itself (a waitlist filled when stock
// arrived, a demo's or an import's documents) is named in the page's
// language rather than by the principal's internal name.
func (p Page) Actor(name string) string {
	if name == access.System.Name {
		return p.L.T("common.system_actor")
	}
	return name
}
