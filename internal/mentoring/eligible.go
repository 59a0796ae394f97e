package mentoring

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/mentoring/match"
	"github.com/jolproject/jol/internal/store"
)

// Standing is where a mentor stands in the school: the required modules
// they have not attended a session of (in any cohort: a module missed in
// one may be made up in another) and whether they passed a final check.
type Standing struct {
	Missing []Module `json:"missing"`
	Passed  bool     `json:"passed"`
}

// Finished reports whether the mentor finished the school.
func (st Standing) Finished() bool { return len(st.Missing) == 0 && st.Passed }

// standing reads mentor id's standing through q.
func (s *Service) standing(ctx context.Context, q store.Querier, id int64) (Standing, error) {
	var st Standing
	mods, err := store.Select(ctx, q, scanModule, s.q.Modules)
	if err != nil {
		return st, err
	}
	attended, err := store.Select(ctx, q, func(sc store.Scanner) (int64, error) {
		var id int64
		return id, sc.Scan(&id)
	}, s.q.Attended, id)
	if err != nil {
		return st, err
	}
	for _, m := range mods {
		if m.Required && !oneOf(m.ID, attended) {
			st.Missing = append(st.Missing, m)
		}
	}
	finals, err := store.Select(ctx, q, scanText, s.q.Finals, id)
	st.Passed = oneOf(Passed, finals)
	return st, err
}

// Eligible says whether mentor id may take a mentee on day — a minor
// when minor is set — and, when not, why, as the domain error the match's
// refusal shows: the application not approved; the school not finished
// (the required modules missing, or no final check passed); for a minor,
// a mentor who does not take minors, or whose vetting is missing or
// expired on day (valid through its expiry day). It does not count free
// places: Take does. p needs ViewMentors over the mentor, or to be them.
func (s *Service) Eligible(ctx context.Context, p access.Principal, id int64, day time.Time, minor bool) error {
	m, err := s.Get(ctx, p, id)
	if err != nil {
		return err
	}
	return s.eligible(ctx, s.db.R, m, day, minor)
}

func (s *Service) eligible(ctx context.Context, q store.Querier, m Mentor, day time.Time, minor bool) error {
	if m.Status != Approved {
		return errs.New(errs.Conflict, "error.mentor_not_approved", "Status", i18n.Key("mentoring.status."+string(m.Status)))
	}
	st, err := s.standing(ctx, q, m.ID)
	if err != nil {
		return err
	}
	if len(st.Missing) > 0 {
		names := make([]string, len(st.Missing))
		for i, mod := range st.Missing {
			names[i] = mod.Name
		}
		return errs.New(errs.Conflict, "error.mentor_school_modules", "Modules", strings.Join(names, ", "))
	}
	if !st.Passed {
		return errs.New(errs.Conflict, "error.mentor_final_check")
	}
	switch {
	case !minor:
		return nil
	case !m.Minors:
		return errs.New(errs.Conflict, "error.mentor_no_minors")
	case m.Vetting.Document == "" || m.Vetting.Expires.IsZero():
		return errs.New(errs.Conflict, "error.mentor_vetting_missing")
	case !m.Vetting.ValidOn(day):
		return errs.New(errs.Conflict, "error.mentor_vetting_expired", "Date", i18n.Day(m.Vetting.Expires))
	}
	return nil
}

// Take takes one of mentor id's places for a mentee in tx, the
// relationship's transaction: refused, with its reason, when the mentor
// is not Eligible on day (for a minor when minor is set) or has no free
// place left. The places are taken by one conditional update, so two
// matches at once never take more than the capacity.
func (s *Service) Take(ctx context.Context, tx *sql.Tx, id int64, day time.Time, minor bool) error {
	m, err := s.byID(ctx, tx, id)
	if err != nil {
		return err
	}
	if err := s.eligible(ctx, tx, m, day, minor); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, s.q.Take, id)
	return affected(res, err, errs.New(errs.Conflict, "error.mentor_over_capacity", "Mentor", m.ID))
}

// Release gives back one of mentor id's places in tx, when a relationship
// ends.
func (s *Service) Release(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, s.q.Release, id)
	return err
}

// MatchMentor is mentor m as package match takes them, given their
// standing in the school.
func MatchMentor(m Mentor, st Standing) match.Mentor {
	out := match.Mentor{ID: m.ID, Region: m.RegionCode, Fields: m.Fields, Languages: m.Languages,
		Formats: m.Formats(), Free: m.Free(), School: m.Status == Approved && st.Finished(), Minors: m.Minors}
	if m.Vetting.Document != "" {
		out.VettedUntil = m.Vetting.Expires
	}
	return out
}
