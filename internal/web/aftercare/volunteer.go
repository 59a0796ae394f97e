package aftercare

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/web/kit"
)

// volunteerView is a volunteer's page: their record, the tasks given to
// them, and the form that changes the record.
type volunteerView struct {
	Page
	V          aftercare.Volunteer
	SkillNames string
	Tasks      taskTable
	CanManage  bool
	Form       *form
	Choices    volunteerChoices
}

// Volunteer shows the {id} volunteer.
func (s *Server) Volunteer(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.renderVolunteer(w, r, rq, nil, http.StatusOK)
}

func (s *Server) renderVolunteer(w http.ResponseWriter, r *http.Request, rq *request, f *form, status int) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	vo, err := s.svc.Aftercare.Volunteer(ctx, rq.P, id)
	if err != nil {
		return err
	}
	v := volunteerView{Page: s.Page(r, rq, "aftercare.volunteer"), V: vo, SkillNames: s.skillNames(rq, vo.Skills),
		CanManage: access.Can(rq.P, access.ManageVolunteers, vo.Target()) == nil}
	v.Title = vo.Name
	if access.Allowed(rq.P, access.ViewTasks) {
		tasks, _, err := s.svc.Aftercare.Queue(ctx, rq.P, aftercare.QueueFilter{VolunteerID: vo.ID}, aftercare.Page{})
		if err != nil {
			return err
		}
		if v.Tasks.Rows, err = s.taskRows(r, rq, tasks); err != nil {
			return err
		}
		v.Tasks.P = v.Page
	}
	if v.CanManage {
		if f == nil {
			f = kit.NewForm(nil, volunteerFields...)
			var skills []string
			for _, k := range vo.Skills {
				skills = append(skills, string(k))
			}
			f.Values["name"], f.Values["phone"], f.Values["email"] = vo.Name, vo.Phone, vo.Email
			f.Values["skills"], f.Values["region"] = strings.Join(skills, ","), vo.RegionCode
			f.Values["org_id"], f.Values["version"] = strconv.FormatInt(vo.OrgID, 10), strconv.Itoa(vo.Version)
			if vo.UserID != 0 {
				f.Values["user_id"] = strconv.FormatInt(vo.UserID, 10)
			}
			if vo.Active {
				f.Values["active"] = "on"
			}
			f.Values["languages"] = strings.Join(vo.Languages, ", ")
			f.Values["subjects"], f.Values["availability"] = strings.Join(vo.Subjects, ","), strings.Join(vo.Slots, ",")
		}
		v.Form = f
		if v.Choices, err = s.volunteerChoices(r, rq, f, vo.ID); err != nil {
			return err
		}
	}
	s.Render(w, status, "volunteer", &v)
	return nil
}

// VolunteerUpdate changes the {id} volunteer.
func (s *Server) VolunteerUpdate(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	f := kit.NewForm(r, volunteerFields...)
	in := volunteerInput(rq, r, f)
	version, _ := strconv.Atoi(f.Values["version"])
	if len(f.FieldErrs) == 0 {
		_, err := s.svc.Aftercare.UpdateVolunteer(r.Context(), rq.P, id, version, in)
		if err == nil {
			s.Flash(r, "aftercare.volunteer_saved")
			return kit.SeeOther(w, r, "/volunteers/"+kit.Itoa(id))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderVolunteer(w, r, rq, f, http.StatusUnprocessableEntity)
}
