package desk

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/appeals"
	"github.com/jolproject/jol/internal/text"
	"github.com/jolproject/jol/internal/web/kit"
	"github.com/jolproject/jol/internal/workdays"
)

// dayFields are the fields of the form that adds a calendar day.
var dayFields = []string{"day", "working", "name"}

// holidayRow is a day off of the year shown, named.
type holidayRow struct {
	Day      time.Time
	Name     string
	Builtin  bool
	Transfer bool
}

// rulesView is the administrator's page of deadlines and calendar.
type rulesView struct {
	Page
	Country   string
	Year      int
	PrevYear  int
	NextYear  int
	Deadlines []deadlineField
	DaysForm  *form // the deadlines' form
	DayForm   *form // the form that adds a day
	Days      []workdays.Exception
	Holidays  []holidayRow
	Weekend   string
}

// deadlineField is the working days of one kind, as the form shows it.
type deadlineField struct {
	Name, Label, Value, Error string
}

// Rules shows the working days each kind of appeal is given and the
// installation's calendar: the year's holidays and its own changes.
func (s *Server) Rules(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderRules(w, r, rq, nil, kit.NewForm(nil, dayFields...), http.StatusOK)
}

func (s *Server) renderRules(w http.ResponseWriter, r *http.Request, rq *request, df *form, f *form, status int) error {
	ctx := r.Context()
	country, err := s.svc.Appeals.Country(ctx)
	if err != nil {
		return err
	}
	v := rulesView{Page: s.Page(r, rq, "desk.rules"), Country: country, Year: s.Today(rq).Year(), DayForm: f, DaysForm: df}
	if y, err := strconv.Atoi(text.NormalizeDigits(r.URL.Query().Get("year"))); err == nil && y >= 2000 && y <= 2100 {
		v.Year = y
	}
	v.PrevYear, v.NextYear = v.Year-1, v.Year+1
	ds, err := s.svc.Appeals.Deadlines(ctx, rq.P)
	if err != nil {
		return err
	}
	if v.DaysForm == nil {
		v.DaysForm = kit.NewForm(nil)
		for k, n := range ds {
			v.DaysForm.Values["days_"+string(k)] = strconv.Itoa(n)
		}
	}
	for _, k := range appeals.Kinds() {
		name := "days_" + string(k)
		v.Deadlines = append(v.Deadlines, deadlineField{Name: name, Label: rq.L.T("appealkind." + string(k)),
			Value: v.DaysForm.Values[name], Error: v.DaysForm.FieldErrs[name]})
	}
	if v.Days, err = s.svc.Appeals.CalendarDays(ctx, rq.P, country); err != nil {
		return err
	}
	cal, err := s.svc.Appeals.Calendar(ctx, rq.P, country)
	if err != nil {
		return err
	}
	for _, h := range cal.Holidays(v.Year) {
		hr := holidayRow{Day: h.Day, Name: h.Name, Builtin: h.Builtin, Transfer: h.Transfer}
		if h.Builtin {
			hr.Name = rq.L.T(h.Name)
		}
		v.Holidays = append(v.Holidays, hr)
	}
	for i, d := range workdays.Weekend(country) {
		if i > 0 {
			v.Weekend += ", "
		}
		v.Weekend += rq.L.T("weekday." + strings.ToLower(d.String()))
	}
	s.Render(w, status, "rules", &v)
	return nil
}

// DeadlinesSave saves the working days of each kind.
func (s *Server) DeadlinesSave(w http.ResponseWriter, r *http.Request, rq *request) error {
	fields := make([]string, 0, len(appeals.Kinds()))
	for _, k := range appeals.Kinds() {
		fields = append(fields, "days_"+string(k))
	}
	f := kit.NewForm(r, fields...)
	ds := map[appeals.Kind]int{}
	for _, k := range appeals.Kinds() {
		n, err := strconv.Atoi(text.NormalizeDigits(f.Values["days_"+string(k)]))
		if err != nil {
			f.Fail(rq.L, "days_"+string(k), "error.not_a_number")
			continue
		}
		ds[k] = n
	}
	if len(f.FieldErrs) == 0 {
		err := s.svc.Appeals.SetDeadlines(r.Context(), rq.P, ds)
		if err == nil {
			s.Flash(r, "desk.deadlines_saved")
			return kit.SeeOther(w, r, "/desk/rules")
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderRules(w, r, rq, f, kit.NewForm(nil, dayFields...), http.StatusUnprocessableEntity)
}

// CalendarDaySave adds a day off or a working day to the installation's
// calendar.
func (s *Server) CalendarDaySave(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, dayFields...)
	day := kit.FormDate(rq, f, "day")
	if len(f.FieldErrs) == 0 {
		country, err := s.svc.Appeals.Country(r.Context())
		if err != nil {
			return err
		}
		err = s.svc.Appeals.SetCalendarDay(r.Context(), rq.P, country, workdays.Exception{Day: day, Working: f.Values["working"] != "", Name: f.Values["name"]})
		if err == nil {
			s.Flash(r, "desk.day_saved")
			return kit.SeeOther(w, r, "/desk/rules")
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderRules(w, r, rq, nil, f, http.StatusUnprocessableEntity)
}

// CalendarDayRemove removes the installation's change of the posted day.
func (s *Server) CalendarDayRemove(w http.ResponseWriter, r *http.Request, rq *request) error {
	day, err := time.Parse(time.DateOnly, r.PostFormValue("day"))
	if err != nil {
		return kit.ErrNotFound
	}
	country, err := s.svc.Appeals.Country(r.Context())
	if err != nil {
		return err
	}
	if err := s.svc.Appeals.RemoveCalendarDay(r.Context(), rq.P, country, day); err != nil {
		return err
	}
	s.Flash(r, "desk.day_removed")
	return kit.SeeOther(w, r, "/desk/rules")
}
