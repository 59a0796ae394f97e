package public

import (
	"context"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/text"
)

// family is the registry's records of an application: the child and the
// guardian who applied.
type family struct{ child, guardian int64 }

// family finds the child and the guardian in the registry r (the
// application's transaction), within the organiser's subtree, or
// registers them, records the guardianship of a guardian or relative, and
// the consent to the processing of the child's data given online by the
// guardian. Its errors are the registry's, for Apply to turn into what
// the public is told (refusal) once the transaction has ended.
//
// The child is the person holding the national ID given, or else the one
// with the same name and date of birth (and no other ID number). The
// guardian is a person reached at the same phone with the same name who
// is not a minor; else a new adult record. A parent is not written as a
// guardianship (parents share the child's household, which an operator
// sets when the request is reviewed). A child registered here gets the
// grade the form gave; one found keeps the registry's.
func (s *Service) family(ctx context.Context, r people.Tx, p access.Principal, c Campaign, reg Region, a Application) (family, error) {
	var f family
	var err error
	if f.child, err = s.child(ctx, r, p, c, reg, a); err != nil {
		return f, err
	}
	if f.guardian, err = s.guardian(ctx, r, p, c, reg, a, f.child); err != nil {
		return f, err
	}
	if rel, ok := guardianship(a, s.Now().UTC()); ok {
		if err := linkGuardian(ctx, r, p, f, rel); err != nil {
			return f, err
		}
	}
	_, err = r.GiveConsent(ctx, p, f.child, people.ConsentInput{Purpose: people.Processing,
		Method: people.Online, GivenByID: f.guardian, ChildAssent: a.ChildAssent})
	return f, err
}

func (s *Service) child(ctx context.Context, r people.Tx, p access.Principal, c Campaign, reg Region, a Application) (int64, error) {
	ms, err := r.Matches(ctx, p, people.Candidate{LastName: a.LastName, FirstName: a.FirstName,
		Patronymic: a.Patronymic, BirthDate: a.BirthDate, NationalID: a.NationalID})
	if err != nil {
		return 0, err
	}
	for _, m := range ms {
		switch {
		case m.Reason == people.SameID && a.NationalID != "":
			return m.Person.ID, nil
		case m.Reason == people.SameNameBirth && (m.Person.NationalID == "" || m.Person.NationalID == a.NationalID):
			return m.Person.ID, nil
		}
	}
	per, err := r.Create(ctx, p, people.Input{LastName: a.LastName, FirstName: a.FirstName,
		Patronymic: a.Patronymic, BirthDate: a.BirthDate, Sex: a.Sex, NationalID: a.NationalID,
		RegionCode: reg.Code, OrgID: c.OrganiserID, Languages: []string{a.Locale}, Grade: max(a.grade, 0)})
	if err != nil {
		return 0, err
	}
	return per.ID, nil
}

func (s *Service) guardian(ctx context.Context, r people.Tx, p access.Principal, c Campaign, reg Region, a Application, child int64) (int64, error) {
	found, err := r.Search(ctx, p, a.GuardianPhone, people.SearchLimit)
	if err != nil {
		return 0, err
	}
	key := text.NameKey(a.GuardianLastName, a.GuardianFirstName, "")
	today := s.Now().UTC()
	for _, g := range found {
		age, known := g.Age(today)
		if g.ID != child && text.NameKey(g.LastName, g.FirstName, "") == key && (!known || age >= people.Adult) {
			return g.ID, nil
		}
	}
	g, err := r.Create(ctx, p, people.Input{LastName: a.GuardianLastName, FirstName: a.GuardianFirstName,
		Phone: a.GuardianPhone, RegionCode: reg.Code, OrgID: c.OrganiserID, Languages: []string{a.Locale},
		Sex: map[Relation]people.Sex{Mother: people.Female, Father: people.Male}[a.Relation]})
	if err != nil {
		return 0, err
	}
	return g.ID, nil
}

// guardianship is the registry's form of the applicant's care of the
// child: custody under 14, trusteeship from 14, "other" for a relative.
func guardianship(a Application, today time.Time) (people.GuardianRelation, bool) {
	switch a.Relation {
	case Guardian:
		if years(a.BirthDate, today) >= people.AssentAge {
			return people.Trusteeship, true
		}
		return people.Custody, true
	case Relative:
		return people.OtherCare, true
	}
	return "", false
}

// linkGuardian records the guardianship unless the registry has it.
func linkGuardian(ctx context.Context, r people.Tx, p access.Principal, f family, rel people.GuardianRelation) error {
	gs, err := r.Guardians(ctx, p, f.child)
	if err != nil {
		return err
	}
	for _, g := range gs {
		if g.GuardianPersonID == f.guardian {
			return nil
		}
	}
	_, err = r.AddGuardian(ctx, p, f.child, people.GuardianInput{PersonID: f.guardian, Relation: rel})
	return err
}
