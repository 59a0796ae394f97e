package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/deliveries"
	"github.com/jolproject/jol/internal/services"
)

// deliveryWalk is where each sample delivery is taken, in the plan's
// order (by centre name), but for the Shapağat centre's, which is
// delivered and waits for its demo login's confirmation: eight confirmed
// in full, two with a shortfall, three more delivered, five on their way
// and one on its way late, two planned and overdue, three due soon and
// three on schedule.
var deliveryWalk = []string{"full", "transit", "full", "soon", "short_missing", "full", "delivered", "overdue", "transit",
	"full", "planned", "late", "full", "delivered", "soon", "transit", "short_damaged", "full", "overdue", "transit",
	"planned", "full", "delivered", "soon", "transit", "planned", "full"}

// walkDeliveries takes the planned deliveries ds to their sample states,
// dispatched by the warehouse login keeper and confirmed by each centre's
// staff.
func walkDeliveries(ctx context.Context, s *services.Services, ds []deliveries.Delivery, coord, keeper access.Principal,
	today time.Time, ids map[string]int64) error {
	day := func(n int) time.Time { return date(today.Year(), today.Month(), today.Day()).AddDate(0, 0, n) }
	svc, next := s.Deliveries, 0
	for _, d := range ds {
		state := "delivered"
		if d.OrgID != ids["centre-kar"] {
			state = deliveryWalk[next%len(deliveryWalk)]
			next++
		}
		staff := access.Principal{Name: centreStaff[d.ID%int64(len(centreStaff))], Role: access.SchoolStaff,
			OrgID: d.OrgID, OrgPath: d.Target().OrgPath, RegionPath: d.Target().RegionPath}
		var err error
		step := func(f func() (deliveries.Delivery, error)) {
			if err == nil {
				d, err = f()
			}
		}
		dispatch := func() (deliveries.Delivery, error) {
			return svc.Dispatch(ctx, keeper, deliveries.DispatchInput{ID: d.ID, Version: d.Version, Locale: "ru"})
		}
		deliver := func() (deliveries.Delivery, error) { return svc.MarkDelivered(ctx, keeper, d.ID, d.Version) }
		due := func(n int) func() (deliveries.Delivery, error) {
			return func() (deliveries.Delivery, error) { return svc.Reschedule(ctx, coord, d.ID, d.Version, day(n)) }
		}
		short := func(reason deliveries.Reason, less int64, note string) func() (deliveries.Delivery, error) {
			return func() (deliveries.Delivery, error) {
				return svc.Confirm(ctx, staff, deliveries.ConfirmInput{ID: d.ID, Version: d.Version, Note: note,
					Lines: []deliveries.Receipt{{Line: 1, Quantity: max(d.Lines[0].Dispatched-less, 0), Reason: reason,
						Note: note}}})
			}
		}
		switch state {
		case "full":
			step(dispatch)
			step(deliver)
			step(func() (deliveries.Delivery, error) {
				return svc.Confirm(ctx, staff, deliveries.ConfirmInput{ID: d.ID, Version: d.Version,
					Note: "Получено полностью, акт подписан."})
			})
		case "short_missing":
			step(dispatch)
			step(deliver)
			step(short(deliveries.Missing, 1, "При приёмке не хватило одного набора."))
		case "short_damaged":
			step(dispatch)
			step(short(deliveries.Damaged, 2, "Два портфеля пришли с порванными лямками."))
		case "delivered":
			step(dispatch)
			step(deliver)
		case "transit":
			step(dispatch)
		case "late":
			step(dispatch)
			step(due(-2))
		case "overdue":
			step(due(-3 - next%3))
		case "soon":
			step(due(3 + next%4))
		}
		if err != nil {
			return fmt.Errorf("demo delivery to %s (%s): %w", d.OrgName, state, err)
		}
	}
	return nil
}

// centreStaff are the names the centres' staff confirm receipts under.
var centreStaff = []string{"Жанар Сейтова", "Ольга Ковальская", "Гүлнар Омарова", "Наталья Петренко", "Әсел Қасымова",
	"Ирина Соколова", "Динара Ахметова", "Светлана Ким"}
