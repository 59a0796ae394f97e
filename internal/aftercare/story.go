package aftercare

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/stock"
)

// Story is a device's whole story, in order: where it came from (its lot:
// the donor or the purchase), every document that moved it (receipt,
// transfers, handover, return), what allocation held for the request line
// it was handed over for, the handover itself with its proof, and its
// set-up and training tasks with the volunteers and the time they gave.
type Story struct {
	Device stock.Device        `json:"device"`
	Events []stock.DeviceEvent `json:"events"`
	// Handover is the last handover to a person: the one the device is
	// with now when its state is issued.
	Handover *stock.DeviceEvent `json:"handover,omitempty"`
	// Proof is how that handover was proven, when it was recorded with
	// one (a signature, a one-time code, a photo of the signed list).
	Proof string             `json:"proof,omitempty"`
	Holds []stock.HoldRecord `json:"holds"`
	// Child and ChildID name the child the handover was for, only for a
	// reader who may see the request (whose reading is in the access log).
	Child   string `json:"child,omitempty"`
	ChildID int64  `json:"child_id,omitempty"`
	Tasks   []Task `json:"tasks"`
	// SetupMinutes and TrainingMinutes add up the time reported on the
	// installing and connecting tasks, and on training.
	SetupMinutes    int `json:"setup_minutes"`
	TrainingMinutes int `json:"training_minutes"`
}

// FindDevices finds the devices key names that p may see: those with that
// serial number (one per item at most), or else the device with that id.
func (s *Service) FindDevices(ctx context.Context, p access.Principal, key string) ([]stock.Device, error) {
	key = strings.TrimSpace(key)
	found, err := s.stock.DevicesBySerial(ctx, p, key)
	if err != nil || len(found) > 0 {
		return found, err
	}
	id, err := strconv.ParseInt(key, 10, 64)
	if err != nil || id <= 0 {
		return nil, nil
	}
	d, err := s.stock.Device(ctx, p, id)
	if errors.Is(err, errs.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return []stock.Device{d}, nil
}

// Story tells device id's story to p, who must be allowed to see the
// device (stock.view on its warehouse). via is the surface ("web", "api")
// the access log names when the child is named.
func (s *Service) Story(ctx context.Context, p access.Principal, id int64, via string) (Story, error) {
	var st Story
	var err error
	if st.Device, err = s.stock.Device(ctx, p, id); err != nil {
		return Story{}, err
	}
	if st.Events, err = s.stock.DeviceHistory(ctx, p, id); err != nil {
		return Story{}, err
	}
	for i := range st.Events {
		if st.Events[i].Kind == stock.IssuePerson {
			st.Handover = &st.Events[i]
		}
	}
	if h := st.Handover; h != nil {
		if st.Holds, err = s.stock.LineHolds(ctx, p, h.RequestID, h.RequestLine); err != nil {
			return Story{}, err
		}
		if s.proof != nil {
			if st.Proof, err = s.proof(ctx, h.DocID); err != nil {
				return Story{}, err
			}
		}
		if err := s.nameChild(ctx, p, &st, via); err != nil {
			return Story{}, err
		}
	}
	if st.Tasks, err = s.DeviceTasks(ctx, id); err != nil {
		return Story{}, err
	}
	for _, t := range st.Tasks {
		if t.Kind == Train {
			st.TrainingMinutes += t.Minutes
		} else {
			st.SetupMinutes += t.Minutes
		}
	}
	return st, nil
}

// nameChild names the child of st's handover when p may see its request;
// reading it writes the access log.
func (s *Service) nameChild(ctx context.Context, p access.Principal, st *Story, via string) error {
	if !access.Allowed(p, access.ViewRequests) {
		return nil
	}
	r, err := s.requests.Get(ctx, p, st.Handover.RequestID, via)
	switch {
	case errors.Is(err, errs.ErrNotFound) || errs.CodeOf(err) == errs.Forbidden:
		return nil
	case err != nil:
		return err
	}
	st.Child, st.ChildID = r.PersonName, r.PersonID
	return nil
}
