package letters

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"

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
	if err := s.loadTemplates(ctx, &w); err != nil {
		return done, err
	}
	// Letters are drawn by several goroutines ahead of the one that
	// stores them, in order, each in its own transaction.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ready := s.prepareAll(ctx, &w, todo)
	for i := range todo {
		var l prepared
		select {
		case l = <-ready[i]:
		case <-ctx.Done():
			return done, ctx.Err()
		}
		if l.err != nil {
			return done, l.err
		}
		wrote, err := s.store(ctx, &w, l)
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
		if err := ctx.Err(); err != nil {
			return done, err
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

// prepared is a sponsor's letter drawn, ready to store.
type prepared struct {
	id       int64
	name     string
	locale   i18n.Locale
	content  Content
	doc, pdf []byte
	err      error
}

// loadTemplates reads the organisation's template in every language.
func (s *Service) loadTemplates(ctx context.Context, w *writer) error {
	for _, l := range i18n.All() {
		t, err := s.template(ctx, s.db.R, w.run.OrgID, SponsorLetter, l)
		if err != nil {
			return err
		}
		w.templates[l] = t
	}
	return nil
}

// prepareAll draws the letters of ids on as many goroutines as there are
// processors, a few ahead of the one storing them; the letter of ids[i]
// arrives on the i-th channel. Cancelling ctx stops the drawing.
func (s *Service) prepareAll(ctx context.Context, w *writer, ids []int64) []chan prepared {
	out := make([]chan prepared, len(ids))
	for i := range out {
		out[i] = make(chan prepared, 1)
	}
	slots := make(chan struct{}, runtime.GOMAXPROCS(0)+1)
	go func() {
		for i, id := range ids {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			go func() {
				defer func() {
					if r := recover(); r != nil {
						out[i] <- prepared{err: fmt.Errorf("letters: sponsor %d: %v", id, r)}
					}
					<-slots
				}()
				out[i] <- s.prepare(ctx, w, id)
			}()
		}
	}()
	return out
}

// prepare draws sponsor id's letter: its language, impact and gifts
// filled into the template, drawn as PDF.
func (s *Service) prepare(ctx context.Context, w *writer, id int64) prepared {
	sp, err := s.Sponsors.Get(ctx, access.System, id)
	if err != nil {
		return prepared{err: err}
	}
	locale, ok := i18n.Parse(sp.Locale(w.fallback))
	if !ok {
		locale = i18n.EN
	}
	loc := s.Catalog.Localizer(locale)
	impact, err := s.Sponsors.Impact(ctx, access.System, id, w.run.CampaignID)
	if err != nil {
		return prepared{err: err}
	}
	gifts, err := s.Sponsors.Gifts(ctx, access.System, id)
	if err != nil {
		return prepared{err: err}
	}
	c := compose(w.templates[locale], w.head, locale, s.Now().UTC(), loc, map[string]string{
		"sponsor":  sp.Name,
		"campaign": w.campaign.Text(string(locale)).Name,
		"impact":   impactText(loc, impact),
		"gifts":    giftsText(loc, gifts, w.run.CampaignID),
	})
	doc, pdf, err := s.render(c)
	return prepared{id: id, name: sp.Name, locale: locale, content: c, doc: doc, pdf: pdf, err: err}
}

// store writes a prepared letter and marks its sponsor thanked for the
// campaign in the same transaction; false when somebody else wrote it
// first.
func (s *Service) store(ctx context.Context, w *writer, l prepared) (bool, error) {
	var wrote bool
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		var letter int64
		err := tx.QueryRowContext(ctx, s.q.InsertLetter, w.run.ID, w.run.CampaignID, string(SponsorLetter), l.id,
			l.name, string(l.locale), string(l.doc), l.pdf, l.content.Created).Scan(&letter)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // thanked already
		} else if err != nil {
			return err
		}
		wrote = true
		return s.Audit.Record(ctx, tx, access.System, audit.Change{Action: "thank", Entity: "letter",
			EntityID: itoa(letter), OrgPath: w.campaign.Target().OrgPath,
			After: map[string]any{"run": w.run.ID, "campaign": w.run.CampaignID, "sponsor": l.id, "locale": l.locale}})
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
