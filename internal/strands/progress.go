package strands

import (
	"context"
	"database/sql"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/valid"
)

// Participants lists the young people enrolled on activity id, by name,
// with the sessions they came to and their progress. Whoever may see the
// activity sees its participants' names, wherever they live: a list
// opens no young person's record, so it writes no access log.
func (s *Service) Participants(ctx context.Context, p access.Principal, id int64) ([]Participant, error) {
	if _, err := s.Activity(ctx, p, id); err != nil {
		return nil, err
	}
	return store.Select(ctx, s.db.R, func(sc store.Scanner) (Participant, error) {
		var pa Participant
		var last, first string
		err := sc.Scan(&pa.YouthID, &last, &first, &pa.AgeGroup, &pa.Source, &pa.EnrolledAt, &pa.Attended, &pa.Progress, &pa.Note)
		pa.Name, pa.EnrolledAt = strings.TrimSpace(last+" "+first), pa.EnrolledAt.UTC()
		return pa, err
	}, s.q.Participants, id)
}

// SetProgress records how far young person youthID has come on activity
// id: a share from 0 to 100 per cent and a note.
func (s *Service) SetProgress(ctx context.Context, p access.Principal, id, youthID int64, progress int, note string) error {
	a, err := s.managed(ctx, p, id)
	if err != nil {
		return err
	}
	note = strings.TrimSpace(note)
	fs := valid.Note(nil, "note", note)
	if progress < 0 || progress > MaxProgress {
		fs = append(fs, errs.Field("progress", "error.activity_progress", "Max", MaxProgress))
	}
	if err := errs.Validation(fs...); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, s.q.SetProgress, id, youthID, progress, note, s.now().UTC())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			if err != nil {
				return err
			}
			return errs.Validation(errs.Field("youth_id", "error.activity_not_enrolled", "ID", youthID))
		}
		return s.log.Record(ctx, tx, p, audit.Change{Action: "update", Entity: "activity_enrolment",
			EntityID: itoa(id) + "/" + itoa(youthID), OrgPath: a.orgPath, RegionPath: a.regionPath,
			After: map[string]any{"progress": progress, "note": note}})
	})
}
