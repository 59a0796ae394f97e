package staffbot_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/aftercare"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/stock"
	"github.com/jolproject/jol/internal/testworld"
)

// assigned hands a computer over to a child of School №1 per language
// (PC-001 …), makes the set-up tasks, and gives each computer's install
// task to a volunteer of that language with a login of their own. It
// returns the logins and their tasks by language.
func assigned(t *testing.T, w *testworld.World) (map[string]accounts.User, map[string]aftercare.Task) {
	t.Helper()
	ctx, coord, st := t.Context(), w.Principal(access.Coordinator), w.Services.Stock
	var pc, camp int64
	must(t, w.DB.R.QueryRowContext(ctx, "SELECT id FROM aid_items WHERE code = 'computer'").Scan(&pc))
	point, err := st.CreateWarehouse(ctx, access.System, stock.WarehouseInput{Code: "ALA-P", Name: "Almaty point",
		Kind: stock.DistributionPoint, OrgID: w.Centre.ID, RegionCode: "KZ-75", Active: true})
	must(t, err)
	donor, err := st.CreateDonor(ctx, access.System, stock.DonorInput{Name: "Dala Trade", Kind: stock.DonorCompany,
		OrgID: w.Foundation.ID})
	must(t, err)
	_, err = st.Receive(ctx, access.System, stock.ReceiptInput{WarehouseID: point.ID, Kind: stock.Donation,
		DonorID: donor.ID, Lines: []stock.Line{{ItemID: pc, Serials: []string{"PC-001", "PC-002", "PC-003"}}}})
	must(t, err)
	must(t, w.DB.W.QueryRowContext(ctx, rebind(w, `INSERT INTO campaigns (slug, programme, organiser_id, org_path,
		starts_on, ends_on, status, created_at, updated_at) VALUES ('pcs', 'devices', $1, $2, $3, $4, 'open', $5, $5)
		RETURNING id`), w.Foundation.ID, w.Foundation.Path, testworld.Day(2026, 1, 1), testworld.Day(2026, 12, 31),
		testworld.Epoch()).Scan(&camp))
	_, err = w.DB.W.ExecContext(ctx, rebind(w, "INSERT INTO campaign_items (campaign_id, item_id, target) VALUES ($1, $2, 100)"),
		camp, pc)
	must(t, err)
	users, tasks := map[string]accounts.User{}, map[string]aftercare.Task{}
	for i, l := range langs {
		serial := "PC-00" + strconv.Itoa(i+1)
		kid := w.Person(t, w.Child("Test", "Child "+l, testworld.Day(2012, 3, 1)))
		r, err := w.Services.Requests.Submit(ctx, coord, requests.Input{CampaignID: camp, PersonID: kid.ID,
			ApplicantKind: requests.ByParent, ApplicantName: "Parent", Channel: requests.Centre, Locale: "en",
			Lines: []requests.LineInput{{ItemID: pc, Quantity: 1}}, Via: "web"})
		must(t, err)
		for _, to := range []requests.Status{requests.UnderReview, requests.Verified, requests.Approved} {
			r, err = w.Services.Requests.Transition(ctx, coord, r.ID, requests.Move{To: to, Version: r.Version, Via: "web"})
			must(t, err)
		}
		_, err = st.Issue(ctx, access.System, stock.IssueInput{WarehouseID: point.ID, RequestID: r.ID, Line: 1,
			Serials: []string{serial}})
		must(t, err)
		users[l] = w.User(t, accounts.NewUser{Email: "volunteer-" + l + "@example.org", Name: "Volunteer " + l,
			Role: access.Volunteer, OrgID: w.Foundation.ID})
	}
	_, _, err = w.Services.Aftercare.Sync(ctx)
	must(t, err)
	for i, l := range langs {
		v, err := w.Services.Aftercare.CreateVolunteer(ctx, coord, aftercare.VolunteerInput{Name: "Volunteer " + l,
			Phone: "+7 701 000 00 0" + strconv.Itoa(i), Skills: []aftercare.Skill{aftercare.Software}, RegionCode: "KZ-75",
			OrgID: w.Foundation.ID, UserID: users[l].ID, Active: true})
		must(t, err)
		var unit int64
		must(t, w.DB.R.QueryRowContext(ctx, rebind(w, "SELECT id FROM stock_units WHERE serial = $1"),
			"PC-00"+strconv.Itoa(i+1)).Scan(&unit))
		list, err := w.Services.Aftercare.DeviceTasks(ctx, unit)
		must(t, err)
		for _, task := range list {
			if task.Kind == aftercare.Install {
				tasks[l], err = w.Services.Aftercare.Assign(ctx, coord, task.ID, task.Version, v.ID, time.Time{})
				must(t, err)
			}
		}
	}
	return users, tasks
}

// TestVolunteerChecksInAndOut checks in at a task, checks out an hour
// and a half later, logs two and a half hours more by hand (a time that
// is not one refused first) and reports the task done, in Kazakh,
// Russian and Persian.
func TestVolunteerChecksInAndOut(t *testing.T) {
	testworld.Each(t, func(t *testing.T, w *testworld.World) {
		users, tasks := assigned(t, w)
		r := rig(t, w)
		for i, lang := range langs {
			t.Run(lang, func(t *testing.T) {
				w.Clock.Set(testworld.Epoch())
				task := "t" + strconv.FormatInt(tasks[lang].ID, 10)
				c := newLive(t, r, int64(500+i), lang)
				c.Mask(tasks[lang].Reference, "<reference>")
				c.Mask(":"+task+`"`, ":t<task>\"")
				c.link(users[lang].Principal())
				c.press("f:staff_tasks")
				c.press(task)
				c.press("in")
				w.Clock.Advance(90 * time.Minute)
				c.press("out")
				c.press("hours")
				c.press("today")
				c.text("lots")
				c.text("2,5")
				c.text("Installed the office suite")
				c.press("f:staff_tasks")
				c.press(task)
				c.press("done")
				c.Golden("volunteer_" + lang)
				hours, err := w.Services.Volunteers.MyHours(t.Context(), users[lang].Principal())
				must(t, err)
				if len(hours) != 2 || hours[0].Minutes+hours[1].Minutes != 240 || hours[0].TaskID != tasks[lang].ID ||
					hours[1].TaskID != tasks[lang].ID {
					t.Errorf("hours logged %+v", hours)
				}
				got, err := w.Services.Aftercare.Task(t.Context(), users[lang].Principal(), tasks[lang].ID)
				must(t, err)
				if got.Status != aftercare.Done {
					t.Errorf("the task is %s", got.Status)
				}
			})
		}
	})
}
