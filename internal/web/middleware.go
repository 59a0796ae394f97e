package web

import (
	"errors"
	"fmt"
	"mime"
	"net/http"
	"runtime/debug"
)

// limitBody bounds the body of a request to n bytes as it is read. A body
// that says beforehand it is longer is not read at all: the connection is
// closed after the answer, which adapt gives as a page in the caller's
// language (see bodyTooLarge).
func limitBody(next http.Handler, n int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > n {
			// Left as it is, so that the server neither reads it after
			// the answer nor waits for it.
			w.Header().Set("Connection", "close")
		} else {
			r.Body = http.MaxBytesReader(w, r.Body, n)
		}
		next.ServeHTTP(w, r)
	})
}

// bodyTooLarge reports whether r's body passes the route's limit: one
// that says so beforehand, or a form sent without its length that
// passes it while it is read. A form (not an upload, which reads its own
// body) is read here, so its handler never sees a form cut short as one
// whose fields were left empty.
func bodyTooLarge(r *http.Request, limit int64) bool {
	if r.ContentLength > limit {
		return true
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if r.Method != http.MethodPost || ct != "application/x-www-form-urlencoded" {
		return false
	}
	var mbe *http.MaxBytesError
	return errors.As(r.ParseForm(), &mbe)
}

// secureHeaders sets a strict content security policy: Jol's pages load
// nothing from elsewhere and run no inline script.
func secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		next.ServeHTTP(w, r)
	})
}

func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.Logger.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
