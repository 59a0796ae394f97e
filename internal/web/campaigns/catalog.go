package campaigns

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/campaign"
	"github.com/jolproject/jol/internal/web/kit"
)

// catalogueView lists the aid catalogue.
type catalogueView struct {
	Page
	kit.Listing
	Rows      []itemLine2
	CanManage bool
}

// itemLine2 is one entry of the catalogue in the reader's language.
type itemLine2 struct {
	campaign.Item
	Name       string
	Sizing     string
	Components []string
	Sizes      string
}

// Catalogue lists every entry of the catalogue, inactive ones last.
func (s *Server) Catalogue(w http.ResponseWriter, r *http.Request, rq *request) error {
	items, err := s.svc.Campaigns.Items(r.Context(), rq.P, true)
	if err != nil {
		return err
	}
	v := catalogueView{Page: s.Page(r, rq, "catalogue.title"), Listing: kit.Whole(len(items)),
		CanManage: access.Allowed(rq.P, access.ManageCatalog)}
	loc := string(rq.L.Locale())
	for _, it := range items {
		l := itemLine2{Item: it, Name: it.Name(loc), Sizing: rq.L.T("catalogue.sizing." + string(it.Sizing)),
			Sizes: strings.Join(it.Sizes(), " · ")}
		for _, c := range it.Components {
			l.Components = append(l.Components, rq.L.T("catalogue.component", "Name", c.Name(loc), "Count", c.Quantity))
		}
		v.Rows = append(v.Rows, l)
	}
	s.Render(w, http.StatusOK, "catalogue", &v)
	return nil
}

// itemView is the form of one catalogue entry.
type itemView struct {
	Page
	Form       *form
	Action     string
	Item       campaign.Item
	Sizings    []option
	Units      []option
	Components []componentRow
	CanManage  bool
}

type componentRow struct {
	I     int
	Items []option
}

var itemFields = []string{"code", "is_kit", "sizing", "serial_tracked", "grade_min", "grade_max", "unit",
	"name_en", "name_kk", "name_ru", "name_fr", "name_fa", "active", "sort", "n_components", "components"}

func itemFieldsOf(n int) []string {
	out := append([]string{}, itemFields...)
	for i := 1; i <= n; i++ {
		out = append(out, fmt.Sprintf("comp_item_%d", i), fmt.Sprintf("comp_qty_%d", i))
	}
	return out
}

// ItemNew shows an empty catalogue entry.
func (s *Server) ItemNew(w http.ResponseWriter, r *http.Request, rq *request) error {
	f := kit.NewForm(nil, itemFieldsOf(4)...)
	f.Values["active"] = "on"
	return s.renderItem(w, r, rq, f, campaign.Item{}, http.StatusOK)
}

// Item shows the {id} catalogue entry, as a form to those who manage it.
func (s *Server) Item(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	it, err := s.svc.Campaigns.Item(r.Context(), rq.P, id)
	if err != nil {
		return err
	}
	f := kit.NewForm(nil, itemFieldsOf(len(it.Components)+3)...)
	v := f.Values
	v["code"], v["sizing"], v["unit"] = it.Code, string(it.Sizing), it.Unit
	v["name_en"], v["name_kk"], v["name_ru"], v["name_fr"], v["name_fa"] = it.Names.EN, it.Names.KK, it.Names.RU, it.Names.FR, it.Names.FA
	v["grade_min"], v["grade_max"], v["sort"] = fmt.Sprint(it.GradeMin), fmt.Sprint(it.GradeMax), fmt.Sprint(it.Sort)
	for k, on := range map[string]bool{"is_kit": it.IsKit, "serial_tracked": it.SerialTracked, "active": it.Active} {
		if on {
			v[k] = "on"
		}
	}
	for i, c := range it.Components {
		v[fmt.Sprintf("comp_item_%d", i+1)], v[fmt.Sprintf("comp_qty_%d", i+1)] = kit.Itoa(c.ItemID), fmt.Sprint(c.Quantity)
	}
	return s.renderItem(w, r, rq, f, it, http.StatusOK)
}

