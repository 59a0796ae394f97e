package fakeapi

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Call is one request the bot made: the method and its parameters as
// sent, a JSON value (a keyboard) re-encoded with sorted keys so that it
// compares exactly.
type Call struct {
	Method string
	Params map[string]string
	At     time.Time // when it arrived (not part of String)
}

// String is the call on one line, parameters sorted by name:
//
//	sendMessage chat_id=42 reply_markup={"inline_keyboard":[…]} text="Hello"
func (c Call) String() string {
	keys := make([]string, 0, len(c.Params))
	for k := range c.Params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(c.Method)
	for _, k := range keys {
		v := c.Params[k]
		if _, err := strconv.ParseInt(v, 10, 64); err != nil && !strings.HasPrefix(v, "{") && !strings.HasPrefix(v, "[") {
			v = quote(v)
		}
		b.WriteString(" " + k + "=" + v)
	}
	return b.String()
}

// quote quotes s as Go would, but leaves every character but the quote,
// the backslash and control characters as it is, so that Persian's
// zero-width non-joiner stays readable in a transcript.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(strconv.QuoteRune(r)[1 : len(strconv.QuoteRune(r))-1])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Calls returns every request so far, in order.
func (f *Server) Calls() []Call {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]Call(nil), f.calls...)
}

// CallsOf returns the requests of the given methods (all sends: "").
func (f *Server) CallsOf(methods ...string) []Call {
	var out []Call
	for _, c := range f.Calls() {
		for _, m := range methods {
			if c.Method == m || (m == "" && isSend(c.Method)) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// Sends are the requests that deliver something to a chat, as lines.
func (f *Server) Sends() []string {
	var out []string
	for _, c := range f.CallsOf("") {
		out = append(out, c.String())
	}
	return out
}

// Lines are all requests as lines.
func (f *Server) Lines() []string {
	var out []string
	for _, c := range f.Calls() {
		out = append(out, c.String())
	}
	return out
}

// Reset forgets the requests recorded so far, and their counts.
func (f *Server) Reset() {
	f.mu.Lock()
	f.calls = nil
	clear(f.counts)
	f.mu.Unlock()
}

func isSend(method string) bool {
	switch method {
	case "sendMessage", "editMessageText", "answerCallbackQuery":
		return true
	}
	return false
}

// decodeParams reads a request's parameters however the client sent
// them: multipart form (the library), JSON, URL-encoded form or query.
func decodeParams(r *http.Request) (map[string]string, error) {
	out := map[string]string{}
	for k, v := range r.URL.Query() {
		out[k] = v[0]
	}
	ct, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		mr := multipart.NewReader(r.Body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF || (err != nil && len(out) == 0 && strings.HasSuffix(err.Error(), "EOF")) {
				break // the end, or a request with no parameters and so no body
			}
			if err != nil {
				return nil, err
			}
			v, err := io.ReadAll(p)
			if err != nil {
				return nil, err
			}
			out[p.FormName()] = canonical(string(v))
		}
	case "application/json":
		var m map[string]json.RawMessage
		if err := json.NewDecoder(r.Body).Decode(&m); err != nil && err != io.EOF {
			return nil, err
		}
		for k, raw := range m {
			var s string
			if json.Unmarshal(raw, &s) == nil {
				out[k] = s
			} else {
				out[k] = canonical(string(raw))
			}
		}
	case "application/x-www-form-urlencoded":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		vs, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, err
		}
		for k, v := range vs {
			out[k] = canonical(v[0])
		}
	}
	return out, nil
}

// canonical re-encodes a JSON object or array with sorted keys; anything
// else is returned as it is.
func canonical(v string) string {
	t := strings.TrimSpace(v)
	if t == "" || (t[0] != '{' && t[0] != '[') {
		return v
	}
	var x any
	if json.Unmarshal([]byte(t), &x) != nil {
		return v
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(x) != nil {
		return v
	}
	return strings.TrimSuffix(b.String(), "\n")
}
