package errs

import (
	"errors"
	"fmt"
	"testing"
)

func TestCodeOfWrapped(t *testing.T) {
	base := New(NotFound, "error.not_found")
	err := fmt.Errorf("find user 7: %w", base)
	if got := CodeOf(err); got != NotFound {
		t.Fatalf("CodeOf = %q, want %q", got, NotFound)
	}
	if got := CodeOf(errors.New("disk on fire")); got != Internal {
		t.Fatalf("CodeOf(plain) = %q, want internal", got)
	}
}

func TestValidationNilWhenNoFields(t *testing.T) {
	if err := Validation(); err != nil {
		t.Fatalf("Validation() = %v, want nil", err)
	}
	err := Validation(Field("email", "error.required", "Field", "email"))
	e := As(err)
	if e == nil || e.Code != Invalid || len(e.Fields) != 1 || e.Fields[0].Field != "email" {
		t.Fatalf("Validation(email) = %#v", err)
	}
}

func TestWrapKeepsCauseForLogs(t *testing.T) {
	cause := errors.New("constraint users.email")
	err := Wrap(cause, Conflict, "error.conflict")
	if !errors.Is(err, cause) {
		t.Fatal("Wrap lost its cause")
	}
}

func TestEveryNotFoundIsErrNotFound(t *testing.T) {
	for _, err := range []error{
		ErrNotFound,
		New(NotFound, "error.not_member"),
		fmt.Errorf("read offer 7: %w", Wrap(errors.New("no rows"), NotFound, "error.not_found")),
	} {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("errors.Is(%v, ErrNotFound) = false", err)
		}
	}
	if errors.Is(New(Conflict, "error.not_found"), ErrNotFound) {
		t.Error("a conflict matched ErrNotFound")
	}
}
