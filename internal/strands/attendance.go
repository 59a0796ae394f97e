package strands

import (
	"context"
	"database/sql"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
)

// Attendance lists the marks of session id: every young person enrolled
// on its activity, by name, marked or not yet.
func (s *Service) Attendance(ctx context.Context, p access.Principal, id int64) ([]Mark, error) {
	se, _, err := s.Session(ctx, p, id)
	if err != nil {
		return nil, err
	}
	ps, err := s.Participants(ctx, p, se.ActivityID)
	if err != nil {
		return nil, err
	}
	marks, err := s.marks(ctx, s.db.R, id)
	if err != nil {
		return nil, err
	}
	out := make([]Mark, len(ps))
	for i, pa := range ps {
		present, marked := marks[pa.YouthID]
		out[i] = Mark{YouthID: pa.YouthID, Name: pa.Name, Present: present, Marked: marked}
	}
	return out, nil
}

// RecordAttendance records who came to session id: each mark names a
// young person enrolled on its activity. A mark for anyone else refuses
// the whole list, naming them; a second recording replaces the first.
func (s *Service) RecordAttendance(ctx context.Context, p access.Principal, id int64, marks []Mark) error {
	se, _, err := s.Session(ctx, p, id)
	if err != nil {
		return err
	}
	a, err := s.managed(ctx, p, se.ActivityID)
	if err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		now := s.now().UTC()
		for _, m := range marks {
			var n int
			if err := tx.QueryRowContext(ctx, s.q.EnrolmentOf, a.ID, m.YouthID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return errs.Validation(errs.Field("youth_id", "error.activity_not_enrolled", "ID", m.YouthID))
			}
			if _, err := tx.ExecContext(ctx, s.q.PutMark, id, m.YouthID, m.Present, store.NullID(p.UserID), now); err != nil {
				return err
			}
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "record_attendance", Entity: "activity_session",
			EntityID: itoa(id), OrgPath: a.orgPath, RegionPath: a.regionPath, After: marks})
	})
}

func (s *Service) marks(ctx context.Context, q store.Querier, session int64) (map[int64]bool, error) {
	rows, err := store.Select(ctx, q, func(sc store.Scanner) (Mark, error) {
		var m Mark
		return m, sc.Scan(&m.YouthID, &m.Present)
	}, s.q.MarksOf, session)
	out := make(map[int64]bool, len(rows))
	for _, m := range rows {
		out[m.YouthID] = m.Present
	}
	return out, err
}
