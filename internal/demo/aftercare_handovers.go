package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/distribution"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/stock"
)

// deviceChildren are pupils of Astana's schools whose families' requests
// for a computer are approved before the sample allocation's first round;
// the computers it holds at the Astana point are handed over at a
// distribution day there, so that after-care has devices to follow.
var deviceChildren = []applicant{
	{"Тоқтарова", "Аяулым", "Тоқтарова Ләззат", "+7 701 330 21 45", "kk", requests.Approved, requests.Centre},
	{"Смирнов", "Егор", "Смирнова Юлия", "+7 702 441 08 63", "ru", requests.Approved, requests.SchoolList},
	{"Жүсіпов", "Алдияр", "Жүсіпова Назгүл", "+7 705 552 19 74", "kk", requests.Approved, requests.Reception},
	{"Пак", "Алиса", "Пак Марина", "+7 747 663 30 85", "ru", requests.Approved, requests.Hotline},
	{"Мұратбеков", "Ернар", "Мұратбекова Айнұр", "+7 708 774 41 96", "kk", requests.Approved, requests.Centre},
}

// DevicesPlace is where the sample computers are handed over.
const DevicesPlace = "Астана тарату пункті, №45 мектептің акт залы"

// astanaPoint is this year's computers campaign and the Astana point when
// the campaign takes applications and no computer was handed over there
// yet; ok is false otherwise.
func astanaPoint(ctx context.Context, s *services.Services, today time.Time) (win requests.Window, point int64, ok bool, err error) {
	win, err = s.Requests.CampaignWindow(ctx, devicesSlug(today.Year()))
	if err != nil || win.Status != "open" || today.Before(win.From) {
		return win, 0, false, nil
	}
	whs, err := s.Stock.Warehouses(ctx, access.System)
	if err != nil {
		return win, 0, false, err
	}
	for _, w := range whs {
		if w.Code == "AST-1" {
			point = w.ID
		}
	}
	if point == 0 {
		return win, 0, false, nil
	}
	units, err := s.Stock.Units(ctx, access.System, point, stock.UnitIssued)
	return win, point, err == nil && len(units) == 0, err
}

// seedDeviceRequests registers deviceChildren in Astana's schools and
// records their approved requests in this year's computers campaign.
func seedDeviceRequests(ctx context.Context, s *services.Services, today time.Time, ids map[string]int64) error {
	win, _, ok, err := astanaPoint(ctx, s, today)
	if err != nil || !ok {
		return err
	}
	offer, err := s.Requests.Offer(ctx, win.ID)
	if err != nil || len(offer) == 0 {
		return err
	}
	schools := []string{"ast45", "ast60", "ast81"}
	for i, c := range deviceChildren {
		kid, err := s.People.Create(ctx, access.System, people.Input{LastName: c.last, FirstName: c.first,
			BirthDate: date(today.Year()-12-i%4, time.Month(2+i), 3+i), RegionCode: "KZ-71", OrgID: ids[schools[i%3]],
			Status: people.Pupil, Grade: 6 + i%4, Languages: []string{c.locale}})
		if err != nil {
			return err
		}
		r, err := s.Requests.Submit(ctx, access.System, requests.Input{CampaignID: win.ID, PersonID: kid.ID,
			ApplicantKind: requests.ByParent, ApplicantName: c.parent, ApplicantPhone: c.phone, Channel: c.channel,
			Locale: c.locale, Lines: []requests.LineInput{{ItemID: offer[0].ID}}, Via: "web"})
		if err != nil {
			return err
		}
		for _, to := range requestPaths[c.status] {
			if r, err = s.Requests.Transition(ctx, access.System, r.ID, requests.Move{To: to, Version: r.Version, Via: "web"}); err != nil {
				return err
			}
		}
	}
	return nil
}

// handOverComputers opens a distribution day of the computers campaign at
// the Astana point and hands every computer the allocation holds there
// over, by the warehouse login, with the guardian's signature: the
// serial numbers DT-PC-0001, DT-PC-0002, … in the list's order. It
// returns the requests served.
func handOverComputers(ctx context.Context, s *services.Services, today time.Time) ([]int64, error) {
	win, point, ok, err := astanaPoint(ctx, s, today)
	if err != nil || !ok {
		return nil, err
	}
	keeper := demoPrincipal(ctx, s, "warehouse")
	y, m, d := today.Date()
	e, err := openDay(ctx, s, keeper, distribution.EventInput{CampaignID: win.ID, WarehouseID: point, Place: DevicesPlace,
		StartsAt: time.Date(y, m, d, 4, 0, 0, 0, time.UTC), EndsAt: time.Date(y, m, d, 9, 0, 0, 0, time.UTC), WholePoint: true,
		Note: "Компьютеры выдаются родителям, в присутствии классного руководителя."})
	if err != nil {
		return nil, err
	}
	rows, err := heldRows(ctx, s, e, 100)
	if err != nil {
		return nil, err
	}
	var served []int64
	for i, r := range rows {
		if _, err := s.Distribution.HandOver(ctx, keeper, distribution.HandoverInput{EventID: e.ID, RequestID: r.RequestID,
			Lines: []distribution.LineInput{{Line: r.Line, Serials: []string{fmt.Sprintf("DT-PC-%04d", i+1)}}},
			Proof: distribution.Signature, Signature: drawnSignature(), Via: "web"}); err != nil {
			return nil, fmt.Errorf("hand over a computer for %s: %w", r.Reference, err)
		}
		served = append(served, r.RequestID)
	}
	return served, nil
}
