package demo

import (
	"context"
	"fmt"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/selection"
)

// seedSelectionAppeals files two appeals two days into the window, of the
// two best candidates left out of the list: the first is upheld (the
// second examiner's mark had not been counted), the second rejected; a
// third, filed a day after the window closed, is refused as late.
func seedSelectionAppeals(ctx context.Context, at func(days int) *selection.Service, pool contestPool, id int64) error {
	p := pool.coord
	rows, err := at(19).Ranking(ctx, p, id, "", 0, 1000)
	if err != nil {
		return err
	}
	var out []selection.Row
	for _, r := range rows {
		if r.Position == 0 {
			out = append(out, r)
		}
	}
	if len(out) < 3 {
		return nil // everyone is in: nothing to appeal
	}
	up, err := at(19).File(ctx, p, id, out[0].YouthID, "Сұхбатта екінші сарапшының бағасы есептелмеді. / The second examiner's mark at the interview was not counted.")
	if err != nil {
		return fmt.Errorf("demo appeal: %w", err)
	}
	down, err := at(19).File(ctx, p, id, out[1].YouthID, "Менің ұпайым тым төмен деп ойлаймын. / I think my score is too low.")
	if err != nil {
		return fmt.Errorf("demo appeal: %w", err)
	}
	if _, err := at(17).Decide(ctx, p, up.ID, selection.Decision{Upheld: true, Score: out[0].Score + 1.5}); err != nil {
		return fmt.Errorf("demo appeal upheld: %w", err)
	}
	if _, err := at(17).Decide(ctx, p, down.ID, selection.Decision{Reason: "Екі сарапшының бағасы да есептелген; орташа балл өзгеріссіз. / Both examiners' marks were counted; the mean stands."}); err != nil {
		return fmt.Errorf("demo appeal rejected: %w", err)
	}
	_, err = at(13).File(ctx, p, id, out[2].YouthID, "Кеш берілген шағым. / An appeal sent late.")
	if errs.As(err) == nil || errs.As(err).Key != "error.selection_appeal_late" {
		return fmt.Errorf("demo late appeal: want it refused as late, got %v", err)
	}
	return nil
}
