package volunteers_test

import (
	"slices"
	"testing"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/store"
	"github.com/jolproject/jol/internal/testworld"
)

// The registry is aftercare's; its languages, subjects and free slots
// serve the needs and courses kept here.
func TestRegistrySearchesBySubjectAndLanguage(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		ctx, reg := t.Context(), w.Services.Aftercare
		coord := w.Principal(access.Coordinator)
		add := func(name string, skills []aftercare.Skill, langs, subjects, slots []string) (aftercare.Volunteer, error) {
			return reg.CreateVolunteer(ctx, coord, aftercare.VolunteerInput{Name: name, Email: name + "@example.org",
				Skills: skills, RegionCode: "KZ-75", OrgID: w.Foundation.ID, Active: true, Languages: langs,
				Subjects: subjects, Slots: slots})
		}
		teach := []aftercare.Skill{aftercare.Teaching}
		v, err := add("Saule", teach, []string{"KK", "ru"}, []string{"math", "physics"}, []string{"sat.morning"})
		must(t, err)
		if !slices.Equal(v.Languages, []string{"kk", "ru"}) || !slices.Equal(v.Subjects, []string{"math", "physics"}) ||
			!slices.Equal(v.Slots, []string{"sat.morning"}) {
			t.Fatalf("stored %+v", v)
		}
		_, err = add("Marat", teach, []string{"en"}, []string{"english"}, nil)
		must(t, err)
		_, err = add("Driver", []aftercare.Skill{aftercare.Driving}, []string{"ru"}, nil, nil)
		must(t, err)
		_, err = add("Bad", nil, nil, []string{"math"}, nil)
		wantKey(t, err, "error.subjects_need_teaching")
		_, err = add("Bad", teach, nil, []string{"alchemy"}, nil)
		wantKey(t, err, "error.invalid_choice_of")
		_, err = add("Bad", nil, []string{"russian"}, nil, nil)
		wantKey(t, err, "error.invalid_language")
		_, err = add("Bad", nil, nil, nil, []string{"sat.night"})
		wantKey(t, err, "error.invalid_slot")

		for _, c := range []struct {
			f    aftercare.VolunteerFilter
			want []string
		}{
			{aftercare.VolunteerFilter{Subject: "math"}, []string{"Saule"}},
			{aftercare.VolunteerFilter{Language: "ru"}, []string{"Driver", "Saule"}},
			{aftercare.VolunteerFilter{Skill: aftercare.Teaching, Language: "en"}, []string{"Marat"}},
			{aftercare.VolunteerFilter{Skill: aftercare.Driving}, []string{"Driver"}},
			{aftercare.VolunteerFilter{Subject: "math", Language: "en"}, nil},
		} {
			list, _, err := reg.Volunteers(ctx, coord, c.f, store.Page{Limit: 1})
			must(t, err)
			count, err := reg.VolunteersCount(ctx, coord, c.f)
			must(t, err)
			var names []string
			all, _, err := reg.Volunteers(ctx, coord, c.f, store.Page{Limit: 50})
			must(t, err)
			for _, v := range all {
				names = append(names, v.Name)
			}
			slices.Sort(names)
			if !slices.Equal(names, c.want) || count.N != len(c.want) || len(list) != min(1, len(c.want)) {
				t.Errorf("%+v: %v (count %d, page %d), want %v", c.f, names, count.N, len(list), c.want)
			}
		}
	})
}
