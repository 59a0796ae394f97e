package importing

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/imports"
	"github.com/jolproject/jol/internal/web/kit"
)

// ImportStart queues a dry run (mode "dry") or an import (mode "import")
// of an upload with the answers of the preview's form, or with those of
// an earlier run (from), and opens the run's page.
func (s *Server) ImportStart(w http.ResponseWriter, r *http.Request, rq *request) error {
	up, err := s.routeUpload(r, rq)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	a, err := s.importAnswers(r, rq, up, r.PostForm, false)
	if err != nil {
		return err
	}
	if from := r.PostFormValue("from"); from != "" {
		id, err := kit.FormID(from)
		if err != nil {
			return err
		}
		earlier, err := s.svc.Imports.Run(r.Context(), rq.P, up.ID, id)
		if err != nil {
			return err
		}
		a.tpl = earlier.Template
	}
	run, err := s.svc.Imports.Start(r.Context(), rq.P, up.ID, a.tpl, r.PostFormValue("mode") != "import")
	if e := errs.As(err); e != nil && e.Code != errs.Internal && e.Code != errs.Forbidden {
		f := kit.NewForm(nil, "template_name")
		f.Summary = rq.L.T(e.Key, e.Args...)
		return s.renderPreview(w, r, rq, up, a, f, errs.HTTPStatus(e.Code))
	} else if err != nil {
		return err
	}
	http.Redirect(w, r, runURL(run), http.StatusSeeOther)
	return nil
}

// ImportTemplateSave keeps the preview's answers as a template of the
// upload's organisation, and shows the preview again with it chosen.
func (s *Server) ImportTemplateSave(w http.ResponseWriter, r *http.Request, rq *request) error {
	up, err := s.routeUpload(r, rq)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return err
	}
	a, err := s.importAnswers(r, rq, up, r.PostForm, false)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, "template_name")
	t, err := s.svc.Imports.SaveTemplate(r.Context(), rq.P, up.Target, up.OrgID, f.Values["template_name"], a.tpl)
	if err != nil {
		if !f.Absorb(rq.L, err) {
			return err
		}
		return s.renderPreview(w, r, rq, up, a, f, http.StatusUnprocessableEntity)
	}
	s.Flash(r, "imports.template_saved")
	http.Redirect(w, r, uploadURL(up.ID)+"?template="+strconv.FormatInt(t.ID, 10), http.StatusSeeOther)
	return nil
}

func uploadURL(id int64) string { return "/imports/" + strconv.FormatInt(id, 10) }

func runURL(run imports.RunRecord) string {
	return uploadURL(run.UploadID) + "/runs/" + strconv.FormatInt(run.ID, 10)
}
