package demo

// This file hands a few of Astana's computers over to children, so that
// after-care has devices to follow. It stands apart on purpose: when
// distribution events hand devices over in the demo (with their proof),
// they replace it.

import (
	"context"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/services"
	"github.com/jolproject/jol/internal/stock"
)

// deviceChildren are pupils of Astana's schools whose families' requests
// for a computer are approved and handed over, one computer each.
var deviceChildren = []applicant{
	{"Тоқтарова", "Аяулым", "Тоқтарова Ләззат", "+7 701 330 21 45", "kk", requests.Approved, requests.Centre},
	{"Смирнов", "Егор", "Смирнова Юлия", "+7 702 441 08 63", "ru", requests.Approved, requests.SchoolList},
	{"Жүсіпов", "Алдияр", "Жүсіпова Назгүл", "+7 705 552 19 74", "kk", requests.Approved, requests.Reception},
	{"Пак", "Алиса", "Пак Марина", "+7 747 663 30 85", "ru", requests.Approved, requests.Hotline},
	{"Мұратбеков", "Ернар", "Мұратбекова Айнұр", "+7 708 774 41 96", "kk", requests.Approved, requests.Centre},
}

// handOverComputers registers deviceChildren in Astana's schools, records
// their approved requests in this year's computers campaign and hands a
// computer over to each at the Astana point, by the warehouse login.
// Nothing is done when the campaign is missing or has handovers already.
func handOverComputers(ctx context.Context, s *services.Services, today time.Time, ids map[string]int64) ([]int64, error) {
	win, err := s.Requests.CampaignWindow(ctx, devicesSlug(today.Year()))
	if err != nil || win.Status != "open" || today.Before(win.From) {
		return nil, nil
	}
	var point int64
	whs, err := s.Stock.Warehouses(ctx, access.System)
	if err != nil {
		return nil, err
	}
	for _, w := range whs {
		if w.Code == "AST-1" {
			point = w.ID
		}
	}
	units, err := s.Stock.Units(ctx, access.System, point, stock.UnitIssued)
	if err != nil || len(units) > 0 || point == 0 {
		return nil, err
	}
	offer, err := s.Requests.Offer(ctx, win.ID)
	if err != nil || len(offer) == 0 {
		return nil, err
	}
	keeper := demoPrincipal(ctx, s, "warehouse")
	schools := []string{"ast45", "ast60", "ast81"}
	var issued []int64
	for i, c := range deviceChildren {
		kid, err := s.People.Create(ctx, access.System, people.Input{LastName: c.last, FirstName: c.first,
			BirthDate: date(today.Year()-12-i%4, time.Month(2+i), 3+i), RegionCode: "KZ-71", OrgID: ids[schools[i%3]],
			Status: people.Pupil, Grade: 6 + i%4, Languages: []string{c.locale}})
		if err != nil {
			return nil, err
		}
		r, err := s.Requests.Submit(ctx, access.System, requests.Input{CampaignID: win.ID, PersonID: kid.ID,
			ApplicantKind: requests.ByParent, ApplicantName: c.parent, ApplicantPhone: c.phone, Channel: c.channel,
			Locale: c.locale, Lines: []requests.LineInput{{ItemID: offer[0].ID}}, Via: "web"})
		if err != nil {
			return nil, err
		}
		for _, to := range requestPaths[requests.Approved] {
			if r, err = s.Requests.Transition(ctx, access.System, r.ID, requests.Move{To: to, Version: r.Version, Via: "web"}); err != nil {
				return nil, err
			}
		}
		d, err := s.Stock.Issue(ctx, keeper, stock.IssueInput{WarehouseID: point, RequestID: r.ID, Line: 1,
			Serials: []string{fmt.Sprintf("DT-PC-%04d", i+1)}, Note: "Выдано в школе, в присутствии родителя."})
		if err != nil {
			return nil, fmt.Errorf("hand over a computer to %s %s: %w", c.last, c.first, err)
		}
		// The computer is with the child: the request is delivered.
		for _, to := range []requests.Status{requests.Allocated, requests.Delivered} {
			if r, err = s.Requests.Transition(ctx, access.System, r.ID, requests.Move{To: to, Version: r.Version, Via: "web"}); err != nil {
				return nil, err
			}
		}
		issued = append(issued, d.ID)
	}
	return issued, nil
}
