package mentoring

import (
	"context"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/store"
)

// Report is a cohort's progress with what each member still misses and
// the cohort's sessions: the cohort's page.
type Report struct {
	Progress
	Missing  map[int64][]Module `json:"missing"` // by mentor: the required modules not attended in this cohort
	List     []Session          `json:"session_list"`
	Catalog  []Module           `json:"modules_list"`
	Finished map[int64]bool     `json:"finished"` // by mentor: attended every required module and passed
}

// Report reads cohort id's report; p needs ViewMentors over it.
func (s *Service) Report(ctx context.Context, p access.Principal, id int64) (Report, error) {
	pr, err := s.Progress(ctx, p, id)
	if err != nil {
		return Report{}, err
	}
	r := Report{Progress: pr, Missing: map[int64][]Module{}, Finished: map[int64]bool{}}
	if r.Catalog, err = s.Modules(ctx); err != nil {
		return Report{}, err
	}
	if r.List, err = store.Select(ctx, s.db.R, scanSession, s.q.Sessions, id); err != nil {
		return Report{}, err
	}
	module := map[int64]int64{}
	for _, ses := range r.List {
		module[ses.ID] = ses.ModuleID
	}
	type key struct{ mentor, module int64 }
	attended := map[key]bool{}
	rows, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (key, error) {
		var session, mentor int64
		err := sc.Scan(&session, &mentor)
		return key{mentor, module[session]}, err
	}, s.q.Attendance, id)
	if err != nil {
		return Report{}, err
	}
	for _, k := range rows {
		attended[k] = true
	}
	for _, m := range pr.Members {
		for _, mod := range r.Catalog {
			if mod.Required && !attended[key{m.MentorID, mod.ID}] {
				r.Missing[m.MentorID] = append(r.Missing[m.MentorID], mod)
			}
		}
		r.Finished[m.MentorID] = len(r.Missing[m.MentorID]) == 0 && m.Final == Passed
	}
	return r, nil
}

// Sheet is a session's register: the session, its module, and every
// member of the cohort with whether they were marked present.
type Sheet struct {
	Session Session        `json:"session"`
	Cohort  Cohort         `json:"cohort"`
	Module  Module         `json:"module"`
	Members []Member       `json:"members"`
	Present map[int64]bool `json:"present"` // by mentor
	Marked  bool           `json:"marked"`  // the register was taken
}

// Sheet reads session id's register; p needs ViewMentors over its cohort.
func (s *Service) Sheet(ctx context.Context, p access.Principal, id int64) (Sheet, error) {
	var sh Sheet
	ses, err := scanSession(s.db.R.QueryRowContext(ctx, s.q.Session, id))
	if err != nil {
		return Sheet{}, store.NotFound(err)
	}
	sh.Session = ses
	if sh.Cohort, err = s.cohort(ctx, p, access.ViewMentors, ses.CohortID); err != nil {
		return Sheet{}, err
	}
	mods, err := s.Modules(ctx)
	if err != nil {
		return Sheet{}, err
	}
	for _, m := range mods {
		if m.ID == ses.ModuleID {
			sh.Module = m
		}
	}
	if sh.Members, err = store.Select(ctx, s.db.R, scanMember, s.q.Members, ses.CohortID); err != nil {
		return Sheet{}, err
	}
	type mark struct {
		mentor  int64
		present bool
	}
	marks, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (mark, error) {
		var m mark
		return m, sc.Scan(&m.mentor, &m.present)
	}, s.q.SessionMarks, id)
	if err != nil {
		return Sheet{}, err
	}
	sh.Present, sh.Marked = map[int64]bool{}, len(marks) > 0
	for _, m := range marks {
		sh.Present[m.mentor] = m.present
	}
	return sh, nil
}
