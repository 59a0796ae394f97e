package api

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/errs"
)

// maxBody bounds a request body. The API takes small JSON documents; bulk
// imports will get their own route with a larger limit.
const maxBody = 1 << 20

// decode reads the JSON body of r into v. The body must be declared
// application/json, hold exactly one JSON value and name only fields v has.
func decode(r *http.Request, v any) error {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return &statusError{status: http.StatusUnsupportedMediaType, code: "unsupported_media_type", key: "error.unsupported_media_type"}
	}
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badJSON(err, dec.InputOffset())
	}
	if _, err := dec.Token(); err != io.EOF {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return badJSON(&json.SyntaxError{Offset: dec.InputOffset()}, dec.InputOffset())
	}
	return nil
}

// badJSON explains why a body could not be decoded: the field whose value
// has the wrong type, the unknown field, or the byte offset where the
// syntax breaks. offset is how far the decoder had read.
func badJSON(err error, offset int64) error {
	var mbe *http.MaxBytesError
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	bad := &statusError{status: http.StatusBadRequest, code: "bad_json"}
	switch {
	case errors.As(err, &mbe):
		return err
	case errors.Is(err, io.EOF):
		bad.key = "error.body_required"
	case errors.As(err, &te) && te.Field != "":
		bad.key, bad.args = "error.bad_json", []any{"Field", te.Field}
		bad.fields = []fieldProblem{{Field: te.Field}}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		// encoding/json has no error type for an unknown field; the
		// message is stable and quotes the name.
		name, _ := strconv.Unquote(strings.TrimPrefix(err.Error(), "json: unknown field "))
		bad.key, bad.args = "error.unknown_field", []any{"Field", name}
		bad.fields = []fieldProblem{{Field: name}}
	case errors.As(err, &se):
		bad.key, bad.args = "error.bad_json_offset", []any{"Offset", se.Offset}
	case errors.As(err, &te):
		bad.key, bad.args = "error.bad_json_offset", []any{"Offset", te.Offset}
	default: // io.ErrUnexpectedEOF and the like: the body ends too soon
		bad.key, bad.args = "error.bad_json_offset", []any{"Offset", offset}
	}
	return bad
}

// pathID reads the numeric path value name; anything else is not found.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errs.ErrNotFound
	}
	return id, nil
}

// queryID reads an optional numeric query parameter (0 when absent); a
// value that is not a positive whole number is a field error.
func queryID(r *http.Request, name string) (int64, error) {
	s := r.URL.Query().Get(name)
	if s == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, errs.Validation(errs.Field(name, "error.not_a_number"))
	}
	return id, nil
}
