package distribution

import (
	"crypto/rand"
	"embed"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/settings"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/store"
)

//go:embed *.sql
var queryFS embed.FS

type queries struct {
	EventFrom, EventByID, EventList, EventOrgs, EventStaff, InsertEvent, UpdateEvent, SetEventStatus  string
	ClearEventOrgs, InsertEventOrg, ClearEventStaff, InsertEventStaff, OrgByID, StaffByID, CampaignOf string
	StaffChoices, EventPage, CountEvents                                                              string

	ListLines, RequestForHandover, RequestByReference, HeldHere, AssignLine, UnassignLine string
	RequestLines, LineCounts, LastHandedAt                                                string

	InsertCode, VoidCodes, CodesSince, LatestCode, TakeAttempt, SetCodeStatus string

	InsertPhoto, Photos, PhotoData, InsertHandover, InsertHandoverLine, LiveHandoverLine string
	HandoverLineForReturn, MarkReturned, HandoversOfRequest, SignatureOf, RequestScope   string
	ProofOfDoc                                                                           string

	MessagesAbout, InvitedTo, EventsStarting string
}

// Deps are what the service is built on.
type Deps struct {
	DB       *store.DB
	Audit    *audit.Log
	Stock    *stock.Service
	Requests *requests.Service
	Now      func() time.Time
	// Settings give the time zone invitations are written in (UTC
	// without them).
	Settings *settings.Service
	// CodeKey keys the hashes of one-time codes; a random key is drawn
	// when it is empty, held by this service alone until UseStoredKey
	// replaces it with the installation's (see codes_key.go).
	CodeKey []byte
}

// Service keeps distribution events, their lists and handovers.
type Service struct {
	db       *store.DB
	log      *audit.Log
	stock    *stock.Service
	requests *requests.Service
	settings *settings.Service
	now      func() time.Time
	q        queries
	mu       sync.Mutex // guards sender, chats and key
	key      []byte
	sender   requests.Sender
	chats    ChatLocales // the languages of the families' chats; nil: the requests'
}

// New returns the service.
func New(d Deps) (*Service, error) {
	s := &Service{db: d.DB, log: d.Audit, stock: d.Stock, requests: d.Requests, settings: d.Settings, now: d.Now, key: d.CodeKey}
	if err := store.BindQueries(&s.q, queryFS, d.DB.Engine); err != nil {
		return nil, fmt.Errorf("distribution: %w", err)
	}
	if len(s.key) == 0 {
		s.key = make([]byte, 32)
		if _, err := rand.Read(s.key); err != nil {
			return nil, fmt.Errorf("distribution: code key: %w", err)
		}
	}
	return s, nil
}

// SetSender sets the way one-time codes reach guardians' phones (a
// channel of requests.SMS); without one, codes are refused and the other
// proofs remain.
func (s *Service) SetSender(snd requests.Sender) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sender = snd
}

// Sender is the sender codes go through, nil when there is none.
func (s *Service) Sender() requests.Sender {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sender
}

// itoa formats an id for the logs.
func itoa(id int64) string { return strconv.FormatInt(id, 10) }
