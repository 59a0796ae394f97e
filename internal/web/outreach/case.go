package outreach

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/charities"
	"github.com/jolproject/jol/internal/outreach"
	"github.com/jolproject/jol/internal/web/kit"
)

// caseView is a case's page: its facts, timeline, needs, referrals and
// checks, and the forms of what may be done next.
type caseView struct {
	Page
	outreach.View
	Today     time.Time
	CanWork   bool
	CanAssign bool // give the case to another worker: a coordinator's
	Form      *form
	Modes     []option
	Reasons   []option
	Needs     []option // the needs a referral may be for: those recorded
	NeedRows  []needRow
	Outcomes  []option
	Charities []option
	Schools   []option
	Shared    []option
	Workers   []option
	Region    func(code string) string // a region's name in the reader's language
}

// needRow is one need of the needs form: ticked, with the worker's note
// on it. A need recorded already stays ticked (needs are only added) and
// its note may be changed.
type needRow struct {
	Value, Label, Note string
	Recorded, Ticked   bool
}

// caseFields are the fields of every form of a case's page; each form
// posts the version it was shown at.
var caseFields = []string{"version", "mode", "reason", "note", "need", "charity", "school", "on", "attending",
	"outcome", "assignee"}

// Case shows the {id} case; the reading is in the access log.
func (s *Server) Case(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderCase(w, r, rq, kit.NewForm(nil, caseFields...), http.StatusOK)
}

func (s *Server) renderCase(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	ctx := r.Context()
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	c, err := s.svc.Outreach.Get(ctx, rq.P, id, "web")
	if err != nil {
		return err
	}
	v := caseView{Page: s.Page(r, rq, "outreach.case"), View: c, Form: f,
		CanWork: access.Can(rq.P, access.WorkOutreach, c.Target()) == nil}
	v.Title = c.PersonName
	v.Region = s.RegionNamer(ctx, s.svc.Geo, string(rq.L.Locale()))
	if v.Today, err = s.svc.Outreach.Today(ctx); err != nil {
		return err
	}
	l := rq.L
	v.Modes = choices(l, outreach.Modes(), f.Values["mode"], "outreach.mode.")
	v.Reasons = choices(l, outreach.Reasons(), f.Values["reason"], "outreach.reason.")
	var recorded []outreach.Need
	for _, n := range c.Needs {
		recorded = append(recorded, n.Need)
	}
	v.Needs = choices(l, recorded, f.Values["need"], "outreach.need.")
	v.NeedRows = needRows(r, rq, c.Needs)
	v.Outcomes = choices(l, []outreach.Outcome{outreach.MovedAway, outreach.NotFound}, f.Values["outcome"], "outreach.outcome.")
	for _, sf := range outreach.SharedFields() {
		v.Shared = append(v.Shared, option{Value: string(sf), Label: l.T("outreach.share." + string(sf)),
			Selected: c.Shares(sf)})
	}
	if v.CanWork && (c.Step == outreach.Support || c.Step == outreach.Enrolled) {
		list, err := s.svc.Charities.List(ctx, rq.P, "")
		if err != nil {
			return err
		}
		v.Charities = append(v.Charities, option{Value: "", Label: l.T("outreach.choose")})
		for _, ch := range list {
			if ch.Active && ch.WorksIn(c.RegionPath) {
				v.Charities = append(v.Charities, option{Value: kit.Itoa(ch.ID), Label: ch.Name + " (" +
					domainsLabel(rq, ch) + ")", Selected: f.Values["charity"] == kit.Itoa(ch.ID)})
			}
		}
	}
	if v.CanAssign = c.Open() && access.Can(rq.P, access.ManageOutreach, c.Target()) == nil; v.CanAssign {
		if v.Workers, err = s.workers(r, rq, c.Case, f.Values["assignee"]); err != nil {
			return err
		}
	}
	if v.CanWork && (c.Step == outreach.Contacted || c.Step == outreach.Support) {
		if v.Schools, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, f.Values["school"], l.T("outreach.choose"), 0); err != nil {
			return err
		}
		// A worker bound to an organisation chooses the school too, rather
		// than enrol the child at their own organisation by default.
		if len(v.Schools) > 0 && v.Schools[0].Value != "" {
			v.Schools = append([]option{{Value: "", Label: l.T("outreach.choose")}}, v.Schools...)
		}
	}
	s.Render(w, status, "case", &v)
	return nil
}

