// Package accounts holds Jol's users: who they are, their role and scope,
// their passwords, server-side sessions, API tokens and the throttle that
// stops password guessing.
package accounts

import (
	"database/sql"
	"embed"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
)

//go:embed queries*.sql
var queryFS embed.FS

type queries struct {
	InsertUser, SelectUser, SelectUserByEmail, ListUsers, UpdateUser, UpdatePassword,
	UpdateLocale, TouchLogin, CountUsers, OrgScope, RegionScope, UsersCovering string
	InsertToken, ListTokens, SelectToken, SelectTokenUser, RevokeToken, TouchToken string
	LockThrottle, SaveThrottle                                                     string
	FindSession, CommitSession, DeleteSession, DeleteExpiredSessions               string
}

// Service manages users, logins and tokens.
type Service struct {
	db     *store.DB
	q      queries
	log    *audit.Log
	hasher *Hasher
	now    func() time.Time
	// tokenUser and userByID are SelectTokenUser and SelectUser prepared
	// on SQLite's read pool: every API request runs both, and the SQLite
	// driver keeps no statement cache, so parsing them cost more than
	// running them. Nil on PostgreSQL, whose driver caches statements.
	tokenUser, userByID *sql.Stmt
	tokens              tokenCache // recent token lookups
}

// New returns the accounts service. hasher decides the password cost.
func New(db *store.DB, log *audit.Log, hasher *Hasher, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, hasher: hasher, now: now}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("accounts: %w", err)
	}
	if db.Engine == store.SQLite {
		var err error
		if s.tokenUser, err = db.R.Prepare(s.q.SelectTokenUser); err != nil {
			return nil, fmt.Errorf("accounts: %w", err)
		}
		if s.userByID, err = db.R.Prepare(s.q.SelectUser); err != nil {
			return nil, fmt.Errorf("accounts: %w", err)
		}
	}
	return s, nil
}

// User is a person who logs in to Jol.
type User struct {
	ID          int64       `json:"id"`
	Email       string      `json:"email"`
	Name        string      `json:"name"`
	Role        access.Role `json:"role"`
	OrgID       int64       `json:"org_id,omitempty"`
	OrgName     string      `json:"org_name,omitempty"`
	OrgPath     string      `json:"-"`
	OrgLocale   string      `json:"-"` // the organisation's default language
	RegionID    int64       `json:"-"`
	RegionCode  string      `json:"region,omitempty"`
	RegionPath  string      `json:"-"`
	Locale      string      `json:"locale,omitempty"`
	Active      bool        `json:"active"`
	CreatedAt   time.Time   `json:"created_at"`
	UpdatedAt   time.Time   `json:"updated_at"`
	LastLoginAt *time.Time  `json:"last_login_at,omitempty"`
	hash        string
}

// Principal is the user as the access policy sees them.
func (u User) Principal() access.Principal {
	return access.Principal{UserID: u.ID, Name: u.Name, Role: u.Role, OrgID: u.OrgID,
		OrgPath: u.OrgPath, RegionPath: u.RegionPath}
}

// Target is the user's own scope, for checking who may manage them.
func (u User) Target() access.Target {
	return access.Target{OrgPath: u.OrgPath, RegionPath: u.RegionPath}
}

// auditView is what the change log keeps of a user: never the password hash.
func (u User) auditView() map[string]any {
	return map[string]any{"email": u.Email, "name": u.Name, "role": u.Role, "org_id": u.OrgID,
		"region": u.RegionCode, "locale": u.Locale, "active": u.Active}
}

func scanUser(sc store.Scanner) (User, error) {
	var u User
	var org, region sql.NullInt64
	var last sql.NullTime
	err := sc.Scan(&u.ID, &u.Email, &u.Name, &u.Role, &org, &u.OrgName, &u.OrgPath, &u.OrgLocale,
		&region, &u.RegionCode, &u.RegionPath, &u.Locale, &u.hash, &u.Active, &u.CreatedAt, &u.UpdatedAt, &last)
	if err != nil {
		return User{}, err
	}
	u.OrgID, u.RegionID = org.Int64, region.Int64
	if last.Valid {
		t := last.Time
		u.LastLoginAt = &t
	}
	return u, nil
}
