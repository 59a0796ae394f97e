package campaigns

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/web/kit"
)

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
	v.JSON.Values["json"] = ruleSetJSON(v.Current)
	if id, _ := strconv.ParseInt(r.URL.Query().Get("job"), 10, 64); id > 0 && v.CanManage {
		j, sum, err := s.svc.Eligibility.RescoreJob(r.Context(), rq.P, c.ID, id)
		if err == nil {
			v.Job, v.Summary, v.JobStatus = &j, sum, rq.L.T("jobstatus."+j.Status)
		} else if errs.CodeOf(err) != errs.NotFound {
			return err
		}
	}
	s.renderRules(w, http.StatusOK, v)
	return nil
}

// renderRules shows the rules page.
func (s *Server) renderRules(w http.ResponseWriter, status int, v *rulesView) {
	v.finish()
	s.Render(w, status, "rules", v)
}

func (s *Server) campaignOf(r *http.Request, rq *request) (campaign.Campaign, error) {
	id, err := kit.PathID(r)
	if err != nil {
		return campaign.Campaign{}, err
	}
	return s.svc.Campaigns.Get(r.Context(), rq.P, id)
}

// SaveRules saves the form as the {id} campaign's next rule set version,
// or the JSON of the advanced view when that was posted. "Add a band" and
// "Remove" (of a band's row) show the form again with a row more or less,
// saving nothing.
func (s *Server) SaveRules(w http.ResponseWriter, r *http.Request, rq *request) error {
	c, err := s.campaignOf(r, rq)
	if err != nil {
		return err
	}
	if err := access.Can(rq.P, eligibility.ManageAction, c.Target()); err != nil {
		return err
	}
	v, err := s.rulesView(r, rq, c)
	if err != nil {
		return err
	}
	if r.PostFormValue("form") == "json" {
		return s.saveRulesJSON(w, r, rq, v)
	}
	v.JSON.Values["json"] = ruleSetJSON(v.Current)
	if r.PostFormValue("add_band") != "" {
		v.addBand()
		s.renderRules(w, http.StatusOK, v)
		return nil
	}
	if i, err := strconv.Atoi(r.PostFormValue("remove_band")); err == nil {
		v.removeBand(i)
		s.renderRules(w, http.StatusOK, v)
		return nil
	}
	rules, weights, rowOf := s.readRuleForm(r.Context(), rq, v)
	err = validateRuleSet(rules, weights) // told beside the fields with the form's own mistakes
	if err == nil && len(v.Form.FieldErrs) == 0 {
		_, err = s.svc.Eligibility.SaveRuleSet(r.Context(), rq.P, c.ID, rules, weights)
		if err == nil {
			s.Flash(r, "rules.saved")
			return kit.SeeOther(w, r, rulesURL(c.ID))
		}
	}
	if err != nil && !absorbRuleErrors(rq, v, err, rowOf) {
		return err
	}
	s.renderRules(w, http.StatusUnprocessableEntity, v)
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
