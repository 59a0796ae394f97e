package parentbot

import (
	"strings"
	"time"

	"github.com/jolproject/jol/internal/bot/conv"
	"github.com/jolproject/jol/internal/public"
)

// summary is the application as answered, a line per answer, each named
// as the form names its field: what the parent typed or chose in this
// chat, nothing read from the registry.
func summary(c *conv.Chat, cam public.Campaign) string {
	loc := string(c.L.Locale())
	d := c.Data
	lines := []string{c.T("bot.parent.summary"), cam.Names.In(loc), ""}
	add := func(field, value string) {
		if value == "" {
			value = "—"
		}
		lines = append(lines, c.T("field."+field)+": "+value)
	}
	for _, r := range cam.Regions {
		if r.Code == d["region"] {
			add("region", r.Names.In(loc))
		}
	}
	add("last_name", d["last_name"])
	add("first_name", d["first_name"])
	add("patronymic", d["patronymic"])
	if t, err := time.Parse(time.DateOnly, d["birth_date"]); err == nil {
		add("birth_date", c.L.Date(t))
	}
	add("sex", c.T("sex."+strings.ToLower(d["sex"])))
	add("national_id", c.L.Digits(d["national_id"]))
	switch g := d["grade"]; {
	case g == "0":
		add("grade", c.T("public.grade_none"))
	case g != "":
		add("grade", c.L.Digits(g))
	}
	add("guardian_last_name", d["guardian_last_name"])
	add("guardian_first_name", d["guardian_first_name"])
	add("relation", c.T("public.relation."+d["relation"]))
	add("guardian_phone", d["guardian_phone"])
	add("distance_km", d["distance_km"])
	var items []string
	for _, id := range chosen(c) {
		for _, it := range cam.Items {
			if it.ID == id {
				s := it.Names.In(loc)
				if size := d[public.SizeField(id)]; size != "" {
					s += " (" + size + ")"
				}
				items = append(items, s)
			}
		}
	}
	add("items", strings.Join(items, c.T("common.list_separator")))
	return strings.Join(lines, "\n")
}
