package youth

import (
	"context"
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/web/kit"
	"github.com/jolproject/jol/internal/youth"
)

// ownView is a young person's own page.
type ownView struct {
	Page
	Own     youth.Own
	Token   string
	Minor   bool
	Missing []string // what a match waits for, in the page's language
	Empty   string   // why the shortlist is empty
	Form    *form    // the ranking, with its errors
	Mentors []mentorRow
	Region  func(code string) string
	Field   func(code string) string
	Slots   []slot // the ranking's selects
	Saved   bool   // the ranking was just saved (?saved=1 after the post)
	// Guardian is a minor's guardian link: its state and a new one.
	Guardian guardianBox
	Work     // the matching, the mentorship, the activities and the selections
}

// slot is one of the ranking's selects: choice_1 to choice_3.
type slot struct {
	Name string
	N    int
}

// mentorRow is a shortlisted mentor as the page shows them.
type mentorRow struct {
	youth.Shortlisted
	FieldNames []string
	Languages  []string
	// BackgroundName is the mentor's background in the page's language.
	BackgroundName string
}

// Own shows the own page of the young person whose link {token} is; an
// unknown link is the site's page not found, nothing more.
func (s *Server) Own(w http.ResponseWriter, r *http.Request, rq *request) error {
	if err := s.allow(r, "youth_link", LinkPerWindow); err != nil {
		return err
	}
	y, err := s.svc.Youth.ByLink(r.Context(), r.PathValue("token"))
	if err != nil {
		return err
	}
	return s.renderOwn(w, r, rq, y.ID, kit.NewForm(nil, "choices"), http.StatusOK, "", nil)
}

// Choose takes the young person's ranking: choice_1 to choice_3, or the
// automatic match ("auto").
func (s *Server) Choose(w http.ResponseWriter, r *http.Request, rq *request) error {
	if err := s.allow(r, "youth_link", LinkPerWindow); err != nil {
		return err
	}
	token := r.PathValue("token")
	y, err := s.svc.Youth.ByLink(r.Context(), token)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "choices", "choice_1", "choice_2", "choice_3", "auto")
	var ids []int64
	if f.Values["auto"] == "" {
		for i := 1; i <= youth.MaxChoices; i++ {
			if v := f.Values["choice_"+strconv.Itoa(i)]; v != "" {
				id, err := strconv.ParseInt(v, 10, 64)
				if err != nil {
					f.Fail(rq.L, "choices", "error.youth_choice_not_shortlisted")
					break
				}
				ids = append(ids, id)
			}
		}
	}
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Youth.Choose(r.Context(), y.ID, ids)
		if err == nil {
			return kit.SeeOther(w, r, "/y/"+token+"?saved=1")
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderOwn(w, r, rq, y.ID, f, http.StatusUnprocessableEntity, "", nil)
}

// renderOwn shows young person id's page with the ranking form f, and
// act, when it is not nil, beside the form actID names.
func (s *Server) renderOwn(w http.ResponseWriter, r *http.Request, rq *request, id int64, f *form, status int,
	actID string, act *form) error {
	ctx := r.Context()
	own, err := s.svc.Youth.OwnPage(ctx, id)
	if err != nil {
		return err
	}
	loc := string(rq.L.Locale())
	v := ownView{Page: s.Page(r, rq, "youth.own_title"), Own: own, Token: r.PathValue("token"), Form: f,
		Minor: own.Youth.Minor(s.Now().UTC()), Region: s.RegionNamer(ctx, s.svc.Geo, loc),
		Saved: r.Method == http.MethodGet && r.URL.Query().Get("saved") == "1"}
	if v.Field, err = s.fieldNamer(ctx, loc); err != nil {
		return err
	}
	if v.Guardian, err = s.ownGuardian(r, own.Youth); err != nil {
		return err
	}
	for n := 1; n <= youth.MaxChoices; n++ {
		v.Slots = append(v.Slots, slot{Name: "choice_" + strconv.Itoa(n), N: n})
	}
	for _, k := range own.Missing {
		v.Missing = append(v.Missing, rq.L.T(k))
	}
	if own.Empty.Key != "" {
		v.Empty = rq.L.T(own.Empty.Key, own.Empty.Args...)
	}
	if v.Work, err = s.work(ctx, rq, id); err != nil {
		return err
	}
	v.ActID, v.Act = actID, act
	if r.Method == http.MethodGet {
		if k, ok := doneKeys[r.URL.Query().Get("done")]; ok {
			v.Done = rq.L.T(k)
		}
	}
	if r.Method == http.MethodGet && f.Values["choice_1"] == "" {
		for i, m := range own.Choices {
			f.Values["choice_"+strconv.Itoa(i+1)] = strconv.FormatInt(m, 10)
		}
	}
	for _, c := range own.Shortlist {
		// The backgrounds' keys are listed with the mentors' own pages.
		background := "mentoring.background." + c.Background
		row := mentorRow{Shortlisted: c, BackgroundName: rq.L.T(background)}
		for _, fd := range c.Fields {
			row.FieldNames = append(row.FieldNames, v.Field(fd))
		}
		for _, l := range c.Languages {
			row.Languages = append(row.Languages, i18n.Locale(l).NativeName())
		}
		v.Mentors = append(v.Mentors, row)
	}
	s.private(w, status, "youth_own", &v)
	return nil
}

// fieldNamer names the fields of interest in locale.
func (s *Server) fieldNamer(ctx context.Context, loc string) (func(string) string, error) {
	fields, err := s.svc.Mentoring.Fields(ctx)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, f := range fields {
		names[f.Code] = f.Name(loc)
	}
	return func(code string) string {
		if n, ok := names[code]; ok {
			return n
		}
		return code
	}, nil
}