// ItemCreate adds an entry to the catalogue.
func (s *Server) ItemCreate(w http.ResponseWriter, r *http.Request, rq *request) error {
	return s.saveItem(w, r, rq, 0)
}

// ItemUpdate saves the {id} catalogue entry.
func (s *Server) ItemUpdate(w http.ResponseWriter, r *http.Request, rq *request) error {
	id, err := kit.PathID(r)
	if err != nil {
		return err
	}
	return s.saveItem(w, r, rq, id)
}

func (s *Server) saveItem(w http.ResponseWriter, r *http.Request, rq *request, id int64) error {
	n := min(max(atoi(r.PostFormValue("n_components")), 0), campaign.MaxComponent)
	f := kit.NewForm(r, itemFieldsOf(n)...)
	v := f.Values
	in := campaign.Item{ID: id, Code: v["code"], IsKit: v["is_kit"] != "", Sizing: campaign.Sizing(v["sizing"]),
		SerialTracked: v["serial_tracked"] != "", GradeMin: kit.Count(rq, f, "grade_min"), GradeMax: kit.Count(rq, f, "grade_max"),
		Unit: v["unit"], Active: v["active"] != "", Sort: kit.Count(rq, f, "sort"),
		Names: campaign.Names{EN: v["name_en"], KK: v["name_kk"], RU: v["name_ru"], FR: v["name_fr"], FA: v["name_fa"]}}
	for i := 1; i <= n; i++ {
		item := kit.FilterID(rq, f, fmt.Sprintf("comp_item_%d", i))
		if item != 0 {
			in.Components = append(in.Components, campaign.Component{ItemID: item, Quantity: kit.Count(rq, f, fmt.Sprintf("comp_qty_%d", i))})
		}
	}
	if len(f.FieldErrs) == 0 {
		var err error
		var out campaign.Item
		if id == 0 {
			out, err = s.svc.Campaigns.CreateItem(r.Context(), rq.P, in)
		} else {
			out, err = s.svc.Campaigns.UpdateItem(r.Context(), rq.P, id, in)
		}
		if err == nil {
			s.Flash(r, "catalogue.saved")
			return kit.SeeOther(w, r, "/catalogue/"+kit.Itoa(out.ID))
		}
		if !f.Absorb(rq.L, err) {
			return err
		}
	}
	return s.renderItem(w, r, rq, f, in, http.StatusUnprocessableEntity)
}

func (s *Server) renderItem(w http.ResponseWriter, r *http.Request, rq *request, f *form, it campaign.Item, status int) error {
	v := itemView{Page: s.Page(r, rq, "catalogue.new"), Form: f, Action: "/catalogue", Item: it,
		CanManage: access.Allowed(rq.P, access.ManageCatalog)}
	if it.ID != 0 {
		v.Title, v.Action = it.Name(string(rq.L.Locale())), "/catalogue/"+kit.Itoa(it.ID)
	}
	v.Sizings = kit.Choices(campaign.Sizings(), f.Values["sizing"], "", kit.Key[campaign.Sizing](rq.L, "catalogue.sizing."))
	v.Units = kit.Choices(campaign.Units(), f.Values["unit"], "", kit.Key[string](rq.L, "catalogue.unit."))
	items, err := s.svc.Campaigns.Items(r.Context(), rq.P, false)
	if err != nil {
		return err
	}
	opts := []option{{Label: rq.L.T("campaigns.choose_item")}}
	for _, x := range items {
		if x.ID != it.ID {
			opts = append(opts, option{Value: kit.Itoa(x.ID), Label: x.Name(string(rq.L.Locale()))})
		}
	}
	for i := 1; i <= count(f, "comp_item_"); i++ {
		v.Components = append(v.Components, componentRow{I: i, Items: selected(opts, f.Values[fmt.Sprintf("comp_item_%d", i)])})
	}
	s.Render(w, status, "item", &v)
	return nil
}
