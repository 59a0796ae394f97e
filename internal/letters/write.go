package letters

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/pdfdoc"
	"github.com/jolproject/jol/internal/store"
)

// writer is what one run writes every letter with.
type writer struct {
	run       Run
	campaign  campaign.Campaign
	head      Letterhead
	fallback  string // the language of a recipient who has none: the organiser's, else the installation's
	templates map[i18n.Locale]Template
}

// write writes run's letters left to write and assembles the combined
// file; it returns how many letters the run holds.
func (s *Service) write(ctx context.Context, run Run, progress jobs.Progress) (int64, error) {
	w := writer{run: run, templates: map[i18n.Locale]Template{}}
	var err error
	if w.campaign, err = s.Campaigns.Get(ctx, access.System, run.CampaignID); err != nil {
		return 0, err
	}
	o, err := s.Orgs.Get(ctx, access.System, run.OrgID)
	if err != nil {
		return 0, err
	}
	if w.head, err = s.letterhead(ctx, s.db.R, o); err != nil {
		return 0, err
	}
	if w.fallback = o.Locale; w.fallback == "" {
		w.fallback = s.DefaultLocale(ctx)
	}
	todo, err := store.Select(ctx, s.db.R, store.ScanID, s.q.UnthankedSponsors, run.CampaignID)
	if err != nil {
		return 0, err
	}
	var done int64
	if err := s.db.R.QueryRowContext(ctx, s.q.CountRunLetters, run.ID).Scan(&done); err != nil {
		return 0, err
	}
	total := done + int64(len(todo))
	if _, err := s.db.W.ExecContext(ctx, s.q.SetRunTotal, run.ID, total, done); err != nil {
		return done, err
	}
	progress.Set(done, total)
	for _, id := range todo {
		if err := ctx.Err(); err != nil {
			return done, err
		}
		wrote, err := s.writeSponsor(ctx, &w, id)
		if err != nil {
			return done, err
		}
		if wrote {
			done++
		}
		progress.Set(done, total)
		if s.afterLetter != nil {
			if err := s.afterLetter(int(done)); err != nil {
				return done, err
			}
		}
	}
	combined, err := s.combine(ctx, run.ID)
	if err != nil {
		return done, err
	}
	var file any // NULL when the run wrote nothing
	if len(combined) > 0 {
		file = combined
	}
	_, err = s.db.W.ExecContext(ctx, s.q.FinishRun, run.ID, RunDone, done, file, "", s.Now().UTC())
	return done, err
}

// writeSponsor writes sponsor id's letter, and marks the sponsor thanked
// for the campaign in the same transaction; false when somebody else
// wrote it first.
func (s *Service) writeSponsor(ctx context.Context, w *writer, id int64) (bool, error) {
	sp, err := s.Sponsors.Get(ctx, access.System, id)
	if err != nil {
		return false, err
	}
	locale, ok := i18n.Parse(sp.Locale(w.fallback))
	if !ok {
		locale = i18n.EN
	}
	loc := s.Catalog.Localizer(locale)
	impact, err := s.Sponsors.Impact(ctx, access.System, id, w.run.CampaignID)
	if err != nil {
		return false, err
	}
	gifts, err := s.Sponsors.Gifts(ctx, access.System, id)
	if err != nil {
		return false, err
	}
	t, ok := w.templates[locale]
	if !ok {
		if t, err = s.template(ctx, s.db.R, w.run.OrgID, SponsorLetter, locale); err != nil {
			return false, err
		}
		w.templates[locale] = t
	}
	c := compose(t, w.head, locale, s.Now().UTC(), loc, map[string]string{
		"sponsor":  sp.Name,
		"campaign": w.campaign.Text(string(locale)).Name,
		"impact":   impactText(loc, impact),
		"gifts":    giftsText(loc, gifts, w.run.CampaignID),
	})
	doc, pdf, err := s.render(c)
	if err != nil {
		return false, err
	}
	var wrote bool
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var letter int64
		err := tx.QueryRowContext(ctx, s.q.InsertLetter, w.run.ID, w.run.CampaignID, string(SponsorLetter), id, sp.Name,
			string(locale), string(doc), pdf, c.Created).Scan(&letter)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // thanked already
		} else if err != nil {
			return err
		}
		wrote = true
		return s.Audit.Record(ctx, tx, access.System, audit.Change{Action: "thank", Entity: "letter",
			EntityID: itoa(letter), OrgPath: w.campaign.Target().OrgPath,
			After: map[string]any{"run": w.run.ID, "campaign": w.run.CampaignID, "sponsor": id, "locale": locale}})
	})
	return wrote, err
}

// combine draws the combined file of run id, for printing: every letter
// of the run from its stored document, in the order written.
func (s *Service) combine(ctx context.Context, id int64) ([]byte, error) {
	type row struct {
		id  int64
		doc string
	}
	var docs []pdfdoc.Document
	for after := int64(0); ; {
		rows, err := store.Select(ctx, s.db.R, func(sc store.Scanner) (row, error) {
			var r row
			return r, sc.Scan(&r.id, &r.doc)
		}, s.q.RunDocuments, id, after)
		if err != nil {
			return nil, err
		}
		if len(rows) == 0 {
			break
		}
		for _, r := range rows {
			var c Content
			if err := json.Unmarshal([]byte(r.doc), &c); err != nil {
				return nil, err
			}
			docs = append(docs, c.Document())
		}
		after = rows[len(rows)-1].id
	}
	if len(docs) == 0 {
		return nil, nil
	}
	r, err := s.pdf()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = r.WriteAll(&buf, docs...)
	return buf.Bytes(), err
}
