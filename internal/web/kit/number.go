package kit

import (
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/text"
)

// Number reads a whole number typed in field of f in any digits (ASCII,
// Persian, Arabic); an empty field is 0, and one that is not a number gets
// an error beside it.
func Number(rq *Request, f *Form, field string) int64 {
	v := text.NormalizeDigits(strings.TrimSpace(f.Values[field]))
	if v == "" {
		return 0
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		f.Fail(rq.L, field, "error.not_a_number")
	}
	return n
}

// Count reads a count typed in field of f in any digits: an empty field is
// 0, and one that is not a whole number from 0 up gets an error beside it
// and reads as 0.
func Count(rq *Request, f *Form, field string) int {
	v := text.NormalizeDigits(f.Values[field])
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		f.Fail(rq.L, field, "error.not_a_number")
		return 0
	}
	return n
}
