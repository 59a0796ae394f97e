package errs

import "testing"

func TestHTTPStatus(t *testing.T) {
	for _, tc := range []struct {
		code Code
		want int
	}{
		{Invalid, 422},
		{NotFound, 404},
		{Forbidden, 403},
		{Unauthenticated, 401},
		{Conflict, 409},
		{TooLarge, 413},
		{RateLimited, 429},
		{Internal, 500},
		{"", 500},
		{"no_such_code", 500},
	} {
		if got := HTTPStatus(tc.code); got != tc.want {
			t.Errorf("HTTPStatus(%q) = %d, want %d", tc.code, got, tc.want)
		}
	}
}
