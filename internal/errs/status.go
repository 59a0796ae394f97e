package errs

import "net/http"

// HTTPStatus returns the status the HTTP surfaces (web pages and the JSON
// API) answer for a code: 500 for Internal and any code it does not know.
func HTTPStatus(c Code) int {
	switch c {
	case Invalid:
		return http.StatusUnprocessableEntity
	case NotFound:
		return http.StatusNotFound
	case Forbidden:
		return http.StatusForbidden
	case Unauthenticated:
		return http.StatusUnauthorized
	case Conflict:
		return http.StatusConflict
	case TooLarge:
		return http.StatusRequestEntityTooLarge
	case RateLimited:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}
