package oosrun

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/store"
)

// Input is what a run is asked to do: link population list Population
// with the enrolment lists Enrolment for the school year that begins in
// SchoolYear, taking children MinAge to MaxAge years old on 1 September
// of it (MinAge and MaxAge when 0). Locale is the language the why lines
// are written in; when "", the language of the user who asked, as their
// account has it, or English.
type Input struct {
	Population     int64   `json:"population"`
	Enrolment      []int64 `json:"enrolment"`
	SchoolYear     int     `json:"school_year"`
	MinAge, MaxAge int
	Locale         string `json:"locale,omitempty"`
}

// Run is one out-of-school run. Its Status follows its job's: jobs.Queued,
// jobs.Running, jobs.Done or jobs.Failed.
type Run struct {
	ID            int64      `json:"id"`
	PopulationID  int64      `json:"population"`
	SchoolYear    int        `json:"school_year"`
	EnrolmentIDs  []int64    `json:"enrolment"`
	MinAge        int        `json:"min_age"`
	MaxAge        int        `json:"max_age"`
	Locale        string     `json:"locale,omitempty"`
	Status        string     `json:"status"`
	JobID         int64      `json:"job_id,omitempty"`
	OrgPath       string     `json:"-"`
	RegionPath    string     `json:"-"`
	Result        Result     `json:"result"`
	ErrorKey      string     `json:"error_key,omitempty"`
	CreatedByName string     `json:"created_by_name"`
	CreatedBy     int64      `json:"-"`
	CreatedAt     time.Time  `json:"created_at"`
	FinishedAt    *time.Time `json:"finished_at,omitempty"`
}

// Finished reports whether the run is over, done or failed.
func (r Run) Finished() bool { return r.Status == jobs.Done || r.Status == jobs.Failed }

// Target is the scope of the run: the organisation of its population
// list, whose outreach workers follow the cases, in its starter's region.
func (r Run) Target() access.Target {
	return access.Target{OrgPath: r.OrgPath, RegionPath: r.RegionPath}
}

// Result is what a finished run found and what became of the cases.
type Result struct {
	Counts
	Current      int            `json:"current_rows"` // enrolment rows of the school year
	Older        int            `json:"older_rows"`   // of earlier years
	Flagged      int            `json:"flagged"`
	ByCategory   map[string]int `json:"by_category"`
	ByVisibility map[string]int `json:"by_visibility"`
	Created      int            `json:"created"`
	Updated      int            `json:"updated"`
	Unchanged    int            `json:"unchanged"`
	Skipped      int            `json:"skipped"` // a case closed lately: not reopened
	Refused      int            `json:"refused"`
	// NowAttending counts the children with an open case whom an
	// enrolment list now has as attending; their cases are left to their workers.
	NowAttending int `json:"now_attending"`
}

// runJob is the job's payload.
type runJob struct {
	Run  int64 `json:"run"`
	User int64 `json:"user"`
}

// Start checks in and queues the run for p, returning it.
func (s *Service) Start(ctx context.Context, p access.Principal, in Input) (Run, error) {
	return s.start(ctx, p, in, s.d.Jobs != nil)
}

// Do checks in and does the run for p at once, in the caller's
// goroutine, returning it finished: for the demo, benchmarks and tools.
func (s *Service) Do(ctx context.Context, p access.Principal, in Input) (Run, error) {
	return s.start(ctx, p, in, false)
}

func (s *Service) start(ctx context.Context, p access.Principal, in Input, queue bool) (Run, error) {
	if err := access.Can(p, access.RunOutOfSchool, p.Scope()); err != nil {
		return Run{}, err
	}
	if in.MinAge == 0 && in.MaxAge == 0 {
		in.MinAge, in.MaxAge = MinAge, MaxAge
	}
	pop, err := s.check(ctx, p, in)
	if err != nil {
		return Run{}, err
	}
	ids := make([]string, len(in.Enrolment))
	for i, id := range in.Enrolment {
		ids[i] = itoa(id)
	}
	var run Run
	if in.Locale == "" {
		in.Locale = s.localeOf(ctx, p)
	}
	err = s.d.DB.Tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, s.q.InsertRun, in.Population, in.SchoolYear, strings.Join(ids, ","),
			in.MinAge, in.MaxAge, in.Locale, pop.OrgPath, p.RegionPath, store.NullID(p.UserID), s.clock()).Scan(&run.ID); err != nil {
			return err
		}
		if err := s.d.Audit.Record(ctx, tx, p, audit.Change{Action: "create", Entity: "oos_run", EntityID: itoa(run.ID),
			OrgPath: pop.OrgPath, RegionPath: p.RegionPath, After: in}); err != nil {
			return err
		}
		if !queue {
			return nil
		}
		job, err := s.d.Jobs.Enqueue(ctx, tx, JobKind, runJob{Run: run.ID, User: p.UserID}, jobs.CreatedBy(p.UserID),
			jobs.MaxAttempts(2))
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q.SetRunJob, run.ID, job)
		return err
	})
	if err != nil {
		return Run{}, fmt.Errorf("start an out-of-school run: %w", err)
	}
	if !queue {
		if err := s.do(ctx, run.ID, p); err != nil {
			return Run{}, err
		}
	}
	return s.Run(ctx, p, run.ID)
}

