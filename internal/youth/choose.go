package youth

import (
	"context"
	"database/sql"
	"slices"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/mentoring/match"
	"github.com/jolproject/jol/internal/store"
)

// MaxChoices is how many mentors a young person may rank.
const MaxChoices = match.MaxChoices

// Own is a young person's own page: their record, what a match still
// waits for, their shortlist with their ranks, and why it is empty when
// it is (a match.Reason key and arguments).
type Own struct {
	Youth     Youth         `json:"youth"`
	Missing   []string      `json:"missing"` // i18n keys; see MatchReady
	Choices   []int64       `json:"choices"` // the mentors ranked, first choice first; none is an automatic match
	Shortlist []Shortlisted `json:"shortlist"`
	Empty     match.Reason  `json:"-"`
}

// Automatic reports whether the young person asked for an automatic
// match: they ranked no one.
func (o Own) Automatic() bool { return len(o.Choices) == 0 }

// OwnPage gathers young person id's own page, which their link opened
// (ByLink). It reads nothing a young person may not see of themselves.
func (s *Service) OwnPage(ctx context.Context, id int64) (Own, error) {
	y, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return Own{}, err
	}
	o := Own{Youth: y, Missing: MatchReady(y, s.today())}
	if o.Choices, err = s.choices(ctx, s.db.R, id); err != nil {
		return Own{}, err
	}
	o.Shortlist, o.Empty, err = s.shortlist(ctx, y, o.Choices)
	return o, err
}

// Shortlist is young person id's shortlist as a coordinator sees it; p
// needs ViewYouth over them.
func (s *Service) Shortlist(ctx context.Context, p access.Principal, id int64) ([]Shortlisted, error) {
	y, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return nil, err
	}
	if err := access.Can(p, access.ViewYouth, y.Target()); err != nil {
		return nil, err
	}
	choices, err := s.choices(ctx, s.db.R, id)
	if err != nil {
		return nil, err
	}
	list, _, err := s.shortlist(ctx, y, choices)
	return list, err
}

// Choices are the mentors young person id ranked, the first choice
// first; none means an automatic match. p needs ViewYouth over them.
func (s *Service) Choices(ctx context.Context, p access.Principal, id int64) ([]int64, error) {
	y, err := s.byID(ctx, s.db.R, id)
	if err != nil {
		return nil, err
	}
	if err := access.Can(p, access.ViewYouth, y.Target()); err != nil {
		return nil, err
	}
	return s.choices(ctx, s.db.R, id)
}

// Choose records the mentors young person youthID ranks, the first choice
// first: at most three, none twice, each on their shortlist; none asks
// for an automatic match. The young person acts through their own page
// (their link) or the bot, so no principal is asked: the caller has
// found them by their link. The new ranking replaces the old in one
// transaction, which first takes the young person's row, so choices sent
// at once are written one after the other and the last one stands whole.
// A minor may choose before their guardian consents; the match waits for
// the consent (MatchReady).
func (s *Service) Choose(ctx context.Context, youthID int64, mentorIDs []int64) ([]int64, error) {
	if len(mentorIDs) > MaxChoices {
		return nil, errs.Validation(errs.Field("choices", "error.youth_choices_too_many", "Max", MaxChoices))
	}
	for i, id := range mentorIDs {
		if slices.Contains(mentorIDs[:i], id) {
			return nil, errs.Validation(errs.Field("choices", "error.youth_choices_repeated"))
		}
	}
	y, err := s.byID(ctx, s.db.R, youthID)
	if err != nil {
		return nil, err
	}
	before, err := s.choices(ctx, s.db.R, youthID)
	if err != nil {
		return nil, err
	}
	list, _, err := s.shortlist(ctx, y, before)
	if err != nil {
		return nil, err
	}
	for _, id := range mentorIDs {
		if !slices.ContainsFunc(list, func(c Shortlisted) bool { return c.ID == id }) {
			return nil, errs.Validation(errs.Field("choices", "error.youth_choice_not_shortlisted", "Mentor", id))
		}
	}
	chosen := slices.Clone(mentorIDs)
	if chosen == nil {
		chosen = []int64{}
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		now := s.now().UTC()
		if err := affected(tx.ExecContext(ctx, s.q.TouchYouth, youthID, now)); err != nil {
			return err
		}
		old, err := s.choices(ctx, tx, youthID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q.DeleteChoices, youthID); err != nil {
			return err
		}
		for i, id := range chosen {
			if _, err := tx.ExecContext(ctx, s.q.InsertChoice, youthID, i+1, id, now); err != nil {
				return err
			}
		}
		p := access.Principal{Name: "young person " + itoa(youthID)}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "save", Entity: "youth", EntityID: itoa(youthID),
			OrgPath: y.OrgPath, RegionPath: y.RegionPath, Before: map[string]any{"choices": old},
			After: map[string]any{"choices": chosen}})
	})
	if err != nil {
		return nil, err
	}
	return chosen, nil
}

// choices reads young person id's ranked mentors through q.
func (s *Service) choices(ctx context.Context, q store.Querier, id int64) ([]int64, error) {
	out, err := store.Select(ctx, q, func(sc store.Scanner) (int64, error) {
		var m int64
		return m, sc.Scan(&m)
	}, s.q.Choices, id)
	if out == nil {
		out = []int64{}
	}
	return out, err
}

// affected turns an update that changed no row into errs.ErrNotFound.
func affected(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errs.ErrNotFound
	}
	return nil
}
