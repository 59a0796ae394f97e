package volunteering

import (
	"net/http"
	"strconv"
	"time"

	"github.com/jolproject/jol/internal/volunteers"
	"github.com/jolproject/jol/internal/web/kit"
)

// needEditView is the form that changes a need.
type needEditView struct {
	Page
	ID int64
	needForm
}

// NeedEdit shows the {id} need's form filled with what it holds.
func (s *Server) NeedEdit(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	n, err := s.svc.Volunteers.Need(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	f := kit.NewForm(nil, needFields...)
	for k, v := range map[string]string{"title": n.Title, "role": string(n.Role), "place": n.Place,
		"on_date": n.OnDate.Format(time.DateOnly), "wanted": strconv.Itoa(n.Wanted), "region": n.RegionCode,
		"org_id": kit.Itoa(n.OrgID), "note": n.Note} {
		f.Values[k] = v
	}
	return s.renderNeedEdit(w, r, rq, n, f, n.Version, http.StatusOK)
}

func (s *Server) renderNeedEdit(w http.ResponseWriter, r *http.Request, rq *request, n volunteers.Need, f *form,
	version, status int) error {
	v := needEditView{Page: s.Page(r, rq, "volunteering.edit_need"), ID: n.ID, needForm: needForm{Form: f,
		Action: "/needs/" + kit.Itoa(n.ID), Submit: "common.save", Version: version}}
	if err := s.needOptions(r, rq, &v.needForm); err != nil {
		return err
	}
	s.Render(w, status, "need_edit", &v)
	return nil
}

// NeedUpdate saves the {id} need's form, read at the version posted; a
// need changed meanwhile, cancelled, or wanting fewer people than signed
// up is refused on the form.
func (s *Server) NeedUpdate(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	n, err := s.svc.Volunteers.Need(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, append(needFields, "version")...)
	version, _ := strconv.Atoi(f.Values["version"])
	in := needInput(rq, f)
	in.CampaignID = n.CampaignID
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Volunteers.UpdateNeed(r.Context(), rq.P, id, version, in)
		if err == nil {
			s.Flash(r, "volunteering.need_saved")
			return kit.SeeOther(w, r, "/needs/"+kit.Itoa(id))
		}
		if !f.AbsorbInput(rq.L, err) {
			return err
		}
	}
	return s.renderNeedEdit(w, r, rq, n, f, version, http.StatusUnprocessableEntity)
}
