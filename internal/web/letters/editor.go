package letters

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/letters"
	"github.com/jolproject/jol/internal/web/kit"
)

// editorView is the editor of an organisation's letters: the letterhead
// and one template, with the list of them all.
type editorView struct {
	Page
	Org          int64
	Orgs         []option
	CanManage    bool
	Kind         letters.Kind
	Locale       string
	Templates    []templateRow
	Placeholders []placeholderRow
	Form         *form // the template's
	HeadForm     *form // the letterhead's
}

type templateRow struct {
	letters.Template
	URL      string
	Current  bool
	Language string
}

type placeholderRow struct{ Name, Help string }

var (
	templateFields = []string{"subject", "body", "version"}
	headFields     = []string{"name", "lines", "signatory_name", "signatory_position", "version"}
)

// Templates shows the editor of the ?org organisation's letters (the
// user's own when not given), on the ?kind and ?locale template.
func (s *Server) Templates(w http.ResponseWriter, r *http.Request, rq *request) error {
	q := r.URL.Query()
	return s.editor(w, r, rq, q.Get("org"), letters.Kind(q.Get("kind")), q.Get("locale"), nil, nil, http.StatusOK)
}

func (s *Server) editor(w http.ResponseWriter, r *http.Request, rq *request, orgArg string, k letters.Kind, locale string,
	tf, hf *form, status int) error {
	org, _ := strconv.ParseInt(orgArg, 10, 64)
	if org == 0 {
		org = rq.P.OrgID
	}
	if !k.Valid() {
		k = letters.SponsorLetter
	}
	if l, ok := i18n.Parse(locale); ok {
		locale = string(l)
	} else {
		locale = string(rq.L.Locale())
	}
	ctx := r.Context()
	all, err := s.svc.Letters.Templates(ctx, rq.P, org)
	if err != nil {
		return err
	}
	head, err := s.svc.Letters.Letterhead(ctx, rq.P, org)
	if err != nil {
		return err
	}
	v := &editorView{Page: s.Page(r, rq, "letters.templates_title"), Org: org, Kind: k, Locale: locale, Form: tf,
		HeadForm: hf, CanManage: access.Can(rq.P, access.ManageLetters, rq.P.Scope()) == nil}
	if v.Orgs, err = kit.OrgOptions(ctx, s.svc.Orgs, rq.P, strconv.FormatInt(org, 10), "", 0); err != nil {
		return err
	}
	for _, t := range all {
		row := templateRow{Template: t, Language: i18n.Locale(t.Locale).NativeName(),
			URL: "/letters/templates?" + url.Values{"org": {kit.Itoa(org)}, "kind": {string(t.Kind)}, "locale": {t.Locale}}.Encode()}
		row.Current = t.Kind == k && t.Locale == locale
		if row.Current && v.Form == nil {
			v.Form = kit.NewForm(nil, templateFields...)
			v.Form.Values["subject"], v.Form.Values["body"] = t.Subject, t.Body
			v.Form.Values["version"] = strconv.Itoa(t.Version)
		}
		v.Templates = append(v.Templates, row)
	}
	for _, p := range letters.Placeholders(k) {
		v.Placeholders = append(v.Placeholders, placeholderRow{Name: "{{" + p + "}}", Help: rq.L.T("letters.placeholder." + p)})
	}
	if v.HeadForm == nil {
		v.HeadForm = kit.NewForm(nil, headFields...)
		v.HeadForm.Values["name"], v.HeadForm.Values["lines"] = head.Name, strings.Join(head.Lines, "\n")
		v.HeadForm.Values["signatory_name"], v.HeadForm.Values["signatory_position"] = head.SignatoryName, head.SignatoryPosition
		v.HeadForm.Values["version"] = strconv.Itoa(head.Version)
	}
	s.Render(w, status, "templates", v)
	return nil
}

// SaveTemplate saves a new version of a template; a template with an
// unknown placeholder comes back with the placeholder named.
func (s *Server) SaveTemplate(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, append(templateFields, "org", "kind", "locale")...)
	f.Values["body"] = r.PostFormValue("body") // keeps its line breaks
	org, _ := strconv.ParseInt(f.Values["org"], 10, 64)
	version, _ := strconv.Atoi(f.Values["version"])
	k := letters.Kind(f.Values["kind"])
	_, err := s.svc.Letters.SaveTemplate(r.Context(), rq.P, org, letters.TemplateInput{Kind: k,
		Locale: f.Values["locale"], Subject: f.Values["subject"], Body: f.Values["body"], Version: version})
	if err != nil {
		if !f.Absorb(rq.L, err) {
			return err
		}
		return s.editor(w, r, rq, f.Values["org"], k, f.Values["locale"], f, nil, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "letters.template_saved")
	return kit.SeeOther(w, r, "/letters/templates?"+url.Values{"org": {f.Values["org"]}, "kind": {string(k)},
		"locale": {f.Values["locale"]}}.Encode())
}

// SaveLetterhead saves the organisation's letterhead and signatory.
func (s *Server) SaveLetterhead(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(r, append(headFields, "org")...)
	org, _ := strconv.ParseInt(f.Values["org"], 10, 64)
	version, _ := strconv.Atoi(f.Values["version"])
	_, err := s.svc.Letters.SaveLetterhead(r.Context(), rq.P, org, letters.Letterhead{Name: f.Values["name"],
		Lines: strings.Split(f.Values["lines"], "\n"), SignatoryName: f.Values["signatory_name"],
		SignatoryPosition: f.Values["signatory_position"], Version: version})
	if err != nil {
		if !f.Absorb(rq.L, err) {
			return err
		}
		return s.editor(w, r, rq, f.Values["org"], "", "", nil, f, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "letters.letterhead_saved")
	return kit.SeeOther(w, r, "/letters/templates?org="+f.Values["org"])
}
