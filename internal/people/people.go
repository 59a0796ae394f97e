// Package people is the registry of children, young people and their
// families: persons, households and their members, guardians outside the
// household, categories of need with their evidence, and consents.
//
// Every person and household carries the materialised paths of its owning
// organisation ("/1/7/") and of its most specific place ("/KZ/KZ-75/"), so
// a principal's scope is a range condition on an index. Opening a person's
// record writes the access log; every write runs in one transaction with its
// audit entry. Names are stored as typed (cleaned: trimmed, NFC, Persian
// letters) beside a Latin phonetic key, so a name typed in Cyrillic, Latin
// or Persian script finds the same person.
//
// Lists of thousands to millions of rows come in through an import session
// (BeginImport), batch by batch. Each row is matched to the person it is
// about, by ID number or else by name key and date of birth, so importing
// a file again registers no one twice; a row only adds to what is stored,
// an empty cell never erases. The change log has one entry per person an
// import updates, but one entry per batch for all the persons and
// households it creates (their ids, as runs), not one per row: an import
// of a million rows does not write a million entries.
package people

import (
	"embed"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/store"
)

//go:embed queries*.sql
var queryFS embed.FS

type queries struct {
	Region, Org                                           string
	InsertPerson, UpdatePerson, PersonByID                string
	SetPhoto, Photo                                       string
	IDHolder, LockProber                                  string
	ListFrom, ListWhere, ListOrgs, ListWideOrgs, CountOrg string
	CountFrom, CountTo                                    string
	ListByName, ListByBirth, ListByCreated                string
	SearchID, SearchPhone, SearchName, SearchRef          string
	SearchFirstName, MatchName, MatchHousehold            string
	RepathPersonOrgs, RepathHouseholdOrgs                 string
	RepathPersonRegions, RepathHouseholdRegions           string

	InsertHousehold, UpdateHousehold, HouseholdByID, ListHouseholds string
	CountHouseholds, HouseholdName                                  string
	Members, MemberOf, InsertMember, DeleteMember                   string
	ClearHead, SetHead, SetPersonHousehold                          string
	InsertGuardian, DeleteGuardian, Guardians, GuardianByID         string

	InsertCategory, SeedCategory, UpdateCategory, Categories, CategoryByCode string
	Assign, Unassign, PersonCategories                                       string
	InsertConsent, WithdrawConsent, Consents                                 string

	MaxPersonID, ImportByID, ImportByName, ImportByNameUnborn                string
	ImportHouseholdByRef, ImportHousehold, ImportMembers, ImportInsertPerson string
	ImportRelation, ImportCategories, ImportAssign                           string
	Savepoint, ReleaseSavepoint, RollbackSavepoint                           string
	NextPersonIDs, NextHouseholdIDs, ImportHints                             string
	PersonNames, HouseholdNames, HouseholdsWithin                            string

	InsertMerge, InsertMergeMove, MergeMoves, MergeByID, MergesOf, UndoMerge           string
	SetMergedInto, SetMergeFields, MergeGuardianLinks, CategoryRows                    string
	MergeGuardianshipsOf, MoveGuardianshipOf, MergeGuardianshipsBy, MoveGuardianshipBy string
	MergeCategories, MoveCategory, MergeConsentsOf, MoveConsentOf, MergeConsentsBy     string
	MoveConsentBy                                                                      string
}

// Service keeps the registry.
type Service struct {
	db         *store.DB
	log        *audit.Log
	now        func() time.Time
	q          queries
	smallScope int         // see List
	hooks      []namedHook // see OnMerge
}

// New returns the registry on db; changes and views are recorded in log and
// now is the clock. Regions and organisations are read with the registry's
// own queries, inside its transactions, so it needs no other service.
func New(db *store.DB, log *audit.Log, now func() time.Time) (*Service, error) {
	s := &Service{db: db, log: log, now: now, smallScope: smallScope}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("people: %w", err)
	}
	return s, nil
}

// Via says where a record was opened, for the access log.
type Via string

// The surfaces a record is opened through.
const (
	ViaWeb    Via = "web"
	ViaAPI    Via = "api"
	ViaExport Via = "export"
)

// check refuses a surface the access log does not know: a programming
// error, not the user's.
func (v Via) check() error {
	if v != ViaWeb && v != ViaAPI && v != ViaExport {
		return fmt.Errorf("people: unknown surface %q", v)
	}
	return nil
}
