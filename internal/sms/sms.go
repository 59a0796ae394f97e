// Package sms delivers the text messages of the outbox (the one-time
// codes of handovers) through an SMS gateway over HTTP. It is an adapter
// at the edge: the domain queues a message key and its arguments on the
// requests outbox's SMS channel, and the Gateway renders the text in the
// applicant's language and posts it to the provider.
//
// The gateway is generic: each message is one POST of the JSON object
// {"to": "+77015551234", "text": "…"} to the configured URL, with the
// header "Authorization: Bearer <token>". A 2xx answer means sent; a 4xx
// answer means the provider will never take the message (a bad number,
// a refused text), so it is given up; any other answer, or no answer in
// time, is a passing failure, tried again by the outbox. A provider with
// another API is reached through a small proxy that speaks this one, or
// through another adapter beside this one.
package sms

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/text"
)

// Timeout is how long one message may take the gateway to accept.
const Timeout = 15 * time.Second

// Gateway is a requests.Sender of the SMS channel that posts each
// message to an HTTP gateway.
type Gateway struct {
	url    string
	token  string
	client *http.Client
	cat    *i18n.Catalog
}

// Payload is the body of each POST to the gateway.
type Payload struct {
	To   string `json:"to"`
	Text string `json:"text"`
}

// New returns the gateway at rawURL (http or https), authorised by token,
// rendering texts with cat. client may be nil for one with Timeout.
func New(rawURL, token string, cat *i18n.Catalog, client *http.Client) (*Gateway, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("sms: the gateway must be an http:// or https:// URL")
	}
	if u.User != nil {
		return nil, errors.New("sms: the gateway's URL must not carry credentials; give the token instead")
	}
	if strings.TrimSpace(token) == "" {
		return nil, errors.New("sms: the gateway needs a token")
	}
	if cat == nil {
		return nil, errors.New("sms: no message catalogue")
	}
	if client == nil {
		client = &http.Client{Timeout: Timeout}
	}
	return &Gateway{url: u.String(), token: strings.TrimSpace(token), client: client, cat: cat}, nil
}

// Channel is requests.SMS.
func (g *Gateway) Channel() requests.OutboxChannel { return requests.SMS }

// String names the gateway for the logs: its scheme and host, so neither
// the token nor a key a provider takes in its URL's query is written.
func (g *Gateway) String() string {
	u, _ := url.Parse(g.url)
	return u.Scheme + "://" + u.Host
}

// Send renders m in its language and posts it to the gateway. The error
// never holds the token, nor the text (which may hold a code).
func (g *Gateway) Send(ctx context.Context, m requests.Message) error {
	p, err := Render(g.cat, m)
	if err != nil {
		return requests.Undeliverable(err)
	}
	body, err := json.Marshal(p)
	if err != nil {
		return requests.Undeliverable(err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, g.url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("sms: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+g.token)
	resp, err := g.client.Do(req)
	if err != nil {
		return fmt.Errorf("sms: the gateway did not answer: %w", redact(err))
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	switch c := resp.StatusCode; {
	case c >= 200 && c < 300:
		return nil
	case c >= 400 && c < 500:
		return requests.Undeliverable(fmt.Errorf("sms: the gateway refused the message: HTTP %d", c))
	default:
		return fmt.Errorf("sms: the gateway failed: HTTP %d", c)
	}
}

// redact keeps a transport error's cause without the request it names.
func redact(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// Render is the payload of m: its text in m's language, to m's number.
func Render(cat *i18n.Catalog, m requests.Message) (Payload, error) {
	to := Number(m.Address)
	if to == "" {
		return Payload{}, errors.New("sms: the message has no phone number")
	}
	loc, ok := i18n.Parse(m.Locale)
	if !ok {
		loc = i18n.EN
	}
	txt := cat.Localizer(loc).T(m.Key, m.Args)
	if txt == m.Key {
		return Payload{}, fmt.Errorf("sms: no text for message %q", m.Key)
	}
	return Payload{To: to, Text: txt}, nil
}

// Number is phone as the gateway takes it: its digits (any script's, in
// ASCII), after a "+" when it was written in international form ("+7 701
// 555 12 34" or "00 7 701…"); a number written in a national form is
// passed as its digits, for the provider to read. "" when it has fewer
// than seven digits.
func Number(phone string) string {
	phone = strings.TrimSpace(text.NormalizeDigits(phone))
	var b strings.Builder
	for _, r := range phone {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	digits := b.String()
	if len(digits) < 7 {
		return ""
	}
	switch {
	case strings.HasPrefix(phone, "+"):
		return "+" + digits
	case strings.HasPrefix(digits, "00"):
		return "+" + digits[2:]
	}
	return digits
}
