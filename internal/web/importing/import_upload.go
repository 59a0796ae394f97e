package importing

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/web/kit"
)

// MaxListUploadBytes bounds the body of a list upload: the file and the
// form around it.
const MaxListUploadBytes = imports.MaxUploadBytes + 1<<20

// importsView lists the lists uploaded for the organisations the user may
// import for, each with its last run.
type importsView struct {
	Page
	listing
	Uploads []imports.Upload
	Targets map[string]string // the lists' names in the user's language, when Jol imports more than one
}

// ImportList lists the lists uploaded in the user's scope.
func (s *Server) ImportList(w http.ResponseWriter, r *http.Request, rq *request) error {
	n, err := s.svc.Imports.CountUploads(r.Context(), rq.P, 0)
	if err != nil {
		return err
	}
	pg := kit.PagingOf(r).Fit(n)
	list, next, err := s.svc.Imports.Uploads(r.Context(), rq.P, 0, pg.Store())
	if err != nil {
		return err
	}
	v := &importsView{Page: s.Page(r, rq, "imports.title"), listing: pg.Listing(r, next, n), Uploads: list}
	if all := s.svc.Imports.Targets.All(); len(all) > 1 {
		v.Targets = map[string]string{}
		for _, t := range all {
			v.Targets[t.Name()] = rq.L.T(t.Label())
		}
	}
	s.Render(w, http.StatusOK, "imports", v)
	return nil
}

// importNewView is the upload form of a list.
type importNewView struct {
	Page
	Form      *form
	Targets   []option // the lists to choose from; none when Jol imports one only
	Orgs      []option
	Templates []option
	MaxMB     int
}

// ImportNew shows the form that uploads a list.
func (s *Server) ImportNew(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, "target", "org", "template", "file")
	f.Values["target"] = r.URL.Query().Get("target")
	if rq.User.OrgID != 0 {
		f.Values["org"] = strconv.FormatInt(rq.User.OrgID, 10)
	}
	return s.renderImportNew(w, r, rq, f, http.StatusOK)
}

func (s *Server) renderImportNew(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	orgOpts, err := kit.OrgOptions(r.Context(), s.svc.Orgs, rq.P, f.Values["org"], rq.L.T("imports.choose_org"), 0)
	if err != nil {
		return err
	}
	tpls, err := s.svc.Imports.Templates(r.Context(), rq.P, "")
	if err != nil {
		return err
	}
	v := importNewView{Page: s.Page(r, rq, "imports.new"), Form: f, Orgs: orgOpts, MaxMB: imports.MaxUploadBytes >> 20,
		Targets:   s.targetOptions(rq, f.Values["target"]),
		Templates: templateOptions(rq, tpls, f.Values["template"], rq.L.T("imports.template_auto"))}
	s.Render(w, status, "import_new", &v)
	return nil
}

// ImportUpload stores an uploaded list and opens its preview. A file Jol
// cannot read comes back to the form with the reason beside the field.
func (s *Server) ImportUpload(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, "target", "org", "template", "file")
	tooLarge := func() error {
		f.Fail(rq.L, "file", "imports.too_large", "Max", imports.MaxUploadBytes>>20)
		return s.renderImportNew(w, r, rq, f, http.StatusRequestEntityTooLarge)
	}
	var mbe *http.MaxBytesError
	up, err := kit.ReadUpload(r, "file", s.svc.Imports.TempDir, kit.UploadMemory)
	defer func() { _ = up.Close() }()
	if errors.As(err, &mbe) {
		return tooLarge()
	}
	f.Values["org"], f.Values["template"] = r.FormValue("org"), r.FormValue("template")
	f.Values["target"] = r.FormValue("target")
	target := f.Values["target"]
	if all := s.svc.Imports.Targets.All(); target == "" && len(all) > 0 {
		target = all[0].Name() // the form of one target has no chooser
	}
	if err != nil || up.File == nil {
		f.Fail(rq.L, "file", "imports.file_missing")
		return s.renderImportNew(w, r, rq, f, http.StatusUnprocessableEntity)
	}
	if up.Size > imports.MaxUploadBytes {
		return tooLarge()
	}
	orgID, err := kit.FormID(f.Values["org"])
	if err != nil {
		orgID = -1
	}
	saved, err := s.svc.Imports.Save(r.Context(), rq.P, target, orgID, up.Name, up.File, up.Size)
	if err != nil {
		e := errs.As(err)
		if e == nil || e.Code == errs.Internal {
			return err
		}
		if len(e.Fields) == 0 {
			f.Fail(rq.L, "file", e.Key, e.Args...)
		} else {
			f.Absorb(rq.L, err)
			if f.Has("org_id") {
				f.FieldErrs["org"] = f.FieldErrs["org_id"]
				delete(f.FieldErrs, "org_id")
			}
		}
		return s.renderImportNew(w, r, rq, f, errs.HTTPStatus(e.Code))
	}
	to := "/imports/" + strconv.FormatInt(saved.ID, 10)
	if tpl, err := kit.FormID(f.Values["template"]); err == nil && tpl > 0 {
		to += "?template=" + strconv.FormatInt(tpl, 10)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// targetOptions are the choices of the list an upload is for, none when
// Jol imports one list only.
func (s *Server) targetOptions(rq *request, selected string) []option {
	all := s.svc.Imports.Targets.All()
	if len(all) < 2 {
		return nil
	}
	out := make([]option, len(all))
	for i, t := range all {
		out[i] = option{Value: t.Name(), Label: rq.L.T(t.Label()), Selected: t.Name() == selected}
	}
	return out
}

// templateOptions lists saved templates, each named with its
// organisation, after a first option with no template labelled empty.
func templateOptions(rq *request, ts []imports.SavedTemplate, selected, empty string) []option {
	out := []option{{Value: "", Label: empty, Selected: selected == ""}}
	for _, t := range ts {
		id := strconv.FormatInt(t.ID, 10)
		out = append(out, option{Value: id, Label: rq.L.T("imports.template_of", "Name", t.Name, "Org", t.OrgName),
			Selected: id == selected})
	}
	return out
}
