package eligibility

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/jobs"
)

// JobKind is the kind of the background job that recalculates a
// campaign: Rescore run by the job queue, so a page or an API call that
// asks for it answers at once.
const JobKind = "eligibility.rescore"

// rescoreJob is the job's payload: the campaign and who asked, under
// whose name the recalculation runs and is recorded.
type rescoreJob struct {
	CampaignID int64            `json:"campaign_id"`
	By         access.Principal `json:"by"`
}

// UseJobs gives the service the queue QueueRescore writes to; the
// queue's handler of JobKind must be HandleRescore.
func (s *Service) UseJobs(q *jobs.Queue) { s.jobs = q }

// QueueRescore checks that p may recalculate the campaign and that it has
// rules, then queues the recalculation and returns the job's id.
func (s *Service) QueueRescore(ctx context.Context, p access.Principal, campaignID int64) (int64, error) {
	scope, err := s.campaignScope(ctx, s.db.R, campaignID)
	if err != nil {
		return 0, err
	}
	if err := access.Can(p, ManageAction, scope); err != nil {
		return 0, err
	}
	if _, err := s.CurrentRuleSet(ctx, campaignID); errs.CodeOf(err) == errs.NotFound {
		return 0, errs.New(errs.Invalid, "error.eligibility_no_rules")
	} else if err != nil {
		return 0, err
	}
	return s.jobs.Enqueue(ctx, s.db.W, JobKind, rescoreJob{CampaignID: campaignID, By: p},
		jobs.CreatedBy(p.UserID), jobs.MaxAttempts(2))
}

// HandleRescore runs a queued recalculation; its result is the Summary
// as JSON. Running it twice is harmless: the second run makes a new run
// current and keeps the first as history.
func (s *Service) HandleRescore(ctx context.Context, j *jobs.Job, progress jobs.Progress) (string, error) {
	var pl rescoreJob
	if err := j.Decode(&pl); err != nil {
		return "", err
	}
	progress.Set(0, 1)
	sum, err := s.Rescore(ctx, pl.By, pl.CampaignID)
	if err != nil {
		return "", err
	}
	progress.Set(1, 1)
	out, err := json.Marshal(sum)
	return string(out), err
}

// RescoreJob returns job id if it recalculates campaignID and p may
// manage the campaign's rules: the page that queued it shows how it goes.
func (s *Service) RescoreJob(ctx context.Context, p access.Principal, campaignID, id int64) (jobs.Job, *Summary, error) {
	scope, err := s.campaignScope(ctx, s.db.R, campaignID)
	if err != nil {
		return jobs.Job{}, nil, err
	}
	if err := access.Can(p, ManageAction, scope); err != nil {
		return jobs.Job{}, nil, err
	}
	j, err := s.jobs.Get(ctx, access.System, id)
	if err != nil {
		return jobs.Job{}, nil, err
	}
	var pl rescoreJob
	if j.Kind != JobKind || j.Decode(&pl) != nil || pl.CampaignID != campaignID {
		return jobs.Job{}, nil, errs.ErrNotFound
	}
	j.Payload = nil // who asked, with their scope, is not the page's to show
	if j.Status != jobs.Done {
		return j, nil, nil
	}
	var sum Summary
	if err := json.Unmarshal([]byte(j.Result), &sum); err != nil {
		return j, nil, fmt.Errorf("eligibility: job %d result: %w", id, err)
	}
	return j, &sum, nil
}