// needRows are the rows of the needs form: the needs recorded with
// their notes, or, when the form comes back refused, what was posted.
func needRows(r *http.Request, rq *request, recorded []outreach.NeedNote) []needRow {
	posted := r.Method == http.MethodPost && r.PathValue("act") == "needs"
	var rows []needRow
	for _, n := range outreach.Needs() {
		row := needRow{Value: string(n), Label: rq.L.T("outreach.need." + string(n))}
		for _, x := range recorded {
			if x.Need == n {
				row.Recorded, row.Ticked, row.Note = true, true, x.Note
			}
		}
		if posted {
			row.Ticked = row.Recorded || slices.Contains(r.PostForm["needs"], row.Value)
			row.Note = strings.TrimSpace(r.PostFormValue("note_" + row.Value))
		}
		rows = append(rows, row)
	}
	return rows
}

// domainsLabel names the domains a charity covers.
func domainsLabel(rq *request, ch charities.Charity) string {
	out := ""
	for i, d := range ch.Domains {
		if i > 0 {
			out += ", "
		}
		out += rq.L.T("charities.domain." + string(d))
	}
	return out
}

// Act records the {act} of the {id} case: contact, needs, refer, enrol,
// check, close, share, take (assign it to the reader) or assign (give it
// to the worker of field assignee, or to nobody: a coordinator's).
func (s *Server) Act(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, caseFields...)
	version, _ := strconv.Atoi(f.Values["version"])
	ctx, svc := r.Context(), s.svc.Outreach
	switch r.PathValue("act") {
	case "contact":
		_, err = svc.Contact(ctx, rq.P, id, version, outreach.ContactInput{Mode: outreach.Mode(f.Values["mode"]),
			Reason: outreach.Reason(f.Values["reason"]), Note: f.Values["note"]})
	case "needs":
		var needs []outreach.NeedNote
		for _, n := range r.PostForm["needs"] {
			needs = append(needs, outreach.NeedNote{Need: outreach.Need(n), Note: r.PostFormValue("note_" + n)})
		}
		_, err = svc.AddNeeds(ctx, rq.P, id, version, needs)
	case "refer":
		charity, _ := kit.FormID(f.Values["charity"])
		_, err = svc.Refer(ctx, rq.P, id, version, outreach.ReferInput{Need: outreach.Need(f.Values["need"]),
			CharityID: charity, Note: f.Values["note"]})
	case "enrol":
		school, _ := kit.FormID(f.Values["school"])
		on := kit.FormDate(rq, f, "on")
		if len(f.FieldErrs) == 0 {
			_, err = svc.Enrol(ctx, rq.P, id, version, outreach.EnrolInput{SchoolID: school, On: on})
		}
	case "check":
		_, err = svc.Check(ctx, rq.P, id, version, outreach.CheckInput{Attending: f.Values["attending"] == "yes",
			Note: f.Values["note"]})
	case "close":
		_, err = svc.Close(ctx, rq.P, id, version, outreach.Outcome(f.Values["outcome"]))
	case "share":
		var fields []outreach.SharedField
		for _, v := range r.PostForm["shared"] {
			fields = append(fields, outreach.SharedField(v))
		}
		_, err = svc.Share(ctx, rq.P, id, version, fields)
	case "take":
		_, err = svc.Assign(ctx, rq.P, id, version, rq.P.UserID)
	case "assign":
		user, _ := kit.FormID(f.Values["assignee"])
		_, err = svc.Assign(ctx, rq.P, id, version, user)
	default:
		return kit.ErrNotFound
	}
	if err == nil && len(f.FieldErrs) == 0 {
		s.Flash(r, "outreach.saved")
		return kit.SeeOther(w, r, "/outreach/"+kit.Itoa(id))
	}
	if err != nil && !f.AbsorbInput(rq.L, err) {
		return err
	}
	return s.renderCase(w, r, rq, f, http.StatusUnprocessableEntity)
}

// workers are the options of the outreach workers who may work case c,
// "nobody" first, the case's worker selected unless the form chose.
func (s *Server) workers(r *http.Request, rq *request, c outreach.Case, chosen string) ([]option, error) {
	list, err := s.svc.Outreach.Workers(r.Context(), rq.P, c.ID)
	if err != nil {
		return nil, err
	}
	if chosen == "" {
		chosen = kit.Itoa(c.AssigneeID)
	}
	out := []option{{Value: "0", Label: rq.L.T("outreach.nobody"), Selected: chosen == "0"}}
	for _, u := range list {
		out = append(out, option{Value: kit.Itoa(u.ID), Label: u.Name, Selected: chosen == kit.Itoa(u.ID)})
	}
	return out, nil
}
