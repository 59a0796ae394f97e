package public

import (
	"strconv"
	"strings"

	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/people"
	"github.com/jolproject/jol/internal/text"
)

// The form checks the campaign's current rules where it can, before
// anything is written: the child's age against the age range for every
// item, the grade against the grade range, and each item chosen against
// its own ranges. The keys are those an operator is given for the same
// refusal (error.request_outside_age, error.request_outside_grade). A
// campaign without a rule set refuses no one for age or grade: its
// operators judge each request. Categories are not asked on the form:
// the evaluation reads them from the registry, with their evidence.

// checkGrade reads the grade chosen and, when the rules ask it, requires
// it and checks it against the campaign's range.
func (a *Application) checkGrade(r Conditions) []errs.FieldError {
	a.grade = -1
	g := strings.TrimSpace(text.NormalizeDigits(a.Grade))
	if g != "" {
		n, err := strconv.Atoi(g)
		if err != nil || n < 0 || n > people.MaxGrade {
			return []errs.FieldError{errs.Field("grade", "error.invalid_choice")}
		}
		a.grade = n
	}
	if !r.asksGrade(a.Items) {
		return nil
	}
	switch {
	case a.grade < 0:
		return []errs.FieldError{errs.Field("grade", "error.required", "Field", "grade")}
	case r.Grade != nil && !r.Grade.Contains(a.grade):
		return []errs.FieldError{errs.Field("grade", "error.request_outside_grade", "Min", r.Grade.Min, "Max", r.Grade.Max)}
	}
	return nil
}

// checkItemRules checks each item chosen against its own age and grade
// ranges; age is the child's, -1 when unknown (refused elsewhere).
func (a *Application) checkItemRules(r Conditions, age int) []errs.FieldError {
	var fs []errs.FieldError
	for _, ch := range a.Items {
		it, ok := r.Items[ch.ItemID]
		if !ok {
			continue
		}
		switch {
		case it.Age != nil && age >= 0 && !it.Age.Contains(age):
			fs = append(fs, errs.Field(ItemField(ch.ItemID), "public.error.item_age", "Min", it.Age.Min, "Max", it.Age.Max))
		case it.Grade != nil && a.grade >= 0 && !it.Grade.Contains(a.grade):
			fs = append(fs, errs.Field(ItemField(ch.ItemID), "public.error.item_grade", "Min", it.Grade.Min, "Max", it.Grade.Max))
		}
	}
	return fs
}

// ItemField is the form's field of item id's own refusal: the id of its
// check box.
func ItemField(id int64) string { return "item_" + itoa(id) }
