// Package public is the side of requests that families use without an
// account: the application form of an open campaign and the status page,
// where a reference number and the guardian's phone show how a request
// stands, and the same two for the Telegram bot, by chat (chat.go). It
// keeps the abuse protection of both (limits per client address, per chat
// and per reference, see limit.go) and nothing else: the family goes into
// the registry through people.Service and the request through
// requests.Service, in one transaction (see Apply), under the form's
// principal (FormPrincipal).
//
// The form's principal. Nobody is logged in, yet the registry and the
// requests check every write against a principal. The form acts as an
// operator of the campaign's organiser, scoped to the organiser's
// organisation subtree: it may find, register and submit for children of
// that subtree only, exactly what the organiser's own intake staff could,
// and every record it writes is audited under user 0, "web form". It is
// never handed anything to show: the form answers with the reference
// number only (the request's, or the existing one's when the child has
// applied before), and the status page reads a request's status, its
// rejection reason code and its messages by reference and phone, never a
// name, an ID number or an address.
package public

import (
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	StatusByReference, MarkShown, StatusesOfChat string
}

// Deps are the services the public side works through.
type Deps struct {
	DB       *store.DB
	People   *people.Service
	Requests *requests.Service
	// Campaigns reads the campaigns families apply to.
	Campaigns Campaigns
	// Rules reads the conditions of a campaign's current rules; nil: no
	// campaign has any.
	Rules Rules
	Now   func() time.Time
}

// Service serves the public form and status page.
type Service struct {
	Deps
	q      queries
	limits *Limiter
	// writing lets one application write at a time (see Apply).
	writing chan struct{}
}

// New returns the service over d.
func New(d Deps) (*Service, error) {
	s := &Service{Deps: d}
	if s.Now == nil {
		s.Now = time.Now
	}
	if err := store.BindQueries(&s.q, queryFS, d.DB.Engine); err != nil {
		return nil, fmt.Errorf("public: %w", err)
	}
	if s.Campaigns == nil {
		return nil, errors.New("public: no campaigns to read")
	}
	s.limits = NewLimiter(s.Now, MaxKeys)
	s.writing = make(chan struct{}, 1)
	return s, nil
}

// FormPrincipal is the principal the form writes under for campaign c:
// an operator of the organiser's subtree, user 0, named "web form".
func FormPrincipal(c Campaign) access.Principal {
	return access.Principal{Name: "web form", Role: access.Operator, OrgID: c.OrganiserID, OrgPath: c.OrganiserPath}
}
