package mentoring

import (
	"context"

	"github.com/jolproject/jol/internal/access"
)

// SetVetting changes mentor id's vetting for work with minors, the rest
// of the profile kept, if the mentor still stands at version: the same
// checks as Update (all four parts or none, the expiry after the date);
// p needs ManageMentors over the mentor.
func (s *Service) SetVetting(ctx context.Context, p access.Principal, id int64, version int, v Vetting) (Mentor, error) {
	m, err := s.Get(ctx, p, id)
	if err != nil {
		return Mentor{}, err
	}
	in := Input{Name: m.Name, Phone: m.Phone, Email: m.Email, Background: m.Background, Fields: m.Fields,
		Languages: m.Languages, OrgID: m.OrgID, RegionCode: m.RegionCode, InPerson: m.InPerson, Online: m.Online,
		Capacity: m.Capacity, Minors: m.Minors, Vetting: v}
	return s.Update(ctx, p, id, version, in)
}
