package campaigns

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/web/kit"
)

// rulesView is a campaign's eligibility rules and priority weights: the
// current version, every earlier one, the form that saves the next and
// the recalculation's progress.
type rulesView struct {
	Page
	C          campaign.Campaign
	Name       string
	Current    *eligibility.RuleSet
	Versions   []eligibility.RuleSet
	Form       *form
	Categories []codeRow
	Incomes    []codeRow
	CanManage  bool
	Job        *jobs.Job
	JobStatus  string
	Summary    *eligibility.Summary
}

// codeRow is a category or an income category with its name and the
// names of its fields in the form.
type codeRow struct {
	Code, Name, Need, Points string
}

// ruleFields are the form's fields besides the per-code rows.
var ruleFields = []string{"age_min", "age_max", "grade_min", "grade_max", "regions", "not_received", "items",
	"points_per_child", "children_from", "points_disability", "points_single_guardian"}

// Rules shows the {id} campaign's rules and weights.
func (s *Server) Rules(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.campaignOf(r, rq)
	if err != nil {
		return err
	}
	v, err := s.rulesView(r, rq, c)
	if err != nil {
		return err
	}
	if v.Current != nil {
		fillRuleForm(v, *v.Current)
	}
	if id, _ := strconv.ParseInt(r.URL.Query().Get("job"), 10, 64); id > 0 && v.CanManage {
		j, sum, err := s.svc.Eligibility.RescoreJob(r.Context(), rq.P, c.ID, id)
		if err == nil {
			v.Job, v.Summary, v.JobStatus = &j, sum, rq.L.T("jobstatus."+j.Status)
		} else if errs.CodeOf(err) != errs.NotFound {
			return err
		}
	}
	s.render(w, http.StatusOK, "rules", v)
	return nil
}

func (s *Server) campaignOf(r *http.Request, rq *request) (campaign.Campaign, error) {
	id, err := kit.PathID(r)
	if err != nil {
		return campaign.Campaign{}, err
	}
	return s.svc.Campaigns.Get(r.Context(), rq.P, id)
}

func (s *Server) rulesView(r *http.Request, rq *request, c campaign.Campaign) (*rulesView, error) {
	ctx := r.Context()
	v := &rulesView{Page: s.Page(r, rq, "rules.title"), C: c, Name: c.Text(string(rq.L.Locale())).Name,
		CanManage: access.Can(rq.P, eligibility.ManageAction, c.Target()) == nil}
	v.Title = rq.L.T("rules.title_of", "Name", v.Name)
	versions, err := s.svc.Eligibility.RuleSets(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	if len(versions) > 0 {
		v.Current, v.Versions = &versions[0], versions
	}
	cats, err := s.svc.People.Categories(ctx, access.System)
	if err != nil {
		return nil, err
	}
	fields := append([]string{}, ruleFields...)
	for _, x := range cats {
		row := codeRow{Code: x.Code, Name: x.Name(string(rq.L.Locale())), Need: "need_" + x.Code, Points: "cat_" + x.Code}
		v.Categories = append(v.Categories, row)
		fields = append(fields, row.Need, row.Points)
	}
	for _, code := range people.IncomeCategories() {
		row := codeRow{Code: code, Name: rq.L.T("income." + code), Points: "income_" + code}
		v.Incomes = append(v.Incomes, row)
		fields = append(fields, row.Points)
	}
	if r.Method == http.MethodPost {
		v.Form = kit.NewForm(r, fields...)
	} else {
		v.Form = kit.NewForm(nil, fields...)
	}
	return v, nil
}

// lastCode is the code of a region path: "KZ-35" of "/KZ/KZ-35/".
func lastCode(path string) string {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	return parts[len(parts)-1]
}

// SaveRules saves the form as the {id} campaign's next rule set version.
func (s *Server) SaveRules(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.campaignOf(r, rq)
	if err != nil {
		return err
	}
	v, err := s.rulesView(r, rq, c)
	if err != nil {
		return err
	}
	var keep eligibility.Weights // what the form does not show: distance bands, ranking depth
	if v.Current != nil {
		keep = v.Current.Weights
	}
	rules, weights := s.readRuleForm(r.Context(), rq, v, keep)
	if len(v.Form.FieldErrs) == 0 {
		_, err = s.svc.Eligibility.SaveRuleSet(r.Context(), rq.P, c.ID, rules, weights)
		if err == nil {
			s.Flash(r, "rules.saved")
			return kit.SeeOther(w, r, rulesURL(c.ID))
		}
		if !v.Form.Absorb(rq.L, err) {
			return err
		}
		placeRuleErrors(v.Form)
	}
	s.render(w, http.StatusUnprocessableEntity, "rules", v)
	return nil
}

// Rescore queues the recalculation of every request of the {id}
// campaign and comes back to the rules page, which shows how it goes.
func (s *Server) Rescore(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	job, err := s.svc.Eligibility.QueueRescore(r.Context(), rq.P, id)
	if e := errs.As(err); e != nil && e.Code == errs.Invalid {
		s.Flash(r, e.Key)
		return kit.SeeOther(w, r, rulesURL(id))
	} else if err != nil {
		return err
	}
	s.Flash(r, "rules.rescore_queued")
	return kit.SeeOther(w, r, rulesURL(id)+"?job="+strconv.FormatInt(job, 10)+"#rescore")
}

func rulesURL(id int64) string { return "/campaigns/" + kit.Itoa(id) + "/rules" }
