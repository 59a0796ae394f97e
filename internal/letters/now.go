package letters

import (
	"context"
	"encoding/json"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/jobs"
)

// WriteNow starts a run of campaign id's letters of kind k as Start does
// and writes it at once, in the caller's goroutine, in place of its job;
// it returns the run as it ended. The job, when a worker takes it later,
// finds the run done and does nothing. It is for the sample data of the
// demo, which shows letters written as soon as it opens.
func (s *Service) WriteNow(ctx context.Context, p access.Principal, id int64, k Kind) (Run, error) {
	run, err := s.Start(ctx, p, id, k)
	if err != nil {
		return Run{}, err
	}
	payload, err := json.Marshal(runJob{RunID: run.ID})
	if err != nil {
		return Run{}, err
	}
	if _, err := s.Handle(ctx, &jobs.Job{ID: run.JobID, Kind: JobKind, Payload: payload}, noProgress{}); err != nil {
		return Run{}, err
	}
	return s.run(ctx, s.db.R, run.ID)
}

// noProgress is the progress of a run nobody watches.
type noProgress struct{}

func (noProgress) Set(done, total int64) {}
