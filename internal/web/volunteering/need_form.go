package volunteering

import (
	"net/http"
	"strconv"

	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/volunteers"
	"github.com/jolproject/jol/internal/web/kit"
)

// needFields are the fields of a need's form.
var needFields = []string{"title", "role", "place", "on_date", "wanted", "region", "org_id", "note"}

// needForm is the form that records a need or changes one: where it
// posts, its button, the version read (0 for a new need) and its choices.
type needForm struct {
	Form    *form
	Action  string
	Submit  string
	Version int
	Roles   []option
	Orgs    []option
}

// needOptions fills n's choices for p: the roles and the organisations.
func (s *Server) needOptions(r *http.Request, rq *request, n *needForm) error {
	n.Roles = roleOptions(rq.L, n.Form.Values["role"])
	var err error
	n.Orgs, err = kit.OrgOptions(r.Context(), s.svc.Orgs, rq.P, n.Form.Values["org_id"], "", 0)
	return err
}

// needInput reads a need's form.
func needInput(rq *request, f *form) volunteers.NeedInput {
	wanted, _ := strconv.Atoi(f.Values["wanted"])
	org, _ := kit.FormID(f.Values["org_id"])
	return volunteers.NeedInput{Role: aftercare.Skill(f.Values["role"]), Title: f.Values["title"],
		Place: f.Values["place"], OnDate: kit.FormDate(rq, f, "on_date"), Wanted: wanted, Note: f.Values["note"],
		RegionCode: f.Values["region"], OrgID: org}
}
