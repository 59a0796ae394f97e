package kit

import (
	"testing"

	"github.com/jolproject/jol/internal/errs"
)

// The web's not-found is the domain's: one value, so a handler returning
// either answers alike and no copy drifts from the other.
func TestErrNotFoundIsTheOne(t *testing.T) {
	if ErrNotFound != errs.ErrNotFound {
		t.Fatalf("kit.ErrNotFound is a copy of errs.ErrNotFound")
	}
}