// localeOf is the language of p's account: theirs, else their
// organisation's, else English.
func (s *Service) localeOf(ctx context.Context, p access.Principal) string {
	if p.UserID == 0 || s.d.Accounts == nil {
		return string(i18n.EN)
	}
	u, err := s.d.Accounts.Lookup(ctx, p.UserID)
	if err != nil {
		return string(i18n.EN)
	}
	return cmp.Or(u.Locale, u.OrgLocale, string(i18n.EN))
}

// check checks a run's input: lists p sees, of the right kinds, a school
// year and an age range. It returns the population list.
func (s *Service) check(ctx context.Context, p access.Principal, in Input) (List, error) {
	var fs []errs.FieldError
	if in.SchoolYear < 1900 || in.SchoolYear > 2200 {
		fs = append(fs, errs.Field("school_year", "oos.school_year_invalid"))
	}
	if in.MinAge < 3 || in.MaxAge > 25 || in.MinAge > in.MaxAge {
		fs = append(fs, errs.Field("ages", "oos.ages_invalid"))
	}
	pop, err := s.List(ctx, p, in.Population)
	if errs.CodeOf(err) == errs.NotFound || err == nil && pop.Kind != Population {
		fs = append(fs, errs.Field("population", "oos.population_required"))
	} else if err != nil {
		return pop, err
	}
	if len(in.Enrolment) == 0 {
		fs = append(fs, errs.Field("enrolment", "oos.enrolment_required"))
	}
	for _, id := range in.Enrolment {
		if l, err := s.List(ctx, p, id); errs.CodeOf(err) == errs.NotFound || err == nil && l.Kind != Enrolment {
			fs = append(fs, errs.Field("enrolment", "oos.enrolment_required"))
			break
		} else if err != nil {
			return pop, err
		}
	}
	return pop, errs.Validation(fs...)
}

// Handle is the job handler of JobKind: it does the run as the user who
// asked for it, with that user's rights as they are now. A run is whole
// or not at all (Flag is idempotent), so a retry starts over.
func (s *Service) Handle(ctx context.Context, j *jobs.Job, progress jobs.Progress) (string, error) {
	var pl runJob
	if err := j.Decode(&pl); err != nil {
		return "", err
	}
	u, err := s.d.Accounts.Lookup(ctx, pl.User)
	if errs.CodeOf(err) == errs.NotFound || err == nil && !u.Active {
		return "the user who asked is no longer active", s.fail(ctx, pl.Run, "imports.user_inactive")
	} else if err != nil {
		return "", err
	}
	progress.Set(0, 1)
	if err := s.do(ctx, pl.Run, u.Principal()); err != nil {
		if e := errs.As(err); e != nil {
			return "failed: " + e.Key, s.fail(ctx, pl.Run, e.Key)
		}
		if j.Attempts >= j.MaxAttempts {
			return "", errors.Join(err, s.fail(context.WithoutCancel(ctx), pl.Run, "error.internal"))
		}
		return "", err
	}
	progress.Set(1, 1)
	return "run " + strconv.FormatInt(pl.Run, 10) + " done", nil
}

// fail records that run id failed, for the reason of key.
func (s *Service) fail(ctx context.Context, id int64, key string) error {
	_, err := s.d.DB.W.ExecContext(ctx, s.q.FinishRun, id, jobs.Failed, "{}", key, s.clock())
	return err
}

// finish records the result of run id.
func (s *Service) finish(ctx context.Context, id int64, res Result) error {
	enc, err := json.Marshal(res)
	if err != nil {
		return err
	}
	_, err = s.d.DB.W.ExecContext(ctx, s.q.FinishRun, id, jobs.Done, string(enc), "", s.clock())
	return err
}
