// Package errs defines Jol's domain errors. A domain error carries a code
// (what kind of failure, which each surface maps to a status) and an i18n
// key with arguments (what to tell the user, translated at the edge). The
// internal text of wrapped errors never reaches a user.
package errs

import (
	"errors"
	"fmt"
)

// Code classifies a failure.
type Code string

// The codes every surface knows how to present.
const (
	Invalid         Code = "invalid"
	NotFound        Code = "not_found"
	Forbidden       Code = "forbidden"
	Unauthenticated Code = "unauthenticated"
	Conflict        Code = "conflict"
	TooLarge        Code = "too_large"
	RateLimited     Code = "rate_limited"
	Internal        Code = "internal"
)

// Error is a domain error.
type Error struct {
	Code   Code
	Key    string // i18n message key, e.g. "error.not_found"
	Args   []any  // alternating name/value pairs for the message
	Fields []FieldError
	Err    error // the cause, for logs only
}

// FieldError says what is wrong with one input field.
type FieldError struct {
	Field string
	Key   string
	Args  []any
}

func (e *Error) Error() string {
	msg := string(e.Code) + ": " + e.Key
	for _, f := range e.Fields {
		msg += fmt.Sprintf("; %s: %s", f.Field, f.Key)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// ErrNotFound is the one way to say a record does not exist (or is not
// there for the one asking). errors.Is(err, ErrNotFound) holds for every
// error whose code is NotFound, whatever its key, so a caller never needs
// to know which package's not-found it was given.
var ErrNotFound = &Error{Code: NotFound, Key: "error.not_found"}

// Is makes every NotFound error match ErrNotFound.
func (e *Error) Is(target error) bool {
	return target == ErrNotFound && e.Code == NotFound
}

// New returns an error with the given code, message key and arguments.
func New(code Code, key string, args ...any) *Error {
	return &Error{Code: code, Key: key, Args: args}
}

// Wrap returns an error with a code and key that keeps cause for the logs.
func Wrap(cause error, code Code, key string, args ...any) *Error {
	return &Error{Code: code, Key: key, Args: args, Err: cause}
}

// Field builds one field error.
func Field(field, key string, args ...any) FieldError {
	return FieldError{Field: field, Key: key, Args: args}
}

// Validation returns an Invalid error listing field errors, or nil when
// there are none, so callers can write `if err := errs.Validation(fs...); err != nil`.
func Validation(fields ...FieldError) error {
	if len(fields) == 0 {
		return nil
	}
	return &Error{Code: Invalid, Key: "error.invalid", Fields: fields}
}

// As returns err as a domain error, or nil when it is not one.
func As(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// CodeOf returns the code of a domain error, Internal for anything else.
func CodeOf(err error) Code {
	if e := As(err); e != nil {
		return e.Code
	}
	return Internal
}
