package kit

import (
	"errors"
	"time"

	"github.com/jolproject/jol/internal/text"
)

// FormDate reads an optional date: the yyyy-mm-dd a date input posts or,
// where the browser shows a plain text box, a date typed by hand
// (dd.mm.yyyy, or a Solar Hijri yyyy/mm/dd). A date that does not parse
// becomes an error beside the field; "" is the zero time (unknown). A date
// read by hand is put back as yyyy-mm-dd, which a date input can show.
func FormDate(rq *Request, f *Form, field string) time.Time {
	v := f.Values[field]
	if v == "" {
		return time.Time{}
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t
	}
	t, err := text.ParseDate(v)
	if err != nil {
		k := text.ErrDateFormat.Key()
		var te *text.Error
		if errors.As(err, &te) {
			k = te.Key()
		}
		f.FieldErrs[field] = rq.L.T(k)
		return time.Time{}
	}
	f.Values[field] = t.Format(time.DateOnly)
	return t
}
