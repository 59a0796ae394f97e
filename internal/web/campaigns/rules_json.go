package campaigns

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/jolproject/jol/internal/eligibility"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/web/kit"
)

// ruleSetDoc is the rule set as the advanced view and the API's PUT take
// it: the rules and the weights.
type ruleSetDoc struct {
	Rules   eligibility.Rules   `json:"rules"`
	Weights eligibility.Weights `json:"weights"`
}

// ruleSetJSON is rs as the advanced view shows it, indented; an empty
// rule set when there is none yet.
func ruleSetJSON(rs *eligibility.RuleSet) string {
	doc := ruleSetDoc{}
	if rs != nil {
		doc = ruleSetDoc{Rules: rs.Rules, Weights: rs.Weights}
	}
	b, _ := json.MarshalIndent(doc, "", "  ")
	return string(b)
}

// saveRulesJSON saves the advanced view's JSON as the next version. JSON
// that does not read, or names a field the rule set does not have, is
// refused beside the text; every mistake of the rule set is listed there,
// each with the place it is at ("items.12.grade"), in the user's language.
func (s *Server) saveRulesJSON(w http.ResponseWriter, r *http.Request, rq *request, v *rulesView) error {
	v.JSON, v.Advanced = kit.NewForm(r, "json"), true
	if v.Current != nil {
		fillRuleForm(v, *v.Current)
	}
	var doc ruleSetDoc
	dec := json.NewDecoder(bytes.NewReader([]byte(v.JSON.Values["json"])))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil || dec.More() {
		v.JSON.Fail(rq.L, "json", "error.rules_json")
		s.renderRules(w, http.StatusUnprocessableEntity, v)
		return nil
	}
	err := validateRuleSet(doc.Rules, doc.Weights)
	if err == nil {
		_, err = s.svc.Eligibility.SaveRuleSet(r.Context(), rq.P, v.C.ID, doc.Rules, doc.Weights)
	}
	if err == nil {
		s.Flash(r, "rules.saved")
		return kit.SeeOther(w, r, rulesURL(v.C.ID))
	}
	e := errs.As(err)
	if e == nil || e.Code != errs.Invalid || len(e.Fields) == 0 {
		if !v.JSON.Absorb(rq.L, err) {
			return err
		}
	} else {
		msgs := make([]string, len(e.Fields))
		for i, fe := range e.Fields {
			msgs[i] = fe.Field + ": " + rq.L.T(fe.Key, fe.Args...)
		}
		v.JSON.FieldErrs["json"] = strings.Join(msgs, " ")
	}
	s.renderRules(w, http.StatusUnprocessableEntity, v)
	return nil
}

// validateRuleSet checks rules and weights alike, so every mistake of
// both is told at once (saving stops at the rules' first); the codes of
// categories and incomes are checked when the set is saved.
func validateRuleSet(rules eligibility.Rules, w eligibility.Weights) error {
	var fs []errs.FieldError
	for _, err := range []error{rules.Validate(nil), w.Validate(nil, nil)} {
		if e := errs.As(err); e != nil {
			fs = append(fs, e.Fields...)
		}
	}
	return errs.Validation(fs...)
}
